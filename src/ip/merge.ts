/**
 * Merge (collapse) and exclusion over lists of prefixes and ranges.
 * Results are minimal, sorted (IPv4 first), disjoint and masked; inputs may be
 * unsorted, overlapping, unmasked and of both families.
 */
import type { Prefix } from "./prefix.js";
import type { AddrRange } from "./range.js";
import { AddrSet, pushItem, type AddrItem } from "./set.js";
import { expectIterable } from "./guard.js";
import { BlockBuf4, subtract4 } from "./internal/runs4.js";
import { normalize6, subtract6 } from "./internal/runs6.js";

/** @internal The set of the items, built in one batch (no per-item set operations). */
export function setOfItems(items: Iterable<AddrItem>): AddrSet {
  expectIterable(items, "the list of prefixes or ranges");
  const b4 = new BlockBuf4(Array.isArray(items) ? items.length : 16);
  const lo6: bigint[] = [];
  const hi6: bigint[] = [];
  for (const x of items) pushItem(x, b4, lo6, hi6);
  return AddrSet.fromRuns(b4.normalize(), normalize6(lo6, hi6));
}

/** The minimal sorted prefixes covering exactly the union of the input prefixes (collapse). */
export function mergePrefixes(prefixes: Iterable<Prefix>): Prefix[] {
  return setOfItems(prefixes).prefixes();
}

/** The maximal disjoint ranges covering exactly the union of the inputs, sorted. */
export function mergeRanges(items: Iterable<AddrItem>): AddrRange[] {
  return setOfItems(items).ranges();
}

/** The minimal sorted prefixes covering the addresses of `from` that are in none of `remove`. */
export function excludePrefixes(from: Iterable<Prefix>, remove: Iterable<Prefix>): Prefix[] {
  return excludeSet(from, remove).prefixes();
}

/** The maximal ranges covering the addresses of `from` that are in none of `remove`. */
export function excludeRanges(from: Iterable<AddrItem>, remove: Iterable<AddrItem>): AddrRange[] {
  return excludeSet(from, remove).ranges();
}

function excludeSet(from: Iterable<AddrItem>, remove: Iterable<AddrItem>): AddrSet {
  const a = setOfItems(from);
  const b = setOfItems(remove);
  return AddrSet.fromRuns(subtract4(a.runs4, b.runs4), subtract6(a.runs6, b.runs6));
}
