/**
 * The headline of a plan: does it fit, what runs out first, how many more nodes fit, and the one
 * thing to do next. Pure: the web page shows it above everything else; a test reads it as data.
 *
 * "Fails" is exactly "check has an error finding" (the first error is the reason and its fix the
 * action), so the headline never disagrees with the findings. The headroom is counted the way
 * `check` and `size` count a plan: every pool at its peak (autoscaler maximum), its own max pods and
 * surge, the plan's reserved addresses as node-subnet tenants. It is the number of nodes the first
 * pool can still grow by before some resource runs out: its node subnet (shared with the pools in
 * it), the pod CIDR (kubenet, Overlay), its pod subnet, kubenet's route table, the VNet's private
 * IPs, the per-pool, cluster and tier node limits.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import {
  MODELS,
  PLATFORM_LIMITS,
  TIER_NODE_LIMITS,
  UPGRADE,
  type MaxSurge,
  type ModelId,
  formatCount,
} from "../../kb/index.js";
import {
  addressesPerNode,
  nodeSubnetAddressesNeeded,
  podCidrBlocks,
  podCidrBlocksNeeded,
  podSubnetAddressesNeeded,
  podSubnetBlocksNeeded,
  staticBlocksIn,
  surgeNodes,
  tryParseMaxSurge,
  usableAddresses,
  vnetIpsNeeded,
  type PoolTarget,
  type Resource,
} from "../capacity/index.js";
import { guardResolved, type ResolvedPlan, type ResolvedPool } from "../plan/index.js";
import type { Finding } from "../validate/index.js";
import { guardArgs } from "../../ip/index.js";

/** What bounds the first pool's growth: a capacity resource, or AKS's nodes-per-pool limit. */
export type Limit = Resource | "pool-node-limit";

export interface PlanVerdict {
  /** `fails`: check has an error finding; `fits`: it has none. */
  readonly status: "fits" | "fails";
  /** One sentence: fits / fails and why. */
  readonly headline: string;
  readonly errors: number;
  readonly warnings: number;
  /** Nodes the plan runs at its peak (every pool at its autoscaler maximum or count). */
  readonly plannedNodes: number;
  /** The pool whose growth is counted (the first pool), when the plan has one. */
  readonly pool?: string;
  /** More nodes the first pool can take before `limitedBy` runs out (0 when it is full). */
  readonly headroom?: number;
  readonly limitedBy?: Limit;
  /** The first thing to do, in one sentence; `finding` is the error it fixes. */
  readonly action: { readonly text: string; readonly finding?: Finding };
}

export const LIMIT_WORDS: Readonly<Record<Limit, string>> = {
  "node-subnet": "the node subnet",
  "pod-cidr": "the pod CIDR",
  "pod-subnet": "the pod subnet",
  "route-table": "kubenet's route table (400 routes)",
  "vnet-ip-limit": "the VNet's private IP limit",
  "cluster-node-limit": "the cluster node limit",
  "tier-node-limit": "the pricing tier's node limit",
  "pool-node-limit": "the per-pool node limit",
};

const ONE: MaxSurge = { kind: "count", count: 1 };

/** A resolved pool as the capacity engine counts it (as `sizeTargetOfPlan` does; Spot pools surge no node). */
function target(p: ResolvedPool, extra = 0): PoolTarget {
  const surge: MaxSurge =
    p.priority === "Spot"
      ? { kind: "count", count: 0 }
      : (tryParseMaxSurge(p.maxSurge.text) ?? { kind: "count", count: p.maxSurge.nodes });
  const unavailable = p.maxUnavailable.defaulted ? undefined : tryParseMaxSurge(p.maxUnavailable.text);
  return {
    name: p.name,
    nodes: p.peakCount + extra,
    maxPods: p.maxPods,
    maxSurge: surge,
    ...(unavailable ? { maxUnavailable: unavailable } : {}),
  };
}

const ipv4 = (text: string | undefined): Prefix | undefined => {
  const r = tryParsePrefix((text ?? "").trim());
  return r.ok && r.value.family === 4 ? r.value.masked() : undefined;
};

type Check = readonly [Limit, (pools: readonly PoolTarget[]) => boolean];

/** The node-count limits of the model, the tier, the platform and a pool. */
function limitChecks(plan: ResolvedPlan): Check[] {
  const model: ModelId = plan.model;
  const checks: Check[] = [];
  const total = (pools: readonly PoolTarget[], withSurge: boolean) =>
    pools.reduce((a, p) => a + p.nodes + (withSurge ? surgeNodes(p.nodes, p.maxSurge) : 0), 0);
  const cap = MODELS[model].maxNodes.value;
  if (cap.by === "route-table") checks.push(["route-table", (pools) => total(pools, true) <= cap.count]);
  checks.push(["vnet-ip-limit", (pools) => vnetIpsNeeded(model, pools) <= PLATFORM_LIMITS.vnetPrivateIps.value]);
  const clusterCap = cap.by === "platform" ? cap.count : PLATFORM_LIMITS.nodesPerCluster.value;
  const surgeCounts = UPGRADE.surgeCountsAgainstClusterLimit.value;
  checks.push(["cluster-node-limit", (pools) => total(pools, surgeCounts) <= clusterCap]);
  const tierCap = TIER_NODE_LIMITS[plan.tier].value;
  if (tierCap < clusterCap) checks.push(["tier-node-limit", (pools) => total(pools, surgeCounts) <= tierCap]);
  checks.push([
    "pool-node-limit",
    (pools) => {
      const p = pools[0];
      return !p || p.nodes + surgeNodes(p.nodes, p.maxSurge ?? ONE) <= PLATFORM_LIMITS.nodesPerPool.value;
    },
  ]);
  return checks;
}

/** Every resource that bounds the plan's nodes, each as "do these pools fit". */
function checksOf(plan: ResolvedPlan): Check[] {
  const model: ModelId = plan.model;
  const first = plan.pools[0];
  const checks: Check[] = [];
  const subnetOf = (name: string | undefined) =>
    name === undefined ? undefined : ipv4(plan.subnets.find((s) => s.name === name)?.text);
  const r = plan.plan.reserved;
  const tenants = {
    internalLoadBalancerIps: r.internalLoadBalancerIps,
    privateEndpoints: r.privateEndpoints,
    other: r.other,
  };
  const nodeSubnet = subnetOf(first?.subnet);
  if (nodeSubnet && first) {
    const usable = usableAddresses(nodeSubnet);
    const sharing = new Set(plan.pools.filter((p) => p.subnet === first.subnet).map((p) => p.index));
    checks.push([
      "node-subnet",
      (pools) =>
        nodeSubnetAddressesNeeded(
          model,
          pools.filter((_, i) => sharing.has(i)),
          tenants,
        ) <= usable,
    ]);
  }
  const per = first ? addressesPerNode(model, first.maxPods) : undefined;
  const podCidr = plan.podCidrs.map((c) => ipv4(c.text)).find((p) => p !== undefined);
  if (per && per.podCidrBlocks > 0 && podCidr) {
    const blocks = podCidrBlocks(podCidr);
    checks.push(["pod-cidr", (pools) => podCidrBlocksNeeded(pools) <= blocks]);
  }
  const podSubnet = subnetOf(first?.podSubnet);
  if (per && podSubnet && first) {
    const sharing = new Set(plan.pools.filter((p) => p.podSubnet === first.podSubnet).map((p) => p.index));
    const mine = (pools: readonly PoolTarget[]) => pools.filter((_, i) => sharing.has(i));
    if (per.podSubnetBlocks > 0) {
      const blocks = staticBlocksIn(podSubnet);
      checks.push(["pod-subnet", (pools) => podSubnetBlocksNeeded(model, mine(pools)) <= blocks]);
    } else if (per.podSubnet > 0) {
      const usable = usableAddresses(podSubnet);
      checks.push(["pod-subnet", (pools) => podSubnetAddressesNeeded(model, mine(pools)) <= usable]);
    }
  }
  checks.push(...limitChecks(plan));
  return checks;
}

/** The most nodes the first pool can grow by, and the resource that stops it (none without a pool). */
export function headroomOf(plan: ResolvedPlan): { readonly headroom: number; readonly limitedBy: Limit } | undefined {
  return guardResolved("headroomOf", plan, headroomOfResolved);
}

function headroomOfResolved(plan: ResolvedPlan): { readonly headroom: number; readonly limitedBy: Limit } | undefined {
  if (plan.pools.length === 0) return undefined;
  const checks = checksOf(plan);
  // Only the first pool grows: the other pools' targets are made once (about 150 searches step through here).
  const rest = plan.pools.slice(1).map((p) => target(p));
  const first = plan.pools[0]!;
  const poolsWith = (extra: number) => [target(first, extra), ...rest];
  let best: { headroom: number; limitedBy: Limit } | undefined;
  for (const [limit, ok] of checks) {
    // The largest k with ok(k); each check only grows its need as nodes are added, so a search over k is exact.
    let lo = 0;
    let hi = 200_000;
    if (!ok(poolsWith(0))) lo = hi = 0;
    while (lo < hi) {
      const mid = lo + Math.ceil((hi - lo) / 2);
      if (ok(poolsWith(mid))) lo = mid;
      else hi = mid - 1;
    }
    if (!best || lo < best.headroom) best = { headroom: lo, limitedBy: limit };
  }
  return best;
}

const n = (x: number) => formatCount(x);
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? "" : "s"}`;

/** The plan's headline. */
export const verdictOf = guardArgs(
  "verdictOf",
  [
    {
      name: "plan",
      want: { plan: "object", model: "text", pools: "list", subnets: "list" },
      words: "a resolved plan (resolvePlan)",
    },
    { name: "findings", want: [{ severity: "text" }], words: "the findings (validate)" },
  ],
  function verdictOf(plan: ResolvedPlan, findings: readonly Finding[]): PlanVerdict {
    const errors = findings.filter((f) => f.severity === "error");
    const warnings = findings.filter((f) => f.severity === "warning").length;
    const plannedNodes = plan.pools.reduce((a, p) => a + p.peakCount, 0);
    const room = headroomOf(plan);
    const pool = plan.pools[0]?.name;
    const base = {
      errors: errors.length,
      warnings,
      plannedNodes,
      ...(pool !== undefined ? { pool } : {}),
      ...(room ? { headroom: room.headroom, limitedBy: room.limitedBy } : {}),
    };
    const first = errors[0];
    if (first) {
      return {
        ...base,
        status: "fails",
        headline:
          `Fails check: ${first.message.replace(/\.$/, "")}` +
          `${errors.length > 1 ? ` (and ${plural(errors.length - 1, "more error")})` : ""}.`,
        action: { text: first.fix, finding: first },
      };
    }
    const nodes = `${plural(plannedNodes, "node")} at peak`;
    const growth = room
      ? room.headroom === 0
        ? `; pool ${pool} cannot grow: ${LIMIT_WORDS[room.limitedBy]} is full`
        : `; pool ${pool} can grow by ${plural(room.headroom, "more node")} before ` +
          `${LIMIT_WORDS[room.limitedBy]} runs out`
      : "; the plan has no node pool";
    return {
      ...base,
      status: "fits",
      headline: `Fits: ${nodes}${growth}${warnings ? ` (${plural(warnings, "warning")})` : ""}.`,
      action: {
        text: warnings
          ? `Read the ${plural(warnings, "warning")} under Check, then generate the code.`
          : "Generate the code for this plan (az CLI, Bicep or Terraform) and deploy it.",
      },
    };
  },
);
