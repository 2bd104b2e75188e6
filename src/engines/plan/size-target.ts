/**
 * A resolved plan as a sizing target, counted exactly as `check` counts it: each pool at its peak (the
 * autoscaler maximum, or the count when that is larger), its own max pods and upgrade settings (Spot pools
 * without surge), the plan's `reserved` addresses as node-subnet tenants, its Kubernetes version and tier.
 * `aksnet size --pools PLAN` sizes this, so the same plan gets the same answer from `size` and `check`.
 */
import { guardResolved } from "./resolve-plan.js";
import { tryParseMaxSurge, type SizeInput, type SizePool } from "../capacity/index.js";
import type { ResolvedPlan, ResolvedPool } from "./resolved-plan.js";

function sizePool(p: ResolvedPool): SizePool {
  const surge = p.maxSurge.defaulted && p.priority !== "Spot" ? undefined : (tryParseMaxSurge(p.maxSurge.text) ?? null);
  const unavailable = p.maxUnavailable.defaulted ? undefined : tryParseMaxSurge(p.maxUnavailable.text);
  return {
    name: p.name,
    nodes: p.peakCount,
    ...(p.maxPodsDefaulted ? {} : { maxPods: p.maxPods }),
    // A Spot pool surges no node; an unreadable surge counts as the resolver's node count (a rule reports it).
    ...(surge === undefined
      ? {}
      : {
          maxSurge:
            p.priority === "Spot" || surge === null ? { kind: "count" as const, count: p.maxSurge.nodes } : surge,
        }),
    ...(unavailable ? { maxUnavailable: unavailable } : {}),
    ...(p.priority === "Spot" ? { spot: true } : {}),
  };
}

/** The sizing target of a resolved plan. */
export function sizeTargetOfPlan(plan: ResolvedPlan): SizeInput {
  return guardResolved("sizeTargetOfPlan", plan, targetOf);
}

function targetOf(plan: ResolvedPlan): SizeInput {
  const reserved = plan.plan.reserved;
  return {
    pools: plan.pools.map(sizePool),
    tenants: {
      // Internal load balancers on a subnet of their own (not the first pool's) take no node-subnet address.
      internalLoadBalancerIps:
        reserved.internalLoadBalancerSubnet !== undefined &&
        reserved.internalLoadBalancerSubnet !== plan.pools[0]?.subnet
          ? 0
          : reserved.internalLoadBalancerIps,
      privateEndpoints: reserved.privateEndpoints,
      other: reserved.other,
    },
    ...(plan.kubernetesVersion ? { kubernetesVersion: plan.kubernetesVersion } : {}),
    ...(plan.plan.sku?.tier ? { tier: plan.plan.sku.tier } : {}),
  };
}
