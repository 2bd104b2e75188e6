/**
 * Two address pools overlap. The allocator draws from each pool on its own,
 * so an address in two pools could be handed out twice (two VNets, or a VNet
 * and a routed pod CIDR); pools must be disjoint.
 */
import { overlappingPairsText, tryParsePrefix, type Prefix } from "../../../ip/index.js";
import type { FieldPath } from "../../plan/index.js";
import { CHECKED, defineFleetRule } from "./inputs.js";

export default defineFleetRule({
  meta: {
    id: "fleet-pools-overlap",
    family: "fleet",
    severity: "error",
    description:
      "Address pools must be disjoint: aksnet fleet allocate draws from each pool on its own, so space in two pools " +
      "could be given out twice.",
    messages: {
      overlap: {
        message: "Pools {a} and {b} overlap: {cidrA} overlaps {cidrB}.",
        fix: "Make the pools disjoint: split the shared range between them, or list it in one pool's exclude.",
      },
    },
    sources: ["https://learn.microsoft.com/azure/virtual-network-manager/concept-ip-address-management"],
    checked: CHECKED,
    assumes:
      "Azure Virtual Network Manager's own pools nest (a child pool inside its parent); a fleet file's pools are the " +
      "leaves allocated from, so they are kept apart. Exclusions count: a range excluded from one pool may sit " +
      "in another.",
    file: "src/engines/fleet/rules/fleet-pools-overlap.ts",
  },
  check({ model, report }) {
    const text: string[] = [];
    const at: { pool: number; path: FieldPath; cidr: string }[] = [];
    const repeated = new Set<string>();
    const excludes = model.fleet.pools.map((pool) => excludeIndex(pool.exclude));
    model.fleet.pools.forEach((pool, i) => {
      const excluded = excludes[i] ?? excludeIndex([]);
      pool.cidrs.forEach((c, k) => {
        const r = tryParsePrefix(c);
        if (!r.ok) return; // fleet-input-invalid reports it
        // A supernet wholly excluded from its pool takes no part.
        if (excluded(r.value)) return;
        // A range repeated in one pool is searched once: n copies would be n²/2 pairs of the pool with itself.
        const masked = r.value.masked().toString();
        if (repeated.has(`${i} ${masked}`)) return;
        repeated.add(`${i} ${masked}`);
        text.push(masked);
        at.push({ pool: i, path: ["pools", i, "cidrs", k], cidr: c });
      });
    });
    const pairs = overlappingPairsText(text);
    const seen = new Set<string>();
    for (let x = 0; x < pairs.count; x++) {
      const a = at[pairs.first[x] as number];
      const b = at[pairs.second[x] as number];
      if (!a || !b || a.pool === b.pool) continue;
      const [p, q] = a.pool < b.pool ? [a, b] : [b, a];
      if (overlapOnlyExcluded(excludes[p.pool], excludes[q.pool], p.cidr, q.cidr)) continue;
      const key = `${p.pool}:${q.pool}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const names = model.fleet.pools;
      report({
        messageId: "overlap",
        path: q.path,
        data: { a: names[p.pool]?.name ?? "", b: names[q.pool]?.name ?? "", cidrA: p.cidr, cidrB: q.cidr },
      });
    }
  },
});

/** Whether the shared part of two supernets is excluded from one of the two pools. */
function overlapOnlyExcluded(exA: Excluded | undefined, exB: Excluded | undefined, a: string, b: string): boolean {
  const pa = tryParsePrefix(a);
  const pb = tryParsePrefix(b);
  if (!pa.ok || !pb.ok) return false;
  // Two prefixes overlap only by containment: the shared part is the smaller one.
  const shared = pa.value.bits >= pb.value.bits ? pa.value : pb.value;
  return (exA?.(shared) ?? false) || (exB?.(shared) ?? false);
}

/** Whether one of a pool's excluded ranges contains a prefix. */
export type Excluded = (p: Prefix) => boolean;

/**
 * A pool's excludes, read once, as a test "does one exclude contain p": a lookup of p's supernet at each length the
 * excludes have (at most 129), not a scan of every exclude (cidrs × excludes grew quadratic; found by the breaker).
 */
export function excludeIndex(exclude: readonly string[]): Excluded {
  const networks = new Set<string>();
  const lengths = new Set<number>();
  for (const e of exclude) {
    const r = tryParsePrefix(e);
    if (!r.ok) continue;
    networks.add(`${r.value.family} ${r.value.masked().toString()}`);
    lengths.add(r.value.bits);
  }
  if (networks.size === 0) return () => false;
  const sorted = [...lengths].sort((x, y) => x - y);
  return (p) => {
    for (const bits of sorted) {
      if (bits > p.bits) break;
      if (networks.has(`${p.family} ${p.supernet(bits).toString()}`)) return true;
    }
    return false;
  };
}
