/**
 * IPv4 run lists: the typed-array kernels under `AddrSet`, merge, overlap and free-space search.
 *
 * A run list holds disjoint, non-adjacent, sorted half-open runs `[lo[i], hi[i])`
 * of IPv4 addresses as plain numbers (0 ≤ lo < hi ≤ 2^32): `hi[i] < lo[i+1]`.
 * Numbers up to 2^53 are exact, so 2^32 as an exclusive end needs no special case.
 * Everything here works on numbers and typed arrays only; no objects per address.
 * Serves W2 (merge, 441 ms for a million lines), W3a/W3b (overlap), W4 (free space) and W5
 * (allocation) in docs/performance.md: each within 1.5× of the typed-array reference there.
 * @internal
 */
import { keepShape } from "./shapes.js";

export interface Runs4 {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly n: number;
}

export const EMPTY4: Runs4 = { lo: new Float64Array(0), hi: new Float64Array(0), n: 0 };

/** A growable pair of Float64Arrays. */
export class RunBuf4 {
  lo: Float64Array;
  hi: Float64Array;
  n = 0;
  constructor(capacity = 16) {
    this.lo = new Float64Array(Math.max(capacity, 4));
    this.hi = new Float64Array(Math.max(capacity, 4));
  }
  push(lo: number, hi: number): void {
    if (this.n === this.lo.length) {
      const l = new Float64Array(this.n * 2);
      const h = new Float64Array(this.n * 2);
      l.set(this.lo);
      h.set(this.hi);
      this.lo = l;
      this.hi = h;
    }
    this.lo[this.n] = lo;
    this.hi[this.n] = hi;
    this.n++;
  }
  /** The runs as they are (the caller promises they are normalised). */
  runs(): Runs4 {
    return { lo: this.lo, hi: this.hi, n: this.n };
  }
}

/** POW2[k] = 2^k for k in 0..32: a table beats `2 ** k` in hot loops. */
export const POW2 = Float64Array.from({ length: 33 }, (_, k) => 2 ** k);

/**
 * A permutation that sorts `keys[0..n)` (unsigned 32-bit values) ascending, stable,
 * so equal keys keep their index order. LSD radix sort in three 11-bit passes
 * (a pass is skipped when every key has the same digit): linear time, several
 * times faster than a comparison sort at 10^5–10^6 keys.
 */
export function sortOrder32(keys: ArrayLike<number>, n: number): Uint32Array {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(2048);
  for (let shift = 0; shift < 33; shift += 11) {
    if (!digitStarts(keys, n, shift, count)) continue;
    for (let i = 0; i < n; i++) {
      const o = order[i] as number;
      const d = ((keys[o] as number) >>> shift) & 2047;
      tmp[(count[d] as number)++] = o;
    }
    const t = order;
    order = tmp;
    tmp = t;
  }
  return order;
}

/**
 * One pass of the radix sorts here: counts the 11-bit digit at `shift` of
 * `keys[0..n)` into `count` and turns the counts into each digit's first slot.
 * Returns false when every key has the same digit, so the pass can be skipped.
 */
function digitStarts(keys: ArrayLike<number>, n: number, shift: number, count: Uint32Array): boolean {
  count.fill(0);
  for (let i = 0; i < n; i++) (count[((keys[i] as number) >>> shift) & 2047] as number)++;
  if (count[((keys[0] as number) >>> shift) & 2047] === n) return false;
  let sum = 0;
  for (let d = 0; d < 2048; d++) {
    const c = count[d] as number;
    count[d] = sum;
    sum += c;
  }
  return true;
}

/**
 * A growable list of aligned IPv4 blocks (start and host-bit count), sorted by
 * radix and swept into a run list by `normalize`. Any run can be added: it is
 * cut into its aligned blocks first.
 */
export class BlockBuf4 {
  start: Uint32Array;
  host: Uint8Array;
  n = 0;
  constructor(capacity = 16) {
    this.start = new Uint32Array(Math.max(capacity, 4));
    this.host = new Uint8Array(Math.max(capacity, 4));
  }
  /** Adds the block of 2^hostBits addresses at `start` (a multiple of the block size). */
  pushBlock(start: number, hostBits: number): void {
    if (this.n === this.start.length) {
      const s = new Uint32Array(this.n * 2);
      const h = new Uint8Array(this.n * 2);
      s.set(this.start);
      h.set(this.host);
      this.start = s;
      this.host = h;
    }
    this.start[this.n] = start;
    this.host[this.n] = hostBits;
    this.n++;
  }
  /** Adds the half-open run `[lo, hi)`. */
  pushRun(lo: number, hi: number): void {
    while (lo < hi) {
      const size = blockAt4(lo, hi);
      this.pushBlock(lo, 32 - bitsOfSize4(size));
      lo += size;
    }
  }
  /**
   * The run list of all blocks added. It may reorder the buffer (the blocks stay the
   * same), so more can be added and it can be normalised again.
   */
  normalize(): Runs4 {
    const n = this.n;
    if (n === 0) return EMPTY4;
    const { start, host } = sortBlocks(this.start, this.host, n);
    const out = new RunBuf4(Math.min(n, 256));
    let curLo = start[0] as number;
    let curHi = curLo + (POW2[host[0] as number] as number);
    for (let i = 1; i < n; i++) {
      const lo = start[i] as number;
      const hi = lo + (POW2[host[i] as number] as number);
      if (lo <= curHi) {
        if (hi > curHi) curHi = hi;
      } else {
        out.push(curLo, curHi);
        curLo = lo;
        curHi = hi;
      }
    }
    out.push(curLo, curHi);
    return out.runs();
  }
}

/** Scratch for `sortBlocks`, kept between calls up to `KEEP_BLOCKS` entries (5 MB). */
let scratchStart: Uint32Array = new Uint32Array(0);
let scratchHost: Uint8Array = new Uint8Array(0);
const KEEP_BLOCKS = 1 << 20;
const DIGITS = new Uint32Array(2048);
/** Up to this many blocks are sorted by insertion. */
const SMALL_SORT = 48;

/**
 * Sorts blocks `[0, n)` by start: an LSD radix sort in three 11-bit passes (a pass
 * is skipped when every start has the same digit) that moves each start with its
 * host-bit count, so every pass reads sequentially. Returns the arrays holding the
 * sorted blocks: the given ones, or scratch arrays valid until the next call.
 */
function sortBlocks(start: Uint32Array, host: Uint8Array, n: number): { start: Uint32Array; host: Uint8Array } {
  // A few blocks (a plan's ranges): insertion sort in place, stable like the radix passes, which cost
  // 3 × 4,096 bucket steps whatever n is (a fleet's thousand small plans spent most of their check there).
  if (n <= SMALL_SORT) {
    for (let i = 1; i < n; i++) {
      const k = start[i] as number;
      const h = host[i] as number;
      let j = i - 1;
      while (j >= 0 && (start[j] as number) > k) {
        start[j + 1] = start[j] as number;
        host[j + 1] = host[j] as number;
        j--;
      }
      start[j + 1] = k;
      host[j + 1] = h;
    }
    return { start, host };
  }
  let s2: Uint32Array = scratchStart;
  let h2: Uint8Array = scratchHost;
  if (s2.length < n) {
    s2 = new Uint32Array(n);
    h2 = new Uint8Array(n);
    if (n <= KEEP_BLOCKS) {
      scratchStart = s2;
      scratchHost = h2;
    }
  }
  let s1 = start;
  let h1 = host;
  const count = DIGITS;
  for (let shift = 0; shift < 33; shift += 11) {
    if (!digitStarts(s1, n, shift, count)) continue;
    for (let i = 0; i < n; i++) {
      const k = s1[i] as number;
      const p = (count[(k >>> shift) & 2047] as number)++;
      s2[p] = k;
      h2[p] = h1[i] as number;
    }
    const ts = s1;
    s1 = s2;
    s2 = ts;
    const th = h1;
    h1 = h2;
    h2 = th;
  }
  return { start: s1, host: h1 };
}

keepShape(new RunBuf4(4));
keepShape(new BlockBuf4(4));

/** The union of two run lists, in one linear pass. */
export function union4(a: Runs4, b: Runs4): Runs4 {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const out = new RunBuf4(a.n + b.n);
  let i = 0;
  let j = 0;
  let curLo = -1;
  let curHi = -1;
  while (i < a.n || j < b.n) {
    let lo: number;
    let hi: number;
    if (j >= b.n || (i < a.n && (a.lo[i] as number) <= (b.lo[j] as number))) {
      lo = a.lo[i] as number;
      hi = a.hi[i] as number;
      i++;
    } else {
      lo = b.lo[j] as number;
      hi = b.hi[j] as number;
      j++;
    }
    if (curHi >= 0 && lo <= curHi) {
      if (hi > curHi) curHi = hi;
    } else {
      if (curHi >= 0) out.push(curLo, curHi);
      curLo = lo;
      curHi = hi;
    }
  }
  out.push(curLo, curHi);
  return out.runs();
}

/** The addresses in both run lists. */
export function intersect4(a: Runs4, b: Runs4): Runs4 {
  const out = new RunBuf4(Math.min(a.n + b.n, 256));
  let i = 0;
  let j = 0;
  while (i < a.n && j < b.n) {
    const ahi = a.hi[i] as number;
    const bhi = b.hi[j] as number;
    const lo = Math.max(a.lo[i] as number, b.lo[j] as number);
    const hi = Math.min(ahi, bhi);
    if (lo < hi) out.push(lo, hi);
    if (ahi < bhi) i++;
    else j++;
  }
  return out.runs();
}

/** The addresses of `a` that are not in `b`. */
export function subtract4(a: Runs4, b: Runs4): Runs4 {
  if (a.n === 0 || b.n === 0) return a;
  const out = new RunBuf4(Math.min(a.n + b.n, 256));
  let j = 0;
  for (let i = 0; i < a.n; i++) {
    let lo = a.lo[i] as number;
    const hi = a.hi[i] as number;
    while (j < b.n && (b.hi[j] as number) <= lo) j++;
    let k = j;
    while (k < b.n && (b.lo[k] as number) < hi) {
      const blo = b.lo[k] as number;
      if (blo > lo) out.push(lo, blo);
      lo = Math.max(lo, b.hi[k] as number);
      k++;
    }
    if (lo < hi) out.push(lo, hi);
    // b's run at k-1 may reach into a's next run; keep it.
    j = k > j ? k - 1 : j;
  }
  return out.runs();
}

/** The addresses in `[lo, hi)` that are not in the run list. */
export function complementWithin4(r: Runs4, lo: number, hi: number): Runs4 {
  const lo1 = new Float64Array([lo]);
  const hi1 = new Float64Array([hi]);
  return subtract4({ lo: lo1, hi: hi1, n: 1 }, r);
}

/** Index of the last run with `lo[i] ≤ x`, or −1. */
function runAtOrBefore4(r: Runs4, x: number): number {
  let a = 0;
  let b = r.n;
  while (a < b) {
    const m = (a + b) >>> 1;
    if ((r.lo[m] as number) <= x) a = m + 1;
    else b = m;
  }
  return a - 1;
}

/** Reports whether every address of `[lo, hi)` is in the run list. */
export function covers4(r: Runs4, lo: number, hi: number): boolean {
  const i = runAtOrBefore4(r, lo);
  return i >= 0 && (r.hi[i] as number) >= hi;
}

/** Reports whether some address of `[lo, hi)` is in the run list. */
export function touches4(r: Runs4, lo: number, hi: number): boolean {
  const i = runAtOrBefore4(r, hi - 1);
  return i >= 0 && (r.hi[i] as number) > lo;
}

/** The number of addresses in the run list. */
export function size4(r: Runs4): number {
  let s = 0;
  for (let i = 0; i < r.n; i++) s += (r.hi[i] as number) - (r.lo[i] as number);
  return s;
}

export function equals4(a: Runs4, b: Runs4): boolean {
  if (a.n !== b.n) return false;
  for (let i = 0; i < a.n; i++) if (a.lo[i] !== b.lo[i] || a.hi[i] !== b.hi[i]) return false;
  return true;
}

const TWO32 = 2 ** 32;

/** The size of the largest aligned block that starts at `start` and ends by `end` (exclusive). */
export function blockAt4(start: number, end: number): number {
  const low = start === 0 ? TWO32 : (start & -start) >>> 0;
  const span = end - start;
  const pow = span >= TWO32 ? TWO32 : (POW2[31 - Math.clz32(span)] as number);
  return low < pow ? low : pow;
}

/** The prefix length of an aligned block size (a power of two up to 2^32). */
export function bitsOfSize4(size: number): number {
  return size === TWO32 ? 0 : Math.clz32(size) + 1;
}

/** Calls `emit(start, bits)` for the minimal aligned prefixes covering the run list, in order. */
export function eachPrefix4(r: Runs4, emit: (start: number, bits: number) => void): void {
  for (let i = 0; i < r.n; i++) {
    let s = r.lo[i] as number;
    const e = r.hi[i] as number;
    while (s < e) {
      const size = blockAt4(s, e);
      emit(s, bitsOfSize4(size));
      s += size;
    }
  }
}
