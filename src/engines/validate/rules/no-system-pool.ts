import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "no-system-pool",
    family: "node-counts",
    severity: "error",
    description: "A cluster needs at least one System node pool; pool names must be unique.",
    messages: {
      noSystem: {
        message: "No node pool has mode System; every AKS cluster needs at least one system pool.",
        fix: "Set mode: System on one Linux pool (with at least 1 node).",
      },
      duplicate: {
        message: 'Two pools are named "{pool}"; pool names must be unique in a cluster.',
        fix: "Rename one of the pools.",
      },
    },
    sources: ["MicrosoftDocs/azure-aks-docs:articles/aks/use-system-pools.md"],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    if (plan.pools.length > 0 && !plan.pools.some((p) => p.mode === "System"))
      report({ messageId: "noSystem", path: ["nodePools"] });
    const seen = new Set<string>();
    for (const p of plan.pools) {
      if (seen.has(p.name))
        report({ messageId: "duplicate", path: ["nodePools", p.index, "name"], data: { pool: p.name } });
      seen.add(p.name);
    }
  },
});
