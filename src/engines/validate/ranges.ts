/**
 * The plan's address ranges as tagged prefixes, and the overlap searches the
 * rules share. Searches are linear in the number of targets per query, and
 * overlaps inside one list use one sort-and-sweep, so a VNet with 100,000
 * subnets checks in well under a second (bench/check.bench.mjs).
 */
import { parsePrefix, type Prefix } from "../../ip/index.js";
import type { CidrField, ResolvedPlan } from "../plan/index.js";

/** A prefix with where it came from: its field path and a label for messages. */
export interface Tagged {
  readonly prefix: Prefix;
  readonly path: string;
  /** e.g. `subnet "aks-nodes" (10.224.0.0/22)`. */
  readonly label: string;
}

function tag(f: CidrField, label: string): Tagged[] {
  return f.prefix ? [{ prefix: f.prefix, path: f.path, label }] : [];
}

export const podCidrs = (p: ResolvedPlan): Tagged[] => p.podCidrs.flatMap((f) => tag(f, `pod CIDR ${f.text}`));
export const serviceCidrs = (p: ResolvedPlan): Tagged[] => p.serviceCidrs.flatMap((f) => tag(f, `service CIDR ${f.text}`));
export const vnetSpace = (p: ResolvedPlan): Tagged[] => p.vnetAddressSpace.flatMap((f) => tag(f, `VNet address space ${f.text}`));
export const subnets = (p: ResolvedPlan): Tagged[] => p.subnets.flatMap((s) => tag(s, `subnet "${s.name}" (${s.text})`));
export const connected = (p: ResolvedPlan): Tagged[] =>
  p.connectedNetworks.flatMap((c) => c.cidrs.flatMap((f) => tag(f, `connected network "${c.name}" (${f.text})`)));

/** For each query, the first target it overlaps (at most one pair per query). */
export function firstOverlaps(queries: readonly Tagged[], targets: readonly Tagged[]): { query: Tagged; target: Tagged }[] {
  const out: { query: Tagged; target: Tagged }[] = [];
  for (const q of queries) {
    for (const t of targets) {
      if (q.prefix.overlaps(t.prefix)) {
        out.push({ query: q, target: t });
        break;
      }
    }
  }
  return out;
}

/** For each target that overlaps the query, one pair (every overlapping target is reported). */
export function allOverlaps(query: Tagged, targets: readonly Tagged[]): Tagged[] {
  return targets.filter((t) => query.prefix.overlaps(t.prefix));
}

/**
 * Overlaps inside one list: for every prefix that overlaps an earlier-starting
 * one, one pair (the later prefix and the earlier prefix reaching furthest).
 * One sort and one sweep: O(n log n).
 */
export function overlapsWithin(items: readonly Tagged[]): { a: Tagged; b: Tagged }[] {
  const sorted = [...items].sort((x, y) => x.prefix.first().compare(y.prefix.first()) || x.prefix.bits - y.prefix.bits);
  const out: { a: Tagged; b: Tagged }[] = [];
  let reach: Tagged | undefined;
  for (const cur of sorted) {
    if (reach && reach.prefix.family === cur.prefix.family && cur.prefix.first().compare(reach.prefix.last()) <= 0) {
      out.push({ a: reach, b: cur });
      if (cur.prefix.last().compare(reach.prefix.last()) > 0) reach = cur;
    } else {
      reach = cur;
    }
  }
  return out;
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
    if (space.bits > bits || space.family !== 4) continue;
    const step = 2 ** (32 - bits);
    const start = space.first().v4;
    const end = space.last().v4;
    const blockers = used.filter((u) => u.family === 4 && u.overlaps(space)).map((u) => [u.first().v4, u.last().v4] as const).sort((a, b) => a[0] - b[0]);
    let at = start;
    let i = 0;
    while (at + step - 1 <= end) {
      const hi = at + step - 1;
      while (i < blockers.length && blockers[i]![1] < at) i++;
      let clash: number | undefined;
      for (let j = i; j < blockers.length && blockers[j]![0] <= hi; j++) {
        if (blockers[j]![1] >= at) clash = Math.max(clash ?? 0, blockers[j]![1]);
      }
      if (clash === undefined) return fact(`${space.first().add(at - start)!.toString()}/${bits}`);
      at = Math.ceil((clash + 1 - start) / step) * step + start;
    }
  }
  return undefined;
}
