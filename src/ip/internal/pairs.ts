/**
 * Pairs of positions `(i, j)`, i < j, in two parallel `Uint32Array`s, and their
 * order by i then j in linear time: two stable counting-sort passes (by j, then
 * by i) over keys below the item count, instead of a comparison sort of packed
 * codes and an array per pair. Serves W3c (all overlapping pairs among 100,000
 * nested prefixes, about 200,000 pairs: docs/performance.md), beside Go's
 * `net/netip` and the typed-array reference, and W3b.
 * @internal
 */
import { keepShape } from "./shapes.js";

/** Growable parallel arrays of pair positions, in the order found. */
export class PairBuf {
  first: Uint32Array;
  second: Uint32Array;
  n = 0;

  constructor(capacity = 1024) {
    this.first = new Uint32Array(capacity);
    this.second = new Uint32Array(capacity);
  }

  /** Doubles the capacity; the sweeps call it when `n` reaches it. */
  grow(): void {
    const f = new Uint32Array(this.first.length * 2);
    const s = new Uint32Array(this.first.length * 2);
    f.set(this.first);
    s.set(this.second);
    this.first = f;
    this.second = s;
  }

  /** Adds the pair of positions `a` and `b` (in either order) as (min, max). */
  push(a: number, b: number): void {
    if (this.n === this.first.length) this.grow();
    this.first[this.n] = a < b ? a : b;
    this.second[this.n] = a < b ? b : a;
    this.n++;
  }
}
keepShape(new PairBuf(1));

/** Turns `start` into counting sort's first slot per key: the number of `keys[0..k)` below each key. */
function slots(start: Uint32Array, keys: Uint32Array, k: number): void {
  start.fill(0);
  for (let x = 0; x < k; x++) {
    const at = (keys[x] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let v = 1; v < start.length; v++) start[v] = (start[v] as number) + (start[v - 1] as number);
}

/**
 * The buffer's pairs sorted by first then second (every position below `range`).
 * The result shares the buffer's arrays: the second pass writes back into them, so
 * a sort allocates only one scratch pair of arrays and one counter array.
 */
export function sortedPairs(buf: PairBuf, range: number): { first: Uint32Array; second: Uint32Array } {
  const k = buf.n;
  const f0 = buf.first;
  const s0 = buf.second;
  const start = new Uint32Array(range + 1);
  const f1 = new Uint32Array(k);
  const s1 = new Uint32Array(k);
  // LSD: stable by second into the scratch arrays, then stable by first back into the buffer.
  slots(start, s0, k);
  for (let x = 0; x < k; x++) {
    const key = s0[x] as number;
    const d = start[key] as number;
    start[key] = d + 1;
    f1[d] = f0[x] as number;
    s1[d] = key;
  }
  slots(start, f1, k);
  for (let x = 0; x < k; x++) {
    const key = f1[x] as number;
    const d = start[key] as number;
    start[key] = d + 1;
    f0[d] = key;
    s0[d] = s1[x] as number;
  }
  return { first: f0.subarray(0, k), second: s0.subarray(0, k) };
}
