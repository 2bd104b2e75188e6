import { PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "node-count-out-of-range",
    family: "node-counts",
    severity: "error",
    description: "Pool node counts and autoscaler bounds must be 0–1000 (system pools at least 1).",
    messages: {
      outOfRange: {
        message: 'Pool "{pool}" sets {field} {value}; AKS accepts 0 to {max}.',
        fix: "Set {field} between 0 and {max}; split larger pools into several pools.",
      },
      systemEmpty: {
        message: 'System pool "{pool}" has {field} 0; a system pool needs at least 1 node.',
        fix: "Give the system pool at least 1 node (3 recommended for production).",
      },
    },
    sources: [
      ...sourceUrls(PLATFORM_LIMITS.nodesPerPool),
      "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_validators.py (validate_nodes_count)",
    ],
    checked: "2026-11-22",
    assumes: "The API allows user pools of 0 nodes; system pools need at least 1.",
  },
  check({ plan, report }) {
    const max = PLATFORM_LIMITS.nodesPerPool.value;
    for (const [i, raw] of plan.plan.nodePools.entries()) {
      const pool = plan.pools[i]!;
      for (const field of ["count", "minCount", "maxCount"] as const) {
        const value = raw[field];
        if (value === undefined) continue;
        const path = ["nodePools", i, field];
        if (value < 0 || value > max)
          report({ messageId: "outOfRange", path, data: { pool: raw.name, field, value, max } });
        else if (value === 0 && pool.mode === "System" && field !== "maxCount")
          report({ messageId: "systemEmpty", path, data: { pool: raw.name, field } });
      }
    }
  },
});
