import { SPOT_POOL, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "no-system-pool",
    family: "node-counts",
    severity: "error",
    description:
      "A cluster needs at least one System node pool, and a Spot pool cannot be one; pool names must be unique.",
    messages: {
      noSystem: {
        message: "No node pool has mode System; every AKS cluster needs at least one system pool.",
        fix: "Set mode: System on one Linux pool (with at least 1 node).",
      },
      spotSystem: {
        message: 'Pool "{pool}" is a Spot pool with mode System; a Spot pool can only be a secondary (User) pool.',
        fix: "Set mode: User on the Spot pool, and keep a Regular pool as the System pool.",
      },
      duplicate: {
        message: 'Two pools are named "{pool}"; pool names must be unique in a cluster.',
        fix: "Rename one of the pools.",
      },
    },
    sources: ["MicrosoftDocs/azure-aks-docs:articles/aks/use-system-pools.md", ...sourceUrls(SPOT_POOL.systemPool)],
    checked: "2026-12-07",
  },
  check({ plan, report }) {
    if (plan.pools.length > 0 && !plan.pools.some((p) => p.mode === "System"))
      report({ messageId: "noSystem", path: ["nodePools"] });
    for (const p of plan.pools)
      if (p.mode === "System" && p.priority === "Spot")
        report({ messageId: "spotSystem", path: ["nodePools", p.index, "priority"], data: { pool: p.name } });
    const seen = new Set<string>();
    for (const p of plan.pools) {
      if (seen.has(p.name))
        report({ messageId: "duplicate", path: ["nodePools", p.index, "name"], data: { pool: p.name } });
      seen.add(p.name);
    }
  },
});
