/**
 * The plan's address ranges as tagged prefixes (each with its field path and a
 * label for messages), and the overlap searches the rules share, on the IP
 * core's overlap index and a sort-and-sweep pair count (never pairwise loops,
 * never an unbounded list of pairs), so a VNet with 100,000 subnets checks in
 * well under a second (bench/check.bench.mjs).
 */
import { OverlapIndex, parsePrefix, type Prefix } from "../../ip/index.js";
import type { CidrField, FieldPath, ResolvedPlan } from "../plan/index.js";

/** A prefix with where it came from: its field path and a label for messages. */
export interface Tagged {
  readonly prefix: Prefix;
  readonly path: FieldPath;
  /** e.g. `subnet "aks-nodes" (10.224.0.0/22)`; built on first use (100,000 subnets need no labels unless reported). */
  readonly label: string;
}

class LazyTagged implements Tagged {
  constructor(
    readonly prefix: Prefix,
    readonly path: FieldPath,
    private readonly describe: () => string,
  ) {}
  get label(): string {
    return this.describe();
  }
}

function tag(f: CidrField, describe: () => string): Tagged[] {
  return f.prefix ? [new LazyTagged(f.prefix, f.path, describe)] : [];
}

interface Derived {
  podCidrs?: Tagged[];
  serviceCidrs?: Tagged[];
  vnetSpace?: Tagged[];
  subnets?: Tagged[];
  connected?: Tagged[];
  indexes: Map<string, TaggedIndex>;
}

/** Derived lists and indexes, built once per resolved plan and shared by the rules of one run. */
const DERIVED = new WeakMap<ResolvedPlan, Derived>();

function derived(p: ResolvedPlan): Derived {
  let d = DERIVED.get(p);
  if (!d) DERIVED.set(p, (d = { indexes: new Map() }));
  return d;
}

export const podCidrs = (p: ResolvedPlan): Tagged[] =>
  (derived(p).podCidrs ??= p.podCidrs.flatMap((f) => tag(f, () => `pod CIDR ${f.text}`)));
export const serviceCidrs = (p: ResolvedPlan): Tagged[] =>
  (derived(p).serviceCidrs ??= p.serviceCidrs.flatMap((f) => tag(f, () => `service CIDR ${f.text}`)));
export const vnetSpace = (p: ResolvedPlan): Tagged[] =>
  (derived(p).vnetSpace ??= p.vnetAddressSpace.flatMap((f) => tag(f, () => `VNet address space ${f.text}`)));
export const subnets = (p: ResolvedPlan): Tagged[] =>
  (derived(p).subnets ??= p.subnets.flatMap((s) => tag(s, () => `subnet "${s.name}" (${s.text})`)));
export const connected = (p: ResolvedPlan): Tagged[] =>
  (derived(p).connected ??= p.connectedNetworks.flatMap((c) =>
    c.cidrs.flatMap((f) => tag(f, () => `connected network "${c.name}" (${f.text})`)),
  ));

/** The overlap index of one of the plan's lists, built once per plan. */
export function indexOf(
  p: ResolvedPlan,
  which: "subnets" | "connected" | "vnetSpace" | "vnet" | "podCidrs",
): TaggedIndex {
  const d = derived(p);
  let index = d.indexes.get(which);
  if (!index) {
    const items =
      which === "subnets"
        ? subnets(p)
        : which === "connected"
          ? connected(p)
          : which === "vnetSpace"
            ? vnetSpace(p)
            : which === "podCidrs"
              ? podCidrs(p)
              : [...vnetSpace(p), ...subnets(p)];
    d.indexes.set(which, (index = new TaggedIndex(items)));
  }
  return index;
}

/** An index over tagged prefixes for repeated "which of these overlap q" queries. */
export class TaggedIndex {
  private readonly index: OverlapIndex;
  constructor(readonly items: readonly Tagged[]) {
    this.index = new OverlapIndex(items.map((t) => t.prefix));
  }
  /** The items overlapping the query, in input order; with a `limit`, at most that many (those that start first). */
  overlapping(q: Tagged, limit?: number): Tagged[] {
    return this.index.overlapping(q.prefix, limit).map((i) => this.items[i]!);
  }
  /**
   * The first `max` items overlapping the query and how many more there are, without listing them all: 20,000
   * copies of one range make each query's hits 20,000 long, and 20,000 queries 400 million.
   */
  cappedOverlapping(q: Tagged, max = MAX_OVERLAPS_REPORTED): { shown: readonly Tagged[]; more: number } {
    const shown = this.overlapping(q, max);
    return { shown, more: shown.length < max ? 0 : this.index.countOverlapping(q.prefix) - shown.length };
  }
}

/** For each query, the first target it overlaps (at most one pair per query). */
export function firstOverlaps(
  queries: readonly Tagged[],
  targets: readonly Tagged[],
): { query: Tagged; target: Tagged }[] {
  const index = new TaggedIndex(targets);
  const out: { query: Tagged; target: Tagged }[] = [];
  for (const q of queries) {
    const hit = index.overlapping(q, 1)[0];
    if (hit) out.push({ query: q, target: hit });
  }
  return out;
}

/**
 * The overlapping pairs inside one list (a before b in input order): at most
 * `max` of them, and how many more there are. Sort and sweep: after sorting by
 * first address, an item overlaps exactly the later items that start before it
 * ends, so the pairs are counted by binary search without listing them (2,000
 * copies of one range make 2 million pairs; 100,000 make 5 billion).
 */
export function overlapsWithin(
  items: readonly Tagged[],
  max = MAX_OVERLAPS_REPORTED,
): { shown: { a: Tagged; b: Tagged }[]; more: number } {
  const order = items.map((_, i) => i).sort((x, y) => items[x]!.prefix.compare(items[y]!.prefix) || x - y);
  const firsts = order.map((i) => items[i]!.prefix.first());
  const lasts = order.map((i) => items[i]!.prefix.last());
  const pairs: [number, number][] = [];
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    // The sorted positions after k that start at or before k's last address (same family: compare orders v4 first).
    let lo = k + 1;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firsts[mid]!.compare(lasts[k]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    total += lo - k - 1;
    for (let m = k + 1; m < lo && pairs.length < max; m++) {
      const i = order[k]!;
      const j = order[m]!;
      pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { shown: pairs.map(([i, j]) => ({ a: items[i]!, b: items[j]! })), more: total - pairs.length };
}

/**
 * A test "does this prefix lie inside one of the containers", built once: a
 * prefix lies inside a container exactly when its supernet of the container's
 * length is that container, so each query looks up at most one supernet per
 * distinct container length (not every container: 2,000 address spaces times
 * 100,000 subnets would be 200 million tests).
 */
export function insideAnyOf(containers: readonly Tagged[]): (p: Prefix) => boolean {
  const keys = new Set(containers.map((c) => c.prefix.masked().toString()));
  const lengths = [...new Set(containers.map((c) => c.prefix.bits))];
  return (p) => lengths.some((bits) => bits <= p.bits && keys.has(p.supernet(bits).toString()));
}

/** Parses a CIDR the code itself wrote (facts); a failure is a bug. */
export function fact(cidr: string): Prefix {
  return parsePrefix(cidr);
}

/** At most this many findings per query for one kind of overlap; the rest are counted in one more finding. */
export const MAX_OVERLAPS_REPORTED = 10;

/** The first `MAX_OVERLAPS_REPORTED` items and how many more there are. */
export function capped<T>(items: readonly T[], max = MAX_OVERLAPS_REPORTED): { shown: readonly T[]; more: number } {
  return items.length <= max ? { shown: items, more: 0 } : { shown: items.slice(0, max), more: items.length - max };
}
