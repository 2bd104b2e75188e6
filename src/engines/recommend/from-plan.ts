/**
 * The recommendation's input for a plan: its `requirements` section, and where the
 * section is silent, what the plan's own pools say — nodes (their counts), maxNodes
 * (their autoscaler maximums), maxPodsPerNode (the highest maxPods a pool states) —
 * with the surge the pools upgrade with (as written, or AKS's default for the plan's
 * Kubernetes version). So `aksnet recommend PLAN` and the web page rank the models for
 * the cluster the plan describes, not for 3 nodes at 33% surge.
 */
import { tryParseMaxSurge } from "../capacity/index.js";
import type { Requirements, ResolvedPlan } from "../plan/index.js";
import type { RecommendInput } from "./recommend.js";

export interface PlanRecommendInput extends RecommendInput {
  /** What was taken from the pools, in words (empty when the requirements section said it all). */
  readonly fromPlan: readonly string[];
}

/**
 * The recommend input for a resolved plan (see the module comment); `override` (the CLI's flags) wins over
 * both the requirements section and the pools.
 */
export function recommendInputOf(plan: ResolvedPlan, override: Requirements = {}): PlanRecommendInput {
  const stated: Requirements = { ...(plan.plan.requirements ?? {}), ...override };
  const pools = plan.pools;
  const fromPools: string[] = [];
  const req: { -readonly [K in keyof Requirements]: Requirements[K] } = { ...stated };
  if (pools.length > 0 && stated.nodes === undefined && stated.maxNodes === undefined) {
    const nodes = pools.reduce((n, p) => n + p.count, 0);
    const peak = pools.reduce((n, p) => n + p.peakCount, 0);
    if (nodes > 0) req.nodes = nodes;
    if (peak > 0) req.maxNodes = Math.max(peak, nodes);
    if (nodes > 0 || peak > 0)
      fromPools.push(`nodes ${nodes}${peak !== nodes ? `, at most ${peak}` : ""} (the pools' node counts)`);
  }
  const stating = pools.filter((p) => !p.maxPodsDefaulted);
  if (stating.length > 0 && stated.maxPodsPerNode === undefined && stated.podsPerNode === undefined) {
    req.maxPodsPerNode = Math.max(...stating.map((p) => p.maxPods));
    fromPools.push(`max pods ${req.maxPodsPerNode} (the highest maxPods a pool states)`);
  }
  // The surge of the pool with the most nodes at peak: the one whose surge takes the most addresses.
  const biggest = pools.reduce<(typeof pools)[number] | undefined>(
    (m, p) => (!m || p.peakCount > m.peakCount ? p : m),
    undefined,
  );
  const surge = biggest ? tryParseMaxSurge(biggest.maxSurge.text) : undefined;
  if (biggest && surge)
    fromPools.push(
      `max surge ${biggest.maxSurge.text} (pool ` +
        `${biggest.name}'s${biggest.maxSurge.defaulted ? ", AKS's default for the plan's Kubernetes version" : ""})`,
    );
  return {
    requirements: req,
    ...(plan.plan.kubernetesVersion !== undefined ? { kubernetesVersion: plan.plan.kubernetesVersion } : {}),
    ...(surge ? { maxSurge: surge } : {}),
    fromPlan: fromPools,
  };
}
