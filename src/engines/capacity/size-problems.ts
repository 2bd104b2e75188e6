/**
 * The platform limits a sizing target breaks under one model: findings, not exceptions. The same limits
 * `check` applies to a plan (nodes with surge against the cluster's and the tier's node limit, 1,000 per pool
 * with surge, 100 pools per cluster, max pods range and the 30-pods-per-pool minimum, the VNet's 65,536
 * private IPs, Azure's subnet sizes), so a plan sized here and checked there gets the same answer.
 */
import {
  isModelId,
  isSkuTier,
  MODEL_IDS,
  MODELS,
  PLATFORM_LIMITS,
  TIER_NODE_LIMITS,
  UPGRADE,
  type ModelId,
  type SkuTier,
  formatCount,
} from "../../kb/index.js";
import { poolNeeds, vnetIpsNeeded, type PoolTarget } from "./pools.js";

export interface SizeProblem {
  readonly code:
    | "route-table-limit"
    | "pool-node-limit"
    | "pool-count-limit"
    | "cluster-node-limit"
    | "tier-node-limit"
    | "vnet-ip-limit"
    | "cluster-pod-limit"
    | "pool-pods-below-minimum"
    | "max-pods-out-of-range"
    | "surge-required"
    | "no-subnet-large-enough"
    | "static-pod-subnet-too-large"
    | "invalid-input";
  /** `error`: AKS refuses it; `warning`: AKS allows it but something else must change (the tier). */
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** What `sizeProblems` needs of a model's needs. */
export interface NeedsForProblems {
  readonly nodeSubnet: { readonly addressesNeeded: number; readonly prefixLength: number | null };
  readonly podSubnet: { readonly addressesNeeded: number; readonly prefixLength: number | null } | null;
  readonly podCidr: { readonly blocksNeeded: number; readonly prefixLength: number | null } | null;
}

const n = (x: number) => formatCount(x);
const error = (code: SizeProblem["code"], message: string): SizeProblem => ({ code, severity: "error", message });

function nodeLimitProblems(model: ModelId, pools: readonly PoolTarget[], tier: SkuTier | undefined): SizeProblem[] {
  const facts = MODELS[model];
  const resolved = poolNeeds(model, pools);
  const slots = resolved.reduce((a, p) => a + p.nodes + p.surgeNodes, 0);
  const nodes = resolved.reduce((a, p) => a + p.nodes, 0);
  const counted = UPGRADE.surgeCountsAgainstClusterLimit.value ? slots : nodes;
  const withSurge = counted === slots && slots > nodes ? " with surge" : "";
  const out: SizeProblem[] = [];
  if (facts.maxNodes.value.by === "route-table" && slots > facts.maxNodes.value.count)
    out.push(
      error(
        "route-table-limit",
        `${n(slots)} nodes with surge need ${n(slots)} routes, but a kubenet route table holds ` +
          `${n(facts.maxNodes.value.count)}`,
      ),
    );
  const clusterCap = PLATFORM_LIMITS.nodesPerCluster.value;
  if (counted > clusterCap)
    out.push(
      error(
        "cluster-node-limit",
        `${n(counted)} nodes${withSurge} exceed the ${n(clusterCap)} nodes a cluster may have`,
      ),
    );
  else if (tier && counted > TIER_NODE_LIMITS[tier].value)
    out.push({
      code: "tier-node-limit",
      severity: "warning",
      message:
        `${n(counted)} nodes${withSurge} exceed the ${n(TIER_NODE_LIMITS[tier].value)} nodes the ${tier} tier ` +
        `supports; use the Standard or Premium tier (up to ${n(TIER_NODE_LIMITS.Standard.value)})`,
    });
  if (pools.length > PLATFORM_LIMITS.poolsPerCluster.value)
    out.push(
      error(
        "pool-count-limit",
        `${n(pools.length)} node pools exceed the ${n(PLATFORM_LIMITS.poolsPerCluster.value)} a cluster may have; ` +
          `merge pools`,
      ),
    );
  return out;
}

function poolProblems(model: ModelId, pools: readonly PoolTarget[]): SizeProblem[] {
  const facts = MODELS[model];
  const out: SizeProblem[] = [];
  const resolved = poolNeeds(model, pools);
  resolved.forEach((p, i) => {
    const target = pools[i];
    if (p.nodes + p.surgeNodes > PLATFORM_LIMITS.nodesPerPool.value)
      out.push(
        error(
          "pool-node-limit",
          `pool ${p.name}: ${n(p.nodes)} nodes and ${n(p.surgeNodes)} surge nodes exceed the ` +
            `${n(PLATFORM_LIMITS.nodesPerPool.value)} a node pool may hold, surge included; split them over ` +
            `several pools`,
        ),
      );
    if (p.maxPods < facts.minMaxPods.value || p.maxPods > facts.maxPodsPerNode.value)
      out.push(
        error(
          "max-pods-out-of-range",
          `pool ${p.name}: max pods ${p.maxPods} is outside ${facts.minMaxPods.value}–${facts.maxPodsPerNode.value}`,
        ),
      );
    if (p.nodes > 0 && p.nodes * p.maxPods < PLATFORM_LIMITS.minPodsPerPool.value)
      out.push(
        error(
          "pool-pods-below-minimum",
          `pool ${p.name}: ${p.nodes} nodes × ${p.maxPods} pods is below the ${PLATFORM_LIMITS.minPodsPerPool.value} ` +
            `pods every pool must hold`,
        ),
      );
    const noSurge = target?.maxSurge.kind === "count" && target.maxSurge.count === 0;
    const u = target?.maxUnavailable;
    const inPlace = u !== undefined && !(u.kind === "count" && u.count === 0);
    if (noSurge && !inPlace && target?.spot !== true && UPGRADE.surgeRequiredWithoutUnavailable.value)
      out.push(
        error(
          "surge-required",
          `pool ${p.name}: max surge 0 with max unavailable 0 (the default) is refused by AKS; give max surge above ` +
            `0, or a max unavailable to upgrade in place`,
        ),
      );
  });
  return out;
}

function rangeProblems(model: ModelId, pools: readonly PoolTarget[], need: NeedsForProblems): SizeProblem[] {
  const facts = MODELS[model];
  const out: SizeProblem[] = [];
  const vnetIps = vnetIpsNeeded(model, pools);
  if (vnetIps > PLATFORM_LIMITS.vnetPrivateIps.value)
    out.push(
      error(
        "vnet-ip-limit",
        `the cluster takes ${n(vnetIps)} VNet private IPs, more than the ${n(PLATFORM_LIMITS.vnetPrivateIps.value)} ` +
          `a VNet may hold`,
      ),
    );
  const podCap = facts.maxPodsPerCluster.value;
  const pods = poolNeeds(model, pools).reduce((a, p) => a + p.nodes * p.maxPods, 0);
  if (podCap !== null && facts.podAddressing.value.kind === "pod-cidr-block" && pods > podCap)
    out.push(
      error(
        "cluster-pod-limit",
        `${n(pods)} pods exceed the ${n(podCap)} pods per cluster Microsoft documents for ${facts.title}`,
      ),
    );
  if (need.nodeSubnet.prefixLength === null)
    out.push(
      error(
        "no-subnet-large-enough",
        `no Azure subnet holds ${n(need.nodeSubnet.addressesNeeded)} node-subnet addresses`,
      ),
    );
  if (need.podSubnet && need.podSubnet.prefixLength === null)
    out.push(
      error(
        "no-subnet-large-enough",
        `no Azure subnet holds the ${n(need.podSubnet.addressesNeeded)} pod-subnet addresses needed`,
      ),
    );
  if (need.podCidr && need.podCidr.prefixLength === null)
    out.push(error("no-subnet-large-enough", `no IPv4 pod CIDR holds ${n(need.podCidr.blocksNeeded)} /24 blocks`));
  const shortest = PLATFORM_LIMITS.staticBlockPodSubnetShortestBits.value;
  if (
    facts.podAddressing.value.kind === "pod-subnet-block" &&
    need.podSubnet?.prefixLength != null &&
    need.podSubnet.prefixLength < shortest
  )
    out.push(
      error(
        "static-pod-subnet-too-large",
        `a static-block pod subnet may be at most /${shortest}, but /${need.podSubnet.prefixLength} is needed`,
      ),
    );
  return out;
}

/**
 * The platform limits a target breaks under `model`. The tier's node limit is checked only when `tier` is
 * given (then as a warning: the fix is another tier, not another network).
 */
export function sizeProblems(
  model: ModelId,
  pools: readonly PoolTarget[],
  need: NeedsForProblems,
  options: { readonly tier?: SkuTier | undefined } = {},
): SizeProblem[] {
  if (!isModelId(model))
    return [
      error("invalid-input", `model ${JSON.stringify(model)} is not a network model; use ${MODEL_IDS.join(", ")}`),
    ];
  const tier = options.tier !== undefined && isSkuTier(options.tier) ? options.tier : undefined;
  return [
    ...nodeLimitProblems(model, pools, tier),
    ...poolProblems(model, pools),
    ...rangeProblems(model, pools, need),
  ];
}
