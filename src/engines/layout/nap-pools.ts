/**
 * Node auto-provisioning's NodePools as sizing pools, for a plan with no node pools of its own (AKS Automatic):
 * each NodePool counts as a pool of its node limit (maxNodes), with its disruption budget as the replacement
 * nodes it adds (instead of an upgrade surge) and the AKSNodeClass max pods. `aksnet size --pools` sizes these
 * beside the model table, as `layout` and `check` size the NodePools' subnets.
 */
import { AKS_AUTOMATIC, NODE_AUTO_PROVISIONING, sourceUrls } from "../../kb/index.js";
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
