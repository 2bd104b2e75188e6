import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "autoscaler-bounds-invalid",
    family: "node-counts",
    severity: "error",
    description: "Autoscaler bounds come as a pair with minCount ≤ maxCount, and the initial count lies between them.",
    messages: {
      onlyOne: {
        message: 'Pool "{pool}" sets {given} without {missing}; the autoscaler needs both.',
        fix: "Set both minCount and maxCount, or neither for a fixed-size pool.",
      },
      minAboveMax: {
        message: 'Pool "{pool}" has minCount {min} above maxCount {max}.',
        fix: "Make minCount ≤ maxCount.",
      },
      countOutside: {
        message: 'Pool "{pool}" starts with count {count}, outside its autoscaler range {min}–{max}.',
        fix: "Set count between {min} and {max}, or leave it out (it then starts at minCount).",
      },
    },
    sources: [
      "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/agentpool_decorator.py",
      "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_nodepool.go",
      "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
        "node-count-is-not-in-autoscaler-min-max-range.md",
    ],
    checked: "2026-11-22",
    assumes:
      "The plan describes a cluster to create, where the az CLI and Terraform reject a count outside the range; on a " +
      "running cluster that can happen after stop/start and is expected.",
  },
  check({ plan, report }) {
    for (const [i, p] of plan.plan.nodePools.entries()) {
      const at = ["nodePools", i];
      const { minCount: min, maxCount: max, count } = p;
      if ((min === undefined) !== (max === undefined)) {
        report({
          messageId: "onlyOne",
          path: [...at, min === undefined ? "maxCount" : "minCount"],
          data: {
            pool: p.name,
            given: min === undefined ? "maxCount" : "minCount",
            missing: min === undefined ? "minCount" : "maxCount",
          },
        });
        continue;
      }
      if (min === undefined || max === undefined) continue;
      if (min > max) report({ messageId: "minAboveMax", path: [...at, "minCount"], data: { pool: p.name, min, max } });
      else if (count !== undefined && (count < min || count > max))
        report({ messageId: "countOutside", path: [...at, "count"], data: { pool: p.name, count, min, max } });
    }
  },
});
