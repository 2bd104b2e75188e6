/**
 * `AddrSet`: an immutable set of addresses of both families, held normalised as
 * sorted, disjoint, non-adjacent runs (IPv4 in typed arrays, IPv6 in bigints), and
 * `AddrSetBuilder` to make one from addresses, prefixes, ranges and other sets.
 * Queries binary-search the runs; set operations are linear merges.
 */
import { Addr } from "./addr.js";
import { Prefix, hostCount4, mask4, mask6 } from "./prefix.js";
import { AddrRange } from "./range.js";
import { notAnItem } from "./errors.js";
import { expectIterable } from "./guard.js";
import type { RunBuf4 } from "./internal/runs4.js";
import {
  EMPTY4,
  BlockBuf4,
  complementWithin4,
  covers4,
  eachPrefix4,
  equals4,
  intersect4,
  size4,
  subtract4,
  touches4,
  union4,
  type Runs4,
} from "./internal/runs4.js";
import {
  EMPTY6,
  complementWithin6,
  covers6,
  eachPrefix6,
  equals6,
  intersect6,
  normalize6,
  size6,
  subtract6,
  touches6,
  union6,
  type Runs6,
} from "./internal/runs6.js";

/** Anything that denotes a block of addresses. */
export type AddrItem = Addr | Prefix | AddrRange;

export class AddrSet {
  private constructor(
    /** @internal */ readonly runs4: Runs4,
    /** @internal */ readonly runs6: Runs6,
  ) {}

  /** @internal */
  static fromRuns(r4: Runs4, r6: Runs6): AddrSet {
    return new AddrSet(r4, r6);
  }

  static readonly EMPTY: AddrSet = new AddrSet(EMPTY4, EMPTY6);

  /** The maximal ranges of the set, IPv4 first, in address order. */
  ranges(): AddrRange[] {
    const out: AddrRange[] = [];
    const { lo, hi, n } = this.runs4;
    for (let i = 0; i < n; i++)
      out.push(AddrRange.unchecked(Addr.of4(lo[i] as number), Addr.of4((hi[i] as number) - 1)));
    const r6 = this.runs6;
    for (let i = 0; i < r6.lo.length; i++)
      out.push(AddrRange.unchecked(Addr.of6(r6.lo[i] as bigint), Addr.of6((r6.hi[i] as bigint) - 1n)));
    return out;
  }

  /** The minimal list of prefixes that covers exactly the set, IPv4 first, in address order, masked. */
  prefixes(): Prefix[] {
    const out: Prefix[] = [];
    eachPrefix4(this.runs4, (s, bits) => out.push(Prefix.unchecked(Addr.of4(s), bits)));
    eachPrefix6(this.runs6, (s, bits) => out.push(Prefix.unchecked(Addr.of6(s), bits)));
    return out;
  }

  /** The number of addresses. */
  size(): bigint {
    return BigInt(size4(this.runs4)) + size6(this.runs6);
  }

  isEmpty(): boolean {
    return this.runs4.n === 0 && this.runs6.lo.length === 0;
  }

  /** Reports whether every address of the item is in the set. */
  contains(x: AddrItem): boolean {
    const b = bounds(x);
    return b.family === 4 ? covers4(this.runs4, b.lo, b.hi) : covers6(this.runs6, b.lo, b.hi);
  }

  /** Reports whether the item or set shares at least one address with this set. */
  overlaps(x: Prefix | AddrRange | AddrSet): boolean {
    if (x instanceof AddrSet) return !this.intersect(x).isEmpty();
    return touchesItem(this.runs4, this.runs6, x);
  }

  union(other: AddrSet): AddrSet {
    return new AddrSet(union4(this.runs4, other.runs4), union6(this.runs6, other.runs6));
  }

  intersect(other: AddrSet): AddrSet {
    return new AddrSet(intersect4(this.runs4, other.runs4), intersect6(this.runs6, other.runs6));
  }

  /** The addresses of this set that are not in `other`. */
  exclude(other: AddrSet): AddrSet {
    return new AddrSet(subtract4(this.runs4, other.runs4), subtract6(this.runs6, other.runs6));
  }

  /** The addresses of `parent` (its masked network) that are not in this set. */
  complementIn(parent: Prefix): AddrSet {
    const b = bounds(parent);
    return b.family === 4
      ? new AddrSet(complementWithin4(this.runs4, b.lo, b.hi), EMPTY6)
      : new AddrSet(EMPTY4, complementWithin6(this.runs6, b.lo, b.hi));
  }

  /** Reports whether both sets hold the same addresses. */
  equals(other: AddrSet): boolean {
    return equals4(this.runs4, other.runs4) && equals6(this.runs6, other.runs6);
  }

  /** The minimal prefixes, comma-separated. */
  toString(): string {
    return this.prefixes().join(", ");
  }

  toJSON(): string[] {
    return this.prefixes().map(String);
  }
}

/** @internal The half-open bounds of an item: numbers for IPv4, bigints for IPv6. */
export function bounds(x: AddrItem): { family: 4; lo: number; hi: number } | { family: 6; lo: bigint; hi: bigint } {
  if (x instanceof Addr)
    return x.family === 4 ? { family: 4, lo: x.v4, hi: x.v4 + 1 } : { family: 6, lo: x.v6, hi: x.v6 + 1n };
  if (x instanceof Prefix) {
    const a = x.addr;
    if (a.family === 4) {
      const lo = (a.v4 & mask4(x.bits)) >>> 0;
      return { family: 4, lo, hi: lo + hostCount4(x.bits) };
    }
    const lo = a.v6 & mask6(x.bits);
    return { family: 6, lo, hi: lo + (1n << BigInt(128 - x.bits)) };
  }
  if (!(x instanceof AddrRange)) throw notAnItem(x);
  return x.family === 4
    ? { family: 4, lo: x.from.v4, hi: x.to.v4 + 1 }
    : { family: 6, lo: x.from.v6, hi: x.to.v6 + 1n };
}

/** @internal Appends the half-open bounds of an item to per-family buffers, allocating nothing for IPv4. */
export function pushBounds(x: AddrItem, b4: RunBuf4, lo6: bigint[], hi6: bigint[]): 4 | 6 {
  if (x instanceof Prefix && x.addr.family === 4) {
    const lo = (x.addr.v4 & mask4(x.bits)) >>> 0;
    b4.push(lo, lo + hostCount4(x.bits));
    return 4;
  }
  const b = bounds(x);
  if (b.family === 4) b4.push(b.lo, b.hi);
  else {
    lo6.push(b.lo);
    hi6.push(b.hi);
  }
  return b.family;
}

/** @internal Adds an item to per-family buffers: IPv4 as aligned blocks, allocating nothing for a prefix. */
export function pushItem(x: AddrItem, b4: BlockBuf4, lo6: bigint[], hi6: bigint[]): void {
  if (x instanceof Prefix && x.addr.family === 4) {
    b4.pushBlock((x.addr.v4 & mask4(x.bits)) >>> 0, 32 - x.bits);
    return;
  }
  const b = bounds(x);
  if (b.family === 4) b4.pushRun(b.lo, b.hi);
  else {
    lo6.push(b.lo);
    hi6.push(b.hi);
  }
}

/** @internal Reports whether an item shares an address with the runs, allocating nothing for an IPv4 prefix. */
export function touchesItem(r4: Runs4, r6: Runs6, x: AddrItem): boolean {
  if (x instanceof Prefix && x.addr.family === 4) {
    const lo = (x.addr.v4 & mask4(x.bits)) >>> 0;
    return touches4(r4, lo, lo + hostCount4(x.bits));
  }
  const b = bounds(x);
  return b.family === 4 ? touches4(r4, b.lo, b.hi) : touches6(r6, b.lo, b.hi);
}

/**
 * Builds an `AddrSet` from additions and removals, applied in call order
 * (add A, remove B, add C gives (A − B) ∪ C). Consecutive calls of one kind are batched.
 */
export class AddrSetBuilder {
  private set: AddrSet = AddrSet.EMPTY;
  private mode: "add" | "remove" = "add";
  private buf4 = new BlockBuf4();
  private lo6: bigint[] = [];
  private hi6: bigint[] = [];

  add(x: AddrItem | AddrSet): this {
    return this.push("add", x);
  }

  remove(x: AddrItem | AddrSet): this {
    return this.push("remove", x);
  }

  /** The set so far. The builder stays usable. */
  build(): AddrSet {
    this.flush();
    return this.set;
  }

  private push(mode: "add" | "remove", x: AddrItem | AddrSet): this {
    if (mode !== this.mode) {
      this.flush();
      this.mode = mode;
    }
    if (x instanceof AddrSet) {
      const r = x.runs4;
      for (let i = 0; i < r.n; i++) this.buf4.pushRun(r.lo[i] as number, r.hi[i] as number);
      for (const v of x.runs6.lo) this.lo6.push(v);
      for (const v of x.runs6.hi) this.hi6.push(v);
      return this;
    }
    pushItem(x, this.buf4, this.lo6, this.hi6);
    return this;
  }

  private flush(): void {
    if (this.buf4.n === 0 && this.lo6.length === 0) return;
    const batch = AddrSet.fromRuns(this.buf4.normalize(), normalize6(this.lo6, this.hi6));
    this.set = this.mode === "add" ? this.set.union(batch) : this.set.exclude(batch);
    this.buf4 = new BlockBuf4();
    this.lo6 = [];
    this.hi6 = [];
  }
}

/** The set of all addresses of the items. */
export function addrSetOf(items: Iterable<AddrItem | AddrSet>): AddrSet {
  expectIterable(items, "addrSetOf's items");
  const b = new AddrSetBuilder();
  for (const x of items) b.add(x);
  return b.build();
}
