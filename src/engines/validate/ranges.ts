/**
 * The plan's address ranges as tagged prefixes, and the overlap searches the
 * rules share, all on the IP core's overlap index and free-space search (never
 * pairwise loops), so a VNet with 100,000 subnets checks in well under a
 * second (bench/check.bench.mjs).
 */
import { findOverlappingPairs, freePrefixes, OverlapIndex, parsePrefix, type Prefix } from "../../ip/index.js";
import { OVERLAY_POD_CIDR_SUPPORTED_SPACE, RESERVED_RANGES } from "../../kb/index.js";
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

/** Reports whether a tagged prefix is one of the VNet's subnets (not its address space). */
export function isSubnet(t: Tagged): boolean {
  return t.path[0] === "vnet" && t.path[1] === "subnets";
}

/** The overlap index of one of the plan's lists, built once per plan. */
export function indexOf(p: ResolvedPlan, which: "subnets" | "connected" | "vnetSpace" | "vnet"): TaggedIndex {
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
  /** Every item overlapping the query, in input order. */
  overlapping(q: Tagged): Tagged[] {
    return this.index.overlapping(q.prefix).map((i) => this.items[i]!);
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
    const hit = index.overlapping(q)[0];
    if (hit) out.push({ query: q, target: hit });
  }
  return out;
}

/** Every target that overlaps the query, in input order. */
export function allOverlaps(query: Tagged, targets: readonly Tagged[]): Tagged[] {
  return new TaggedIndex(targets).overlapping(query);
}

/** Every overlapping pair inside one list (a before b in input order). */
export function overlapsWithin(items: readonly Tagged[]): { a: Tagged; b: Tagged }[] {
  return findOverlappingPairs(items.map((t) => t.prefix)).map(([i, j]) => ({ a: items[i]!, b: items[j]! }));
}

/** Reports whether the prefix lies inside one of the containers. */
export function insideAny(p: Prefix, containers: readonly Tagged[]): boolean {
  return containers.some((c) => c.prefix.contains(p));
}

/** Parses a CIDR the code itself wrote (facts); a failure is a bug. */
export function fact(cidr: string): Prefix {
  return parsePrefix(cidr);
}

/** The first free aligned prefix of `bits` inside one of `within`, avoiding every `used` prefix; undefined when none. */
export function firstFree(within: readonly Prefix[], used: readonly Prefix[], bits: number): Prefix | undefined {
  for (const space of within) {
    if (space.bits > bits || bits > space.addr.bitLength) continue;
    const hit = freePrefixes(space.masked(), used, bits, 1)[0];
    if (hit) return hit;
  }
  return undefined;
}

const PRIVATE_SPACE = OVERLAY_POD_CIDR_SUPPORTED_SPACE.value.map(fact);
const RESERVED = RESERVED_RANGES.map((r) => fact(r.cidr));

/**
 * A free IPv4 prefix of `bits` in private space (RFC 1918, RFC 6598) that
 * overlaps none of `taken` nor the AKS reserved ranges, preferring 10/8; for
 * fix hints. Undefined when none is free.
 */
export function suggestFree(bits: number, taken: readonly Tagged[]): Prefix | undefined {
  return firstFree(PRIVATE_SPACE, [...taken.map((t) => t.prefix), ...RESERVED], bits);
}

/** At most this many findings per query for one kind of overlap; the rest are counted in one more finding. */
export const MAX_OVERLAPS_REPORTED = 10;

/** The first `MAX_OVERLAPS_REPORTED` items and how many more there are. */
export function capped<T>(items: readonly T[], max = MAX_OVERLAPS_REPORTED): { shown: readonly T[]; more: number } {
  return items.length <= max ? { shown: items, more: 0 } : { shown: items.slice(0, max), more: items.length - max };
}

/** A free range for a new service CIDR of the same size as `like`, avoiding the plan's VNet, subnets, connected networks and pod CIDRs. */
function suggestServiceCidr(p: ResolvedPlan, like: Prefix): Prefix | undefined {
  return like.family === 4
    ? suggestFree(like.bits, [...vnetSpace(p), ...subnets(p), ...connected(p), ...podCidrs(p)])
    : undefined;
}

/** A fix-hint clause naming a free range for a new service CIDR of the same size (", e.g. 172.20.0.0/16, …"), or "" when none is free. */
export function freeServiceCidrHint(p: ResolvedPlan, like: Prefix): string {
  const free = suggestServiceCidr(p, like);
  return free
    ? `, e.g. ${free.toString()} (free in this plan; DNS service IP ${free.first().add(10)?.toString() ?? ""})`
    : "";
}

/**
 * What a suggested pod CIDR must avoid: the VNet, its subnets, connected networks,
 * the service CIDRs, and the service CIDRs the service rules would suggest, so
 * a user who applies both fix hints does not get two overlapping ranges.
 */
export function podCidrTaken(p: ResolvedPlan): Tagged[] {
  const services = serviceCidrs(p);
  const suggested = services.flatMap((s) => {
    const free = suggestServiceCidr(p, s.prefix);
    return free ? [{ prefix: free, path: s.path, label: `suggested service CIDR ${free.toString()}` }] : [];
  });
  return [...vnetSpace(p), ...subnets(p), ...connected(p), ...services, ...suggested];
}
