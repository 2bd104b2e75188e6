/**
 * Resolved pools as the capacity engine's pool targets: the nodes AKS reserves
 * for (the autoscaler maximum when there is one) with the surge already counted
 * by the resolver.
 */
import type { PoolTarget } from "../capacity/index.js";
import type { ModelId } from "../../kb/index.js";
import type { ResolvedPlan, ResolvedPool } from "./resolved-plan.js";
import { guardArgs } from "../../ip/index.js";

export const poolTarget = guardArgs(
  "poolTarget",
  [{ name: "pool", want: { name: "text", maxSurge: "object" }, words: "a resolved pool (resolvePlan(plan).pools[i])" }],
  function poolTarget(p: ResolvedPool): PoolTarget {
    return {
      name: p.name,
      nodes: p.peakCount,
      maxPods: p.maxPods,
      maxSurge: { kind: "count", count: p.maxSurge.nodes },
    };
  },
);

/** Nodes including surge for the pools: Σ (peak nodes + surge nodes). */
export function nodesWithSurge(pools: readonly ResolvedPool[]): number {
  if (!Array.isArray(pools)) return 0;
  return pools.reduce((n, p) => n + p.peakCount + (p.peakCount > 0 ? Math.min(p.maxSurge.nodes, p.peakCount) : 0), 0);
}

/**
 * The model a pool's addresses follow: a pod-subnet cluster's pool without a pod subnet takes pod IPs from its node
 * subnet.
 */
export const poolModel = guardArgs(
  "poolModel",
  [
    {
      name: "plan",
      want: { plan: "object", model: "text", pools: "list", subnets: "list" },
      words: "a resolved plan (resolvePlan)",
    },
    { name: "pool", want: "object", words: "one of its pools" },
  ],
  function poolModel(plan: ResolvedPlan, p: ResolvedPool): ModelId {
    if (plan.model === "azure-cni-pod-subnet-dynamic" || plan.model === "azure-cni-pod-subnet-static") {
      if (p.podSubnet === undefined) return "azure-cni-node-subnet";
      return p.podIpAllocation === "StaticBlock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
    }
    return plan.model;
  },
);
