/**
 * For every model: minMaxPods ≤ defaultMaxPods (and its alternatives) ≤ maxPodsPerNode ≤ the platform maximum; maxNodes
 * ≤ nodes per cluster.
 */
import type { ModelFacts } from "../model.js";
import type { PlatformLimits } from "../platform-limits.js";

export function boundsOrdered(models: readonly ModelFacts[], limits: PlatformLimits): string[] {
  const problems: string[] = [];
  for (const m of models) {
    const min = m.minMaxPods.value;
    const max = m.maxPodsPerNode.value;
    const defaults = [m.defaultMaxPods.value, ...(m.defaultMaxPods.alternatives ?? []).map((a) => a.value)];
    if (min < limits.minMaxPods.value)
      problems.push(`${m.id}: minMaxPods ${min} is below the platform minimum ${limits.minMaxPods.value}`);
    if (max > limits.maxPodsPerNode.value)
      problems.push(`${m.id}: maxPodsPerNode ${max} is above the platform maximum ${limits.maxPodsPerNode.value}`);
    if (min > max) problems.push(`${m.id}: minMaxPods ${min} > maxPodsPerNode ${max}`);
    for (const d of defaults)
      if (d < min || d > max) problems.push(`${m.id}: default maxPods ${d} is outside ${min}..${max}`);
    if (m.maxNodes.value.count > limits.nodesPerCluster.value)
      problems.push(
        `${m.id}: maxNodes ${m.maxNodes.value.count} is above the cluster limit ${limits.nodesPerCluster.value}`,
      );
    if (m.maxNodes.value.count < 1) problems.push(`${m.id}: maxNodes must be positive`);
  }
  if (limits.nodesPerPool.value > limits.nodesPerCluster.value) problems.push("nodesPerPool is above nodesPerCluster");
  return problems;
}
