/**
 * Node auto-provisioning's NodePools as sizing pools, for a plan with no node pools of its own (AKS Automatic):
 * each NodePool counts as a pool of its node limit (maxNodes), with its disruption budget as the replacement
 * nodes it adds (instead of an upgrade surge) and the AKSNodeClass max pods. `aksnet size --pools` sizes these
 * beside the model table, as `layout` and `check` size the NodePools' subnets.
 */
import {
  AKS_AUTOMATIC,
  modelOf,
  NODE_AUTO_PROVISIONING,
  sourceUrls,
  type DataplaneId,
  type ModelId,
} from "../../kb/index.js";
import type { CapacityAssumption, SizePool } from "../capacity/index.js";
import type { ResolvedPlan } from "../plan/index.js";
import { napMaxPods, napSurge } from "./demand.js";

/** The plan's NAP NodePools as sizing pools (empty when node auto-provisioning is off or has no NodePools). */
export function napSizePools(plan: ResolvedPlan): SizePool[] {
  const np = plan.plan.nodeProvisioning;
  if (!np || np.mode !== "Auto") return [];
  return np.pools.map((p) => ({
    name: p.name,
    nodes: p.maxNodes,
    maxPods: napMaxPods(plan, p),
    maxSurge: { kind: "count", count: napSurge(p) },
  }));
}

/** What `size` assumed when it sized NodePools instead of node pools. */
export function napSizeAssumption(plan: ResolvedPlan): CapacityAssumption {
  const pools = napSizePools(plan);
  const automatic = plan.plan.sku?.name === "Automatic";
  return {
    value: pools.map((p) => `${p.name} ${p.nodes}`).join(", "),
    origin: "derived",
    note:
      `${automatic ? "AKS Automatic manages its nodes" : "the plan has no node pools"}: each node ` +
      "auto-provisioning NodePool is sized as a pool of its node limit (maxNodes), its disruption budget (default " +
      "10%) as replacement nodes instead of an upgrade surge, and the AKSNodeClass max pods (default by network " +
      "plugin)" +
      (automatic
        ? "; the cluster is Standard tier, as every AKS Automatic cluster; AKS's managed system node pools use " +
          `the system node subnet (/${AKS_AUTOMATIC.systemNodeSubnetPrefixLength.value} or larger), which the ` +
          "subnet table sizes"
        : ""),
    sources: sourceUrls(
      NODE_AUTO_PROVISIONING.nodeLimit,
      NODE_AUTO_PROVISIONING.disruptionBudget,
      NODE_AUTO_PROVISIONING.maxPods,
      ...(automatic ? [AKS_AUTOMATIC.nodeAutoProvisioning, AKS_AUTOMATIC.systemNodeSubnetPrefixLength] : []),
    ),
  };
}

/** The one network an AKS Automatic plan can have, as a `size` row (model and dataplane), and why only that one. */
export interface AutomaticNetwork {
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
  readonly assumption: CapacityAssumption;
}

/**
 * For an AKS Automatic plan: the model and dataplane it always has (Overlay with Cilium), so `size --pools` lists
 * that row only; undefined for any other plan.
 */
export function automaticNetwork(plan: ResolvedPlan): AutomaticNetwork | undefined {
  if (plan.plan.sku?.name !== "Automatic") return undefined;
  const n = AKS_AUTOMATIC.network.value;
  const model = modelOf(n);
  return {
    model,
    dataplane: n.dataplane,
    assumption: {
      value: `${model}, ${n.dataplane}`,
      origin: "derived",
      note:
        "AKS Automatic always runs Azure CNI Overlay with the Cilium dataplane: the other models and dataplanes " +
        "cannot be chosen for it, so only that row is sized",
      sources: sourceUrls(AKS_AUTOMATIC.network),
    },
  };
}
