/**
 * Free-space search inside a parent prefix: the whole free space as minimal
 * prefixes, the first k free aligned prefixes of a length, and a sequential
 * first-fit allocator. Used items of the other family are ignored.
 */
import { Addr } from "./addr.js";
import { Prefix } from "./prefix.js";
import type { AddrRange } from "./range.js";
import { AddrSet, bounds } from "./set.js";
import { setOfItems } from "./merge.js";
import { POW2, complementWithin4, type Runs4 } from "./runs4.js";
import { complementWithin6, type Runs6 } from "./runs6.js";

/** What is taken: prefixes and ranges, or a ready `AddrSet` (e.g. from `addrSetOfText`). */
export type Used = Iterable<Prefix | AddrRange> | AddrSet;

function usedSet(used: Used): AddrSet {
  return used instanceof AddrSet ? used : setOfItems(used);
}

function checkBits(parent: Prefix, bits: number): void {
  const max = parent.addr.bitLength;
  if (!Number.isInteger(bits) || bits < parent.bits || bits > max) {
    throw new RangeError(`cannot place a /${bits} inside /${parent.bits}: the length must be between ${parent.bits} and ${max}`);
  }
}

/** The free runs of `parent` (its masked network) once `used` is taken out. */
function freeRuns(parent: Prefix, used: Used): { r4: Runs4; r6: Runs6 } | { r4: undefined; r6: Runs6 } | { r4: Runs4; r6: undefined } {
  const set = usedSet(used);
  const b = bounds(parent);
  return b.family === 4 ? { r4: complementWithin4(set.runs4, b.lo, b.hi), r6: undefined } : { r4: undefined, r6: complementWithin6(set.runs6, b.lo, b.hi) };
}

/** The free space of `parent` minus `used`, as minimal prefixes in address order. */
export function freeSpace(parent: Prefix, used: Used): Prefix[] {
  return usedSet(used).complementIn(parent).prefixes();
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
 * Free IPv4 runs in address order, in chunks of about `chunkRuns` runs, with the
 * longest run of each chunk (a chunk whose longest run is shorter than a request
 * cannot hold it). Chunks start as views of the free-run arrays and become plain
 * arrays when first changed.
 */
interface Chunk4 {
  lo: number[] | Float64Array;
  hi: number[] | Float64Array;
  maxLen: number;
}

function plainArray(t: Float64Array): number[] {
  const a: number[] = [];
  for (let i = 0; i < t.length; i++) a.push(t[i] as number);
  return a;
}

function longestRun(c: Chunk4): number {
  let m = 0;
  for (let i = 0; i < c.lo.length; i++) {
    const len = (c.hi[i] as number) - (c.lo[i] as number);
    if (len > m) m = len;
  }
  return m;
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
  /**
   * For each prefix length, the chunk and run before which no run has room for it
   * (free space only shrinks, so the hint only moves forward, except to follow runs
   * that shift when chunks change).
   */
  private readonly hint: number[] = new Array<number>(33).fill(0);
  private readonly hintRun: number[] = new Array<number>(33).fill(0);
  private readonly lo6: bigint[] = [];
  private readonly hi6: bigint[] = [];

  constructor(
    readonly parent: Prefix,
    used: Used = [],
  ) {
    const f = freeRuns(parent, used);
    const CHUNK = PrefixAllocator.chunkRuns;
    if (f.r4) {
      const { lo, hi, n } = f.r4;
      for (let i = 0; i < n; i += CHUNK) {
        const end = Math.min(i + CHUNK, n);
        const c: Chunk4 = { lo: lo.subarray(i, end), hi: hi.subarray(i, end), maxLen: 0 };
        c.maxLen = longestRun(c);
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
    const size = POW2[32 - bits] as number;
    for (let c = this.hint[bits] as number; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Chunk4;
      if (chunk.maxLen < size) continue;
      const n = chunk.lo.length;
      let i = c === this.hint[bits] ? (this.hintRun[bits] as number) : 0;
      let s = 0;
      for (; i < n; i++) {
        s = Math.ceil((chunk.lo[i] as number) / size) * size;
        if (s + size <= (chunk.hi[i] as number)) break;
      }
      if (i === n) continue;
      // Every run before this one is too full for this length, now and later.
      this.hint[bits] = c;
      this.hintRun[bits] = i;
      this.take(c, i, s, s + size);
      return Prefix.unchecked(Addr.of4(s), bits);
    }
    this.hint[bits] = this.chunks.length;
    this.hintRun[bits] = 0;
    return undefined;
  }

  /** Removes `[s, e)` from run i of chunk c, keeping the pieces on either side. */
  private take(c: number, i: number, s: number, e: number): void {
    const chunk = this.chunks[c] as Chunk4;
    const lo = chunk.lo instanceof Float64Array ? plainArray(chunk.lo) : chunk.lo;
    const hi = chunk.hi instanceof Float64Array ? plainArray(chunk.hi) : chunk.hi;
    chunk.lo = lo;
    chunk.hi = hi;
    const runLo = lo[i] as number;
    const runHi = hi[i] as number;
    const wasLongest = runHi - runLo === chunk.maxLen;
    if (runLo < s && e < runHi) {
      hi[i] = s;
      lo.splice(i + 1, 0, e);
      hi.splice(i + 1, 0, runHi);
      this.shiftRuns(c, i, 1);
    } else if (runLo < s) hi[i] = s;
    else if (e < runHi) lo[i] = e;
    else {
      lo.splice(i, 1);
      hi.splice(i, 1);
      this.shiftRuns(c, i, -1);
    }
    if (lo.length === 0) {
      this.chunks.splice(c, 1);
      for (let b = 0; b < this.hint.length; b++) {
        if ((this.hint[b] as number) > c) this.hint[b] = (this.hint[b] as number) - 1;
        else if (this.hint[b] === c) this.hintRun[b] = 0;
      }
      return;
    }
    if (wasLongest) chunk.maxLen = longestRun(chunk);
    if (lo.length > 2 * PrefixAllocator.chunkRuns) this.splitChunk(c);
  }

  private splitChunk(c: number): void {
    const chunk = this.chunks[c] as Chunk4;
    const lo = chunk.lo as number[];
    const hi = chunk.hi as number[];
    const half = lo.length >>> 1;
    const next: Chunk4 = { lo: lo.splice(half), hi: hi.splice(half), maxLen: 0 };
    chunk.maxLen = longestRun(chunk);
    next.maxLen = longestRun(next);
    this.chunks.splice(c + 1, 0, next);
    for (let b = 0; b < this.hint.length; b++) {
      if ((this.hint[b] as number) > c) this.hint[b] = (this.hint[b] as number) + 1;
      else if (this.hint[b] === c && (this.hintRun[b] as number) >= half) {
        this.hint[b] = c + 1;
        this.hintRun[b] = (this.hintRun[b] as number) - half;
      }
    }
  }

  /** Keeps run hints on their runs when runs after run i of chunk c move by `delta`. */
  private shiftRuns(c: number, i: number, delta: number): void {
    for (let b = 0; b < this.hint.length; b++) {
      if (this.hint[b] === c && (this.hintRun[b] as number) > i) this.hintRun[b] = (this.hintRun[b] as number) + delta;
    }
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
