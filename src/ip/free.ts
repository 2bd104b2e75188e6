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
import { POW2, complementWithin4, type Runs4 } from "./internal/runs4.js";
import { complementWithin6, type Runs6 } from "./internal/runs6.js";
import { keepShape } from "./internal/shapes.js";
import { expectPrefix } from "./guard.js";

/** What is taken: prefixes and ranges, or a ready `AddrSet` (e.g. from `addrSetOfText`). */
export type Used = Iterable<Prefix | AddrRange> | AddrSet;

function usedSet(used: Used): AddrSet {
  return used instanceof AddrSet ? used : setOfItems(used);
}

function checkBits(parent: Prefix, bits: number): void {
  expectPrefix(parent, "the parent");
  const max = parent.addr.bitLength;
  if (!Number.isInteger(bits) || bits < parent.bits || bits > max) {
    throw new RangeError(
      `cannot place a /${bits} inside /${parent.bits}: the length must be between ${parent.bits} and ${max}`,
    );
  }
}

/** The free runs of `parent` (its masked network) once `used` is taken out. */
function freeRuns(
  parent: Prefix,
  used: Used,
): { r4: Runs4; r6: Runs6 } | { r4: undefined; r6: Runs6 } | { r4: Runs4; r6: undefined } {
  expectPrefix(parent, "the parent");
  const set = usedSet(used);
  const b = bounds(parent);
  return b.family === 4
    ? { r4: complementWithin4(set.runs4, b.lo, b.hi), r6: undefined }
    : { r4: undefined, r6: complementWithin6(set.runs6, b.lo, b.hi) };
}

/** The free space of `parent` minus `used`, as minimal prefixes in address order. */
export function freeSpace(parent: Prefix, used: Used): Prefix[] {
  expectPrefix(parent, "freeSpace's parent");
  return usedSet(used).complementIn(parent).prefixes();
}

/** The most prefixes `freePrefixes` lists without a `limit` (a /0 holds 2^32 free /32s, which no array holds). */
const MAX_FREE_PREFIXES = 2 ** 24;

/** How many aligned /`bits` prefixes fit in the free runs (counted per run, without listing them). */
function alignedCount(f: ReturnType<typeof freeRuns>, bits: number): bigint {
  let total = 0n;
  if (f.r4) {
    const size = 2 ** (32 - bits);
    for (let i = 0; i < f.r4.n; i++) {
      const first = Math.ceil((f.r4.lo[i] as number) / size) * size;
      total += BigInt(Math.max(0, Math.floor(((f.r4.hi[i] as number) - first) / size)));
    }
    return total;
  }
  const size = 1n << BigInt(128 - bits);
  for (let i = 0; i < f.r6.lo.length; i++) {
    const first = (((f.r6.lo[i] as bigint) + size - 1n) / size) * size;
    const n = ((f.r6.hi[i] as bigint) - first) / size;
    if (n > 0n) total += n;
  }
  return total;
}

/**
 * The first `limit` free aligned prefixes of length `bits` inside `parent`, in address order, skipping anything that
 * overlaps `used`. Without a limit, all of them: a RangeError when they are more than {@link MAX_FREE_PREFIXES}
 * (freePrefixes(::/0, [], 128) used to run until the heap ran out). Throws RangeError when `bits` is shorter than the
 * parent or too long for the family.
 */
export function freePrefixes(parent: Prefix, used: Used, bits: number, limit = Infinity): Prefix[] {
  checkBits(parent, bits);
  const out: Prefix[] = [];
  const f = freeRuns(parent, used);
  if (!(limit <= MAX_FREE_PREFIXES)) {
    const count = alignedCount(f, bits);
    if (count > BigInt(MAX_FREE_PREFIXES))
      throw new RangeError(
        `${parent.toString()} holds ${count} free /${bits} prefixes, more than the ${MAX_FREE_PREFIXES} ` +
          `listed without a limit; pass a limit`,
      );
  }
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
 * Hands out free aligned prefixes of `parent` one request at a time, first fit in
 * address order; each allocation is marked used. IPv4 free runs sit in typed
 * arrays linked in address order (a split appends a node, so nothing moves), and a
 * per-length hint skips runs already too full: each length walks each run about
 * once over the allocator's life, like a plain first-fit scan.
 */
export class PrefixAllocator {
  /** IPv4 free runs `[lo[k], hi[k])`, in address order through `next` (−1 ends); an emptied run stays with lo = hi. */
  private lo: Float64Array = new Float64Array(0);
  private hi: Float64Array = new Float64Array(0);
  private next: Int32Array = new Int32Array(0);
  private nodes = 0;
  /**
   * For each prefix length, the run before which no run has room for it (free space only shrinks), or −1 when none has.
   */
  private readonly hint: Int32Array = new Int32Array(33);
  private readonly lo6: bigint[] = [];
  private readonly hi6: bigint[] = [];

  constructor(
    readonly parent: Prefix,
    used: Used = [],
  ) {
    const f = freeRuns(parent, used);
    if (f.r4) {
      const n = f.r4.n;
      const cap = Math.max(16, n + (n >>> 1));
      this.lo = new Float64Array(cap);
      this.hi = new Float64Array(cap);
      this.next = new Int32Array(cap);
      this.lo.set(f.r4.lo.subarray(0, n));
      this.hi.set(f.r4.hi.subarray(0, n));
      for (let k = 0; k < n; k++) this.next[k] = k + 1;
      if (n > 0) this.next[n - 1] = -1;
      this.nodes = n;
      this.hint.fill(n > 0 ? 0 : -1);
    } else {
      for (const v of f.r6.lo) this.lo6.push(v);
      for (const v of f.r6.hi) this.hi6.push(v);
    }
  }

  /**
   * The first free aligned prefix of length `bits`, now marked used; undefined when none is left. Throws RangeError on
   * a bad length.
   */
  allocate(bits: number): Prefix | undefined {
    checkBits(this.parent, bits);
    return this.parent.family === 4 ? this.allocate4(bits) : this.allocate6(bits);
  }

  private allocate4(bits: number): Prefix | undefined {
    const size = POW2[32 - bits] as number;
    const { lo, hi, next } = this;
    let k = this.hint[bits] as number;
    let s = 0;
    for (; k >= 0; k = next[k] as number) {
      s = Math.ceil((lo[k] as number) / size) * size;
      if (s + size <= (hi[k] as number)) break;
    }
    // Every run before k is too full for this length, now and later.
    this.hint[bits] = k;
    if (k < 0) return undefined;
    this.take(k, s, s + size);
    return Prefix.unchecked(Addr.of4(s), bits);
  }

  /** Removes `[s, e)` from run k, keeping the pieces on either side (the right one as a new run after k). */
  private take(k: number, s: number, e: number): void {
    const runLo = this.lo[k] as number;
    const runHi = this.hi[k] as number;
    if (runLo < s && e < runHi) {
      if (this.nodes === this.lo.length) this.grow();
      const m = this.nodes++;
      this.lo[m] = e;
      this.hi[m] = runHi;
      this.next[m] = this.next[k] as number;
      this.next[k] = m;
      this.hi[k] = s;
    } else if (runLo < s) this.hi[k] = s;
    else this.lo[k] = e; // also empties the run when e = runHi
  }

  private grow(): void {
    const cap = this.lo.length * 2;
    const lo = new Float64Array(cap);
    const hi = new Float64Array(cap);
    const next = new Int32Array(cap);
    lo.set(this.lo);
    hi.set(this.hi);
    next.set(this.next);
    this.lo = lo;
    this.hi = hi;
    this.next = next;
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

// An IPv4 allocator: the shape of its typed-array fields.
keepShape(new PrefixAllocator(Prefix.unchecked(Addr.of4(0), 30)));
