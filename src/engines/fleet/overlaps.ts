/**
 * The fleet's overlaps: one search for all overlapping pairs over every range
 * of every network (the IP core's `overlappingPairsText`, typed arrays), then
 * each pair between two networks judged by how the networks reach each other
 * and what the ranges are. Pairs are grouped by network pair, so a fleet with
 * 200,000 nested pairs gives one finding per pair of networks that conflict.
 */
import { overlappingPairsText, tryParsePrefix, type OverlapPairs, type Prefix } from "../../ip/index.js";
import { ItemKind, type FleetModel } from "./model.js";
import { groupOnlyOverlap, reachOf } from "./reach.js";
import { guardArgs } from "../../ip/index.js";
import { FLEET_MODEL } from "./model-param.js";

/** Why two networks' ranges may not overlap. */
export type ConflictClass =
  /**
   * Routed ranges (address spaces, subnets, routed pod CIDRs) of networks that reach each other: Azure refuses or
   * misroutes.
   */
  | "direct"
  /** Routed ranges of two networks that a third network reaches: that network cannot route to both. */
  | "common"
  /** Meshed clusters (Cilium cluster mesh, Fleet cross-cluster networking): pods and nodes must be distinct. */
  | "mesh"
  /** A cluster's Overlay pod CIDR or service CIDR against a network the cluster reaches. */
  | "local"
  /** Members of a connected group that allows overlapping members (connectedGroupAddressOverlap: Allowed). */
  | "groupAllowed"
  /** Members of a connected group that refuses overlapping members (connectedGroupAddressOverlap: Disallowed). */
  | "groupDisallowed"
  /** A cluster's routed range and used space outside every network of the fleet file (who holds it is unknown). */
  | "used";

const CLASS_ORDER: Record<ConflictClass, number> = {
  direct: 0,
  common: 1,
  mesh: 2,
  local: 3,
  groupAllowed: 4,
  groupDisallowed: 5,
  used: 6,
};

export interface Conflict {
  readonly cls: ConflictClass;
  /** Network indexes; for "local", `a` is the cluster whose pod or service CIDR it is. */
  readonly a: number;
  readonly b: number;
  /** A network that reaches both (class "common"). */
  readonly via?: number;
  /** Overlapping item pairs between them (all of them). */
  count: number;
  /** The first few item pairs [item of a, item of b]. */
  readonly examples: [number, number][];
}

const EXAMPLES = 3;

function isLocal(k: ItemKind): boolean {
  return k === ItemKind.localPods || k === ItemKind.services;
}

/** `f` of a pair of networks, computed once per pair (unordered when `symmetric`). */
function pairCache<T>(n: number, symmetric: boolean, f: (a: number, b: number) => T): (a: number, b: number) => T {
  const cache = new Map<number, T>();
  return (a, b) => {
    const key = symmetric && a > b ? b * n + a : a * n + b;
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) cache.set(key, (v = f(a, b)));
    return v as T;
  };
}

/**
 * The overlapping pairs of the fleet's items, a range repeated within one network (same kind) searched once (its
 * first item): n copies of one range would be n²/2 pairs of one network with itself, which no conflict reads.
 * Past the IP core's bound on pairs (RangeError), the sentence instead.
 */
function itemPairs(m: FleetModel): OverlapPairs | { readonly tooMany: string } {
  const { cidr, owner, kind } = m.items;
  const seen = new Set<string>();
  const kept: string[] = [];
  const at: number[] = [];
  cidr.forEach((c, i) => {
    const key = `${owner[i]} ${kind[i]} ${c}`;
    if (seen.has(key)) return;
    seen.add(key);
    kept.push(c);
    at.push(i);
  });
  let p: OverlapPairs;
  try {
    p = overlappingPairsText(kept);
  } catch (e) {
    if (e instanceof RangeError)
      return { tooMany: e.message.replace(/^the items/, "the fleet's ranges").replace(/;.*$/, "") };
    throw e;
  }
  if (kept.length === cidr.length) return p;
  // Positions of kept items back to item indexes: increasing, so the pairs stay sorted.
  const first = p.first.map((x) => at[x] as number);
  const second = p.second.map((x) => at[x] as number);
  return { count: p.count, first, second };
}

export interface FleetConflicts {
  readonly conflicts: Conflict[];
  readonly pairs: number;
  readonly tooMany?: string;
}

/** Every conflict of the fleet, by network pair and class, in network order. */
export const fleetConflicts = guardArgs(
  "fleetConflicts",
  [FLEET_MODEL],
  function fleetConflicts(m: FleetModel): FleetConflicts {
    const { owner, kind } = m.items;
    const p = itemPairs(m);
    if ("tooMany" in p) return { conflicts: [], pairs: 0, tooMany: p.tooMany };
    const n = m.networks.length;
    const reach = pairCache(n, true, (a, b) => reachOf(m, a, b));
    const groupOnly = pairCache(n, false, (a, b) => groupOnlyOverlap(m, a, b));
    const byKey = new Map<number, Conflict>();
    const add = (cls: ConflictClass, a: number, b: number, ia: number, ib: number, via?: number): void => {
      const key = (a * n + b) * 7 + CLASS_ORDER[cls];
      let c = byKey.get(key);
      if (c === undefined)
        byKey.set(key, (c = { cls, a, b, ...(via === undefined ? {} : { via }), count: 0, examples: [] }));
      c.count++;
      if (c.examples.length < EXAMPLES) c.examples.push([ia, ib]);
    };
    const first = p.first;
    const second = p.second;
    const usedPairs: number[] = [];
    for (let x = 0; x < p.count; x++) {
      const i = first[x] as number;
      const j = second[x] as number;
      const oi = owner[i] as number;
      const oj = owner[j] as number;
      if (oi === oj) continue;
      const ki = kind[i] as ItemKind;
      const kj = kind[j] as ItemKind;
      if (ki === ItemKind.used || kj === ItemKind.used) {
        if (ki !== kj) usedPairs.push(x);
        continue;
      }
      const li = isLocal(ki);
      const lj = isLocal(kj);
      if (li && lj) continue; // reuse across clusters is what AKS allows
      const r = reach(oi, oj);
      if (li || lj) {
        // A cluster's own pod or service CIDR: it may not overlap what the cluster routes to (or its mesh peers).
        const [c, o, ic, io] = li ? [oi, oj, i, j] : [oj, oi, j, i];
        if (r.reach === "direct" || r.reach === "mesh") {
          add("local", c, o, ic, io);
        }
        continue;
      }
      if (r.reach === "none") {
        unreachedUsed(m, i, j, add);
        continue;
      }
      const [a, b, ia, ib] = oi < oj ? [oi, oj, i, j] : [oj, oi, j, i];
      if (r.reach === "common") add("common", a, b, ia, ib, r.via);
      else if (r.reach === "direct") {
        const group = groupOnly(a, b);
        add(group === undefined ? "direct" : group ? "groupDisallowed" : "groupAllowed", a, b, ia, ib);
      } else add(r.reach, a, b, ia, ib);
    }
    usedConflicts(m, p, usedPairs, add);
    const conflicts = [...byKey.entries()].sort((x, y) => x[0] - y[0]).map(([, c]) => c);
    return { conflicts, pairs: p.count };
  },
);

/** A cluster's routed range: its address space, a routed pod CIDR, or used space that names it. */
function isClusterRouted(m: FleetModel, i: number): boolean {
  const k = m.items.kind[i];
  return (
    m.networks[m.items.owner[i] as number]?.kind === "cluster" &&
    (k === ItemKind.space || k === ItemKind.routedPods || k === ItemKind.usedOf)
  );
}

/**
 * Items i and j of networks that do not reach each other (as the fleet file states): when one is used space of a
 * network known only from used space (`used[].network` naming no network of the file) and the other a cluster's
 * routed range, whether the cluster reaches that network is unknown (class "used"), as for unnamed used space.
 */
function unreachedUsed(
  m: FleetModel,
  i: number,
  j: number,
  add: (cls: ConflictClass, a: number, b: number, ia: number, ib: number) => void,
): void {
  const { owner } = m.items;
  const usedNet = (x: number) => m.networks[owner[x] as number]?.kind === "used";
  if (usedNet(i) && isClusterRouted(m, j)) add("used", owner[j] as number, owner[i] as number, j, i);
  else if (usedNet(j) && isClusterRouted(m, i)) add("used", owner[i] as number, owner[j] as number, i, j);
}

/**
 * Used space against the clusters: a used prefix inside an address space of a network of the fleet file is that
 * network's (a cluster's own record in a scan, a subnet on-premises): judged with that network, never here. One
 * outside them all, overlapping a cluster's address space or routed pod CIDR, is space someone else holds: the
 * cluster and it may yet reach each other (class "used").
 */
function usedConflicts(
  m: FleetModel,
  p: OverlapPairs,
  pairs: readonly number[],
  add: (cls: ConflictClass, a: number, b: number, ia: number, ib: number) => void,
): void {
  if (pairs.length === 0) return;
  const { cidr, owner, kind } = m.items;
  const parsed = new Map<number, Prefix | undefined>();
  const prefix = (i: number) => {
    if (!parsed.has(i)) {
      const r = tryParsePrefix(cidr[i] ?? "");
      parsed.set(i, r.ok ? r.value : undefined);
    }
    return parsed.get(i);
  };
  const inside = new Set<number>();
  for (const x of pairs) {
    const [u, o] = kind[p.first[x] as number] === ItemKind.used ? [p.first[x], p.second[x]] : [p.second[x], p.first[x]];
    if (kind[o as number] !== ItemKind.space && kind[o as number] !== ItemKind.usedOf) continue;
    const pu = prefix(u as number);
    if (pu && prefix(o as number)?.contains(pu)) inside.add(u as number);
  }
  for (const x of pairs) {
    const [u, o] = kind[p.first[x] as number] === ItemKind.used ? [p.first[x], p.second[x]] : [p.second[x], p.first[x]];
    if (inside.has(u as number) || !isClusterRouted(m, o as number)) continue;
    add("used", owner[o as number] as number, owner[u as number] as number, o as number, u as number);
  }
}
