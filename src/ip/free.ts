/**
 * Free-space search inside a parent prefix: the whole free space as minimal
 * prefixes, the first k free aligned prefixes of a length, and a sequential
 * first-fit allocator. Used items of the other family are ignored.
 */
import { Addr } from "./addr.js";
import { Prefix } from "./prefix.js";
import type { AddrRange } from "./range.js";
import { bounds } from "./set.js";
import { setOfItems } from "./merge.js";
import { complementWithin4, type Runs4 } from "./runs4.js";
import { complementWithin6, type Runs6 } from "./runs6.js";

type Used = Iterable<Prefix | AddrRange>;

function checkBits(parent: Prefix, bits: number): void {
  const max = parent.addr.bitLength;
  if (!Number.isInteger(bits) || bits < parent.bits || bits > max) {
    throw new RangeError(`cannot place a /${bits} inside /${parent.bits}: the length must be between ${parent.bits} and ${max}`);
  }
}

/** The free runs of `parent` (its masked network) once `used` is taken out. */
function freeRuns(parent: Prefix, used: Used): { r4: Runs4; r6: Runs6 } | { r4: undefined; r6: Runs6 } | { r4: Runs4; r6: undefined } {
  const set = setOfItems(used);
  const b = bounds(parent);
  return b.family === 4 ? { r4: complementWithin4(set.runs4, b.lo, b.hi), r6: undefined } : { r4: undefined, r6: complementWithin6(set.runs6, b.lo, b.hi) };
}

/** The free space of `parent` minus `used`, as minimal prefixes in address order. */
export function freeSpace(parent: Prefix, used: Used): Prefix[] {
  return setOfItems(used).complementIn(parent).prefixes();
}

/**
 * The first `limit` (default: all) free aligned prefixes of length `bits` inside
 * `parent`, in address order, skipping anything that overlaps `used`.
 * Throws RangeError when `bits` is shorter than the parent or too long for the family.
 */
export function freePrefixes(parent: Prefix, used: Used, bits: number, limit = Infinity): Prefix[] {
  checkBits(parent, bits);
  const out: Prefix[] = [];
  const f = freeRuns(parent, used);
  if (f.r4) {
    const size = 2 ** (32 - bits);
    const { lo, hi, n } = f.r4;
    for (let i = 0; i < n && out.length < limit; i++) {
      const end = hi[i] as number;
      for (let s = Math.ceil((lo[i] as number) / size) * size; s + size <= end && out.length < limit; s += size) {
        out.push(Prefix.unchecked(Addr.of4(s), bits));
      }
    }
    return out;
  }
  const size = 1n << BigInt(128 - bits);
  const { lo, hi } = f.r6;
  for (let i = 0; i < lo.length && out.length < limit; i++) {
    const end = hi[i] as bigint;
    for (let s = (((lo[i] as bigint) + size - 1n) / size) * size; s + size <= end && out.length < limit; s += size) {
      out.push(Prefix.unchecked(Addr.of6(s), bits));
    }
  }
  return out;
}

/**
 * The largest aligned block (a power of two) that fits in `[lo, hi)`; 0 when empty.
 * With 2^k the largest power of two ≤ hi − lo, an aligned 2^k block fits or, if not,
 * an aligned 2^(k−1) block does (any stretch of 2^k addresses holds one).
 */
function largestFit4(lo: number, hi: number): number {
  const span = hi - lo;
  if (span <= 0) return 0;
  const size = span >= 2 ** 32 ? 2 ** 32 : 2 ** (31 - Math.clz32(span));
  return Math.ceil(lo / size) * size + size <= hi ? size : size / 2;
}

function maxOf(xs: readonly number[]): number {
  let m = 0;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Runs of free IPv4 space in address order, in chunks of at most `CHUNK` runs, each with its largest fitting block. */
interface Chunk4 {
  lo: number[];
  hi: number[];
  fit: number[];
  maxFit: number;
}

/**
 * Hands out free aligned prefixes of `parent` one request at a time, first fit in
 * address order; each allocation is marked used. Chunked run lists skip full
 * stretches quickly, so 10,000 allocations among 100,000 used prefixes stay cheap.
 */
export class PrefixAllocator {
  /** @internal Runs per chunk (tests shrink it to exercise chunk splits and removals). */
  static chunkRuns = 256;
  private readonly chunks: Chunk4[] = [];
  /** For each prefix length, a chunk index before which no chunk has room for it (free space only shrinks). */
  private readonly hint: number[] = new Array<number>(33).fill(0);
  private readonly lo6: bigint[] = [];
  private readonly hi6: bigint[] = [];

  constructor(
    readonly parent: Prefix,
    used: Used = [],
  ) {
    const f = freeRuns(parent, used);
    const CHUNK = PrefixAllocator.chunkRuns;
    if (f.r4) {
      for (let i = 0; i < f.r4.n; i += CHUNK) {
        const c: Chunk4 = { lo: [], hi: [], fit: [], maxFit: 0 };
        for (let k = i; k < Math.min(i + CHUNK, f.r4.n); k++) {
          const lo = f.r4.lo[k] as number;
          const hi = f.r4.hi[k] as number;
          c.lo.push(lo);
          c.hi.push(hi);
          c.fit.push(largestFit4(lo, hi));
        }
        c.maxFit = maxOf(c.fit);
        this.chunks.push(c);
      }
    } else {
      for (const v of f.r6.lo) this.lo6.push(v);
      for (const v of f.r6.hi) this.hi6.push(v);
    }
  }

  /** The first free aligned prefix of length `bits`, now marked used; undefined when none is left. Throws RangeError on a bad length. */
  allocate(bits: number): Prefix | undefined {
    checkBits(this.parent, bits);
    return this.parent.family === 4 ? this.allocate4(bits) : this.allocate6(bits);
  }

  private allocate4(bits: number): Prefix | undefined {
    const size = 2 ** (32 - bits);
    for (let c = this.hint[bits] as number; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Chunk4;
      if (chunk.maxFit < size) continue;
      this.hint[bits] = c;
      let i = 0;
      while ((chunk.fit[i] as number) < size) i++;
      const lo = chunk.lo[i] as number;
      const hi = chunk.hi[i] as number;
      const s = Math.ceil(lo / size) * size;
      const pieces: number[] = [];
      if (lo < s) pieces.push(lo, s);
      if (s + size < hi) pieces.push(s + size, hi);
      const los: number[] = [];
      const his: number[] = [];
      const fits: number[] = [];
      for (let k = 0; k < pieces.length; k += 2) {
        los.push(pieces[k] as number);
        his.push(pieces[k + 1] as number);
        fits.push(largestFit4(pieces[k] as number, pieces[k + 1] as number));
      }
      chunk.lo.splice(i, 1, ...los);
      chunk.hi.splice(i, 1, ...his);
      chunk.fit.splice(i, 1, ...fits);
      if (chunk.lo.length === 0) {
        this.chunks.splice(c, 1);
        for (let b = 0; b < this.hint.length; b++) if ((this.hint[b] as number) > c) this.hint[b] = (this.hint[b] as number) - 1;
      } else {
        chunk.maxFit = maxOf(chunk.fit);
        if (chunk.lo.length > 2 * PrefixAllocator.chunkRuns) this.splitChunk(c);
      }
      return Prefix.unchecked(Addr.of4(s), bits);
    }
    this.hint[bits] = this.chunks.length;
    return undefined;
  }

  private splitChunk(c: number): void {
    const chunk = this.chunks[c] as Chunk4;
    const half = chunk.lo.length >>> 1;
    const next: Chunk4 = { lo: chunk.lo.splice(half), hi: chunk.hi.splice(half), fit: chunk.fit.splice(half), maxFit: 0 };
    chunk.maxFit = maxOf(chunk.fit);
    next.maxFit = maxOf(next.fit);
    this.chunks.splice(c + 1, 0, next);
    for (let b = 0; b < this.hint.length; b++) if ((this.hint[b] as number) > c) this.hint[b] = (this.hint[b] as number) + 1;
  }

  private allocate6(bits: number): Prefix | undefined {
    const size = 1n << BigInt(128 - bits);
    for (let i = 0; i < this.lo6.length; i++) {
      const lo = this.lo6[i] as bigint;
      const hi = this.hi6[i] as bigint;
      const s = ((lo + size - 1n) / size) * size;
      if (s + size > hi) continue;
      const los: bigint[] = [];
      const his: bigint[] = [];
      if (lo < s) {
        los.push(lo);
        his.push(s);
      }
      if (s + size < hi) {
        los.push(s + size);
        his.push(hi);
      }
      this.lo6.splice(i, 1, ...los);
      this.hi6.splice(i, 1, ...his);
      return Prefix.unchecked(Addr.of6(s), bits);
    }
    return undefined;
  }
}
