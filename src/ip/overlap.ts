/**
 * Overlap search among many prefixes or ranges: an index built once over M items
 * answers "which items does this query overlap" in O(log M + hits), and
 * `findOverlappingPairs` lists all overlapping pairs by sort-and-sweep in
 * O(M log M + pairs). Items of different families never overlap.
 */
import { bounds, pushBounds, touchesItem, type AddrItem } from "./set.js";
import { expectIterable } from "./guard.js";
import { BlockBuf4, RunBuf4, sortOrder32, type Runs4 } from "./internal/runs4.js";
import { normalize6, type Runs6 } from "./internal/runs6.js";
import { PairBuf, sortedPairs } from "./internal/pairs.js";

/** @internal IPv4 items sorted by start: `lo`, exclusive `hi`, original index, and the implicit-tree max of `hi`. */
interface Sorted4 {
  lo: Float64Array;
  hi: Float64Array;
  idx: Uint32Array;
  n: number;
}

interface Sorted6 {
  lo: bigint[];
  hi: bigint[];
  idx: number[];
}

/** @internal Items split by family into half-open bounds, with each item's position. */
export interface Collected {
  b4: RunBuf4;
  i4: number[];
  lo6: bigint[];
  hi6: bigint[];
  i6: number[];
  count: number;
}

/** @internal Splits items by family with `push` (which returns the item's family), remembering positions. */
export function collect<T>(
  items: Iterable<T>,
  push: (x: T, b4: RunBuf4, lo6: bigint[], hi6: bigint[], index: number) => 4 | 6,
): Collected {
  expectIterable(items, "the list of items");
  const b4 = new RunBuf4();
  const i4: number[] = [];
  const lo6: bigint[] = [];
  const hi6: bigint[] = [];
  const i6: number[] = [];
  let k = 0;
  for (const x of items) {
    if (push(x, b4, lo6, hi6, k) === 4) i4.push(k);
    else i6.push(k);
    k++;
  }
  return { b4, i4, lo6, hi6, i6, count: k };
}

/** Sorts IPv4 bounds by start (then position: the radix sort is stable). */
function sort4(lo: Float64Array, hi: Float64Array, pos: readonly number[]): Sorted4 {
  const n = pos.length;
  const order = sortOrder32(lo, n);
  const s: Sorted4 = { lo: new Float64Array(n), hi: new Float64Array(n), idx: new Uint32Array(n), n };
  for (let i = 0; i < n; i++) {
    const o = order[i] as number;
    s.lo[i] = lo[o] as number;
    s.hi[i] = hi[o] as number;
    s.idx[i] = pos[o] as number;
  }
  return s;
}

function sort6(lo: readonly bigint[], hi: readonly bigint[], pos: readonly number[]): Sorted6 {
  const order = pos
    .map((_, i) => i)
    .sort((a, b) => {
      const x = lo[a] as bigint;
      const y = lo[b] as bigint;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  return {
    lo: order.map((o) => lo[o] as bigint),
    hi: order.map((o) => hi[o] as bigint),
    idx: order.map((o) => pos[o] as number),
  };
}

/** Fills `max[m]` with the largest `hi` in the implicit subtree rooted at `m = (l + r) >>> 1`. */
function buildMax4(s: Sorted4, max: Float64Array, l: number, r: number): number {
  if (l >= r) return -1;
  const m = (l + r) >>> 1;
  const v = Math.max(s.hi[m] as number, buildMax4(s, max, l, m), buildMax4(s, max, m + 1, r));
  max[m] = v;
  return v;
}

/** In-order walk (by start): collects the positions of the items overlapping [qlo, qhi), at most `limit`. */
function query4(
  s: Sorted4,
  max: Float64Array,
  l: number,
  r: number,
  qlo: number,
  qhi: number,
  out: number[],
  limit: number,
): void {
  while (l < r && out.length < limit) {
    const m = (l + r) >>> 1;
    if ((max[m] as number) <= qlo) return;
    query4(s, max, l, m, qlo, qhi, out, limit);
    if ((s.lo[m] as number) >= qhi || out.length >= limit) return;
    if ((s.hi[m] as number) > qlo) out.push(s.idx[m] as number);
    l = m + 1;
  }
}

function buildMax6(s: Sorted6, max: bigint[], l: number, r: number): bigint {
  if (l >= r) return -1n;
  const m = (l + r) >>> 1;
  let v = s.hi[m] as bigint;
  const a = buildMax6(s, max, l, m);
  const b = buildMax6(s, max, m + 1, r);
  if (a > v) v = a;
  if (b > v) v = b;
  max[m] = v;
  return v;
}

function query6(
  s: Sorted6,
  max: bigint[],
  l: number,
  r: number,
  qlo: bigint,
  qhi: bigint,
  out: number[],
  limit: number,
): void {
  while (l < r && out.length < limit) {
    const m = (l + r) >>> 1;
    if ((max[m] as bigint) <= qlo) return;
    query6(s, max, l, m, qlo, qhi, out, limit);
    if ((s.lo[m] as bigint) >= qhi || out.length >= limit) return;
    if ((s.hi[m] as bigint) > qlo) out.push(s.idx[m] as number);
    l = m + 1;
  }
}

/** How many of the sorted values are below `x` (strictly). */
function countBelow<T extends number | bigint>(sorted: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted values are at or below `x`. */
function countAtMost<T extends number | bigint>(sorted: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as T) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An index over a fixed list of prefixes or ranges (both families) for repeated overlap queries. */
export class OverlapIndex {
  private readonly items: Collected;
  private readonly union4: Runs4;
  private readonly union6: Runs6;
  /** The interval trees, built on the first `overlapping` call (`overlapsAny` needs only the union). */
  private tree?: {
    s4: Sorted4;
    max4: Float64Array;
    s6: Sorted6;
    max6: bigint[];
    /** The items' exclusive ends, ascending (for counting). */
    hi4: Float64Array;
    hi6: bigint[];
  };
  /** The number of items indexed. */
  readonly size: number;

  constructor(items: Iterable<AddrItem>) {
    const c = collect(items, pushBounds);
    this.items = c;
    this.size = c.count;
    const blocks = new BlockBuf4(c.b4.n);
    for (let i = 0; i < c.b4.n; i++) blocks.pushRun(c.b4.lo[i] as number, c.b4.hi[i] as number);
    this.union4 = blocks.normalize();
    this.union6 = normalize6(c.lo6.slice(), c.hi6.slice());
  }

  /**
   * The positions (in the input order, ascending) of the items that share an address with `q`. With a `limit`,
   * at most that many: when more overlap, the `limit` that start first (earlier position first among equal
   * starts), found in O(log M + limit) — so a caller that shows ten of a million hits never lists them all.
   */
  overlapping(q: AddrItem, limit = Infinity): number[] {
    const t = (this.tree ??= this.buildTree());
    const b = bounds(q);
    const out: number[] = [];
    if (!(limit > 0)) return out;
    if (b.family === 4) query4(t.s4, t.max4, 0, t.s4.n, b.lo, b.hi, out, limit);
    else query6(t.s6, t.max6, 0, t.s6.lo.length, b.lo, b.hi, out, limit);
    return out.sort((x, y) => x - y);
  }

  /**
   * How many items share an address with `q`, in O(log M) without listing them: the items that start before
   * `q` ends, less those that end before `q` starts (every such item also starts before `q` ends).
   */
  countOverlapping(q: AddrItem): number {
    const t = (this.tree ??= this.buildTree());
    const b = bounds(q);
    if (b.family === 4) return countBelow(t.s4.lo.subarray(0, t.s4.n), b.hi) - countAtMost(t.hi4, b.lo);
    return countBelow(t.s6.lo, b.hi) - countAtMost(t.hi6, b.lo);
  }

  /** Reports whether `q` shares an address with any item (a binary search over the items' union). */
  overlapsAny(q: AddrItem): boolean {
    return touchesItem(this.union4, this.union6, q);
  }

  private buildTree(): NonNullable<OverlapIndex["tree"]> {
    const c = this.items;
    const s4 = sort4(c.b4.lo, c.b4.hi, c.i4);
    const max4 = new Float64Array(s4.n);
    buildMax4(s4, max4, 0, s4.n);
    const s6 = sort6(c.lo6, c.hi6, c.i6);
    const max6 = new Array<bigint>(s6.lo.length).fill(0n);
    buildMax6(s6, max6, 0, s6.lo.length);
    const hi4 = s4.hi.slice(0, s4.n).sort();
    const hi6 = s6.hi.slice().sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    return { s4, max4, s6, max6, hi4, hi6 };
  }
}

/** For each query, whether it shares an address with any of the items. */
export function queriesOverlappingAny(queries: Iterable<AddrItem>, items: Iterable<AddrItem>): boolean[] {
  const index = new OverlapIndex(items);
  const out: boolean[] = [];
  expectIterable(queries, "queriesOverlappingAny's queries");
  for (const q of queries) out.push(index.overlapsAny(q));
  return out;
}

/**
 * Overlapping pairs as two parallel arrays: pair x is `(first[x], second[x])`,
 * first < second, sorted by first then second.
 */
export interface OverlapPairs {
  readonly count: number;
  readonly first: Uint32Array;
  readonly second: Uint32Array;
}

/**
 * Every pair of positions `[i, j]` (i < j) whose items share an address, sorted by i then j.
 * Sort-and-sweep: after sorting by start, item a overlaps exactly the later items
 * that start before a ends, so the inner scan stops at the first miss.
 */
export function findOverlappingPairs(items: Iterable<AddrItem>): Array<[number, number]> {
  const p = pairsOf(collect(items, pushBounds));
  const out = new Array<[number, number]>(p.count);
  for (let x = 0; x < p.count; x++) out[x] = [p.first[x] as number, p.second[x] as number];
  return out;
}

/**
 * The most pairs `findOverlappingPairs` and `overlappingPairsText` list: n copies of one CIDR overlap in n(n-1)/2
 * pairs (10,000 copies: 5e7 pairs, ~16 s and 400 MB), so past this they throw a RangeError before listing any.
 */
const MAX_OVERLAPPING_PAIRS = 2 ** 24;

/** The first position in `xs[from..n)` (ascending) whose value is not below `end`. */
function lowerBound<T extends number | bigint>(xs: ArrayLike<T>, from: number, n: number, end: T): number {
  let l = from;
  let r = n;
  while (l < r) {
    const m = (l + r) >>> 1;
    if ((xs[m] as T) < end) l = m + 1;
    else r = m;
  }
  return l;
}

/** Counts the pairs the sweep will list (O(n log n), nothing listed) and throws past MAX_OVERLAPPING_PAIRS. */
function checkPairCount(s4: { lo: ArrayLike<number>; hi: ArrayLike<number>; n: number }, s6: Sorted6): void {
  let count = 0;
  for (let a = 0; a < s4.n; a++) count += lowerBound(s4.lo, a + 1, s4.n, s4.hi[a] as number) - (a + 1);
  for (let a = 0; a < s6.lo.length; a++) count += lowerBound(s6.lo, a + 1, s6.lo.length, s6.hi[a] as bigint) - a - 1;
  if (count > MAX_OVERLAPPING_PAIRS)
    throw new RangeError(
      `the items overlap in ${count} pairs, more than the ${MAX_OVERLAPPING_PAIRS} a list of overlapping pairs ` +
        `holds; remove repeated and nested items first (mergePrefixes)`,
    );
}

/** @internal The overlapping pairs of collected items (see `findOverlappingPairs`). */
export function pairsOf(c: Collected): OverlapPairs {
  const buf = new PairBuf(Math.max(1024, c.count));
  // The IPv4 sweep (nearly always the bulk) works on locals; the buffer grows only when full.
  const { lo: slo, hi: shi, idx: sidx, n: n4 } = sort4(c.b4.lo, c.b4.hi, c.i4);
  const s6 = sort6(c.lo6, c.hi6, c.i6);
  checkPairCount({ lo: slo, hi: shi, n: n4 }, s6);
  let first = buf.first;
  let second = buf.second;
  let k = 0;
  for (let a = 0; a < n4; a++) {
    const end = shi[a] as number;
    const ia = sidx[a] as number;
    for (let b = a + 1; b < n4 && (slo[b] as number) < end; b++) {
      if (k === first.length) {
        buf.n = k;
        buf.grow();
        first = buf.first;
        second = buf.second;
      }
      const ib = sidx[b] as number;
      first[k] = ia < ib ? ia : ib;
      second[k] = ia < ib ? ib : ia;
      k++;
    }
  }
  buf.n = k;
  for (let a = 0; a < s6.lo.length; a++) {
    const end = s6.hi[a] as bigint;
    const ia = s6.idx[a] as number;
    for (let b = a + 1; b < s6.lo.length && (s6.lo[b] as bigint) < end; b++) buf.push(ia, s6.idx[b] as number);
  }
  const sorted = sortedPairs(buf, c.count);
  return { count: buf.n, ...sorted };
}
