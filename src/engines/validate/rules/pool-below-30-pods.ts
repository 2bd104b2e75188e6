import { PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "pool-below-30-pods",
    family: "max-pods",
    severity: "error",
    description:
      "Each node pool must have room for at least 30 pods: maxPods × nodes ≥ 30 (e.g. maxPods 10 needs 3 nodes).",
    messages: {
      tooFew: {
        message:
          'Pool "{pool}" has room for {pods} pods ({nodes} node(s) × maxPods {maxPods}); AKS requires at least ' +
          "{floor} per pool.",
        fix: "Raise maxPods to {needMaxPods} or the node count to {needNodes}.",
      },
    },
    sources: sourceUrls(PLATFORM_LIMITS.minPodsPerPool),
    checked: "2026-11-22",
    assumes: "The API allows user pools of 0 nodes, so a pool with 0 nodes is not checked.",
  },
  check({ plan, report }) {
    const floor = PLATFORM_LIMITS.minPodsPerPool.value;
    for (const p of plan.pools) {
      const nodes = p.autoscale ? (p.minCount ?? p.count) : p.count;
      if (nodes === 0 || nodes * p.maxPods >= floor) continue;
      report({
        messageId: "tooFew",
        path: ["nodePools", p.index, "maxPods"],
        data: {
          pool: p.name,
          pods: nodes * p.maxPods,
          nodes,
          maxPods: p.maxPods,
          floor,
          needMaxPods: Math.ceil(floor / nodes),
          needNodes: Math.ceil(floor / p.maxPods),
        },
      });
    }
  },
});
