/**
 * IPv6 run lists: the bigint twin of `runs4.ts` (same contracts, exclusive ends up to 2^128).
 * IPv6 inputs are rarely large, so plain arrays of bigints are enough here. No benchmark
 * figure depends on it (the W2–W5 inputs are IPv4); it keeps IPv6 on the same algorithms.
 * @internal
 */

export interface Runs6 {
  readonly lo: readonly bigint[];
  readonly hi: readonly bigint[];
}

export const EMPTY6: Runs6 = { lo: [], hi: [] };

/** Normalises any half-open runs into a run list (sorted, disjoint, non-adjacent). Sorts the arrays in place. */
export function normalize6(lo: bigint[], hi: bigint[]): Runs6 {
  const n = lo.length;
  if (n === 0) return EMPTY6;
  const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  lo.sort(cmp);
  hi.sort(cmp);
  const outLo: bigint[] = [];
  const outHi: bigint[] = [];
  let i = 0;
  let j = 0;
  let depth = 0;
  let start = 0n;
  while (i < n) {
    if ((lo[i] as bigint) <= (hi[j] as bigint)) {
      if (depth++ === 0) start = lo[i] as bigint;
      i++;
    } else {
      if (--depth === 0) {
        outLo.push(start);
        outHi.push(hi[j] as bigint);
      }
      j++;
    }
  }
  outLo.push(start);
  outHi.push(hi[n - 1] as bigint);
  return { lo: outLo, hi: outHi };
}

export function union6(a: Runs6, b: Runs6): Runs6 {
  if (a.lo.length === 0) return b;
  if (b.lo.length === 0) return a;
  return normalize6([...a.lo, ...b.lo], [...a.hi, ...b.hi]);
}

export function intersect6(a: Runs6, b: Runs6): Runs6 {
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  let i = 0;
  let j = 0;
  while (i < a.lo.length && j < b.lo.length) {
    const ahi = a.hi[i] as bigint;
    const bhi = b.hi[j] as bigint;
    const l = (a.lo[i] as bigint) > (b.lo[j] as bigint) ? (a.lo[i] as bigint) : (b.lo[j] as bigint);
    const h = ahi < bhi ? ahi : bhi;
    if (l < h) {
      lo.push(l);
      hi.push(h);
    }
    if (ahi < bhi) i++;
    else j++;
  }
  return { lo, hi };
}

export function subtract6(a: Runs6, b: Runs6): Runs6 {
  if (a.lo.length === 0 || b.lo.length === 0) return a;
  const outLo: bigint[] = [];
  const outHi: bigint[] = [];
  let j = 0;
  for (let i = 0; i < a.lo.length; i++) {
    let lo = a.lo[i] as bigint;
    const hi = a.hi[i] as bigint;
    while (j < b.lo.length && (b.hi[j] as bigint) <= lo) j++;
    let k = j;
    while (k < b.lo.length && (b.lo[k] as bigint) < hi) {
      const blo = b.lo[k] as bigint;
      if (blo > lo) {
        outLo.push(lo);
        outHi.push(blo);
      }
      const bhi = b.hi[k] as bigint;
      if (bhi > lo) lo = bhi;
      k++;
    }
    if (lo < hi) {
      outLo.push(lo);
      outHi.push(hi);
    }
    j = k > j ? k - 1 : j;
  }
  return { lo: outLo, hi: outHi };
}

export function complementWithin6(r: Runs6, lo: bigint, hi: bigint): Runs6 {
  return subtract6({ lo: [lo], hi: [hi] }, r);
}

/** Index of the last run with `lo[i] ≤ x`, or −1. */
function runAtOrBefore6(r: Runs6, x: bigint): number {
  let a = 0;
  let b = r.lo.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if ((r.lo[m] as bigint) <= x) a = m + 1;
    else b = m;
  }
  return a - 1;
}

export function covers6(r: Runs6, lo: bigint, hi: bigint): boolean {
  const i = runAtOrBefore6(r, lo);
  return i >= 0 && (r.hi[i] as bigint) >= hi;
}

export function touches6(r: Runs6, lo: bigint, hi: bigint): boolean {
  const i = runAtOrBefore6(r, hi - 1n);
  return i >= 0 && (r.hi[i] as bigint) > lo;
}

export function size6(r: Runs6): bigint {
  let s = 0n;
  for (let i = 0; i < r.lo.length; i++) s += (r.hi[i] as bigint) - (r.lo[i] as bigint);
  return s;
}

export function equals6(a: Runs6, b: Runs6): boolean {
  if (a.lo.length !== b.lo.length) return false;
  for (let i = 0; i < a.lo.length; i++) if (a.lo[i] !== b.lo[i] || a.hi[i] !== b.hi[i]) return false;
  return true;
}

/** The number of bits needed to write n (0 for 0). */
export function bitLength(n: bigint): number {
  let b = 0;
  while (n >= 0x100000000n) {
    n >>= 32n;
    b += 32;
  }
  return b + (n === 0n ? 0 : 32 - Math.clz32(Number(n)));
}

/** The prefix length of the largest aligned block that starts at `start` and ends by `end` (exclusive). */
function blockBitsAt6(start: bigint, end: bigint): number {
  const lowBits = start === 0n ? 128 : bitLength(start & -start) - 1;
  const spanBits = bitLength(end - start) - 1;
  return 128 - Math.min(lowBits, spanBits);
}

/** Calls `emit(start, bits)` for the minimal aligned prefixes covering the run list, in order. */
export function eachPrefix6(r: Runs6, emit: (start: bigint, bits: number) => void): void {
  for (let i = 0; i < r.lo.length; i++) {
    let s = r.lo[i] as bigint;
    const e = r.hi[i] as bigint;
    while (s < e) {
      const bits = blockBitsAt6(s, e);
      emit(s, bits);
      s += 1n << BigInt(128 - bits);
    }
  }
}
