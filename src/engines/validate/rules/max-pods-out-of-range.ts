import { MODELS, PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "max-pods-out-of-range",
    family: "max-pods",
    severity: "error",
    description: "maxPods per node must be between 10 and 250 (strictly enforced by AKS).",
    messages: {
      outOfRange: {
        message: 'Pool "{pool}" sets maxPods {maxPods}; AKS accepts {min} to {max}.',
        fix: "Set maxPods between {min} and {max} (the {model} default is {dflt}).",
      },
    },
    sources: sourceUrls(PLATFORM_LIMITS.minMaxPods, PLATFORM_LIMITS.maxPodsPerNode),
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const facts = MODELS[plan.model];
    const min = facts.minMaxPods.value;
    const max = facts.maxPodsPerNode.value;
    for (const p of plan.pools) {
      if (p.maxPodsDefaulted || (p.maxPods >= min && p.maxPods <= max)) continue;
      report({
        messageId: "outOfRange",
        path: ["nodePools", p.index, "maxPods"],
        data: { pool: p.name, maxPods: p.maxPods, min, max, model: plan.model, dflt: facts.defaultMaxPods.value },
      });
    }
  },
});
