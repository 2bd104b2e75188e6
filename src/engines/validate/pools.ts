/**
 * Resolved pools as the capacity engine's pool targets: the nodes AKS reserves
 * for (the autoscaler maximum when there is one) with the surge already counted
 * by the resolver.
 */
import type { PoolTarget } from "../capacity/index.js";
import type { ResolvedPool } from "../plan/index.js";

export function poolTarget(p: ResolvedPool): PoolTarget {
  return { name: p.name, nodes: p.peakCount, maxPods: p.maxPods, maxSurge: { kind: "count", count: p.maxSurge.nodes } };
}

/** Nodes including surge for the pools: Σ (peak nodes + surge nodes). */
export function nodesWithSurge(pools: readonly ResolvedPool[]): number {
  return pools.reduce((n, p) => n + p.peakCount + (p.peakCount > 0 ? Math.min(p.maxSurge.nodes, p.peakCount) : 0), 0);
}
