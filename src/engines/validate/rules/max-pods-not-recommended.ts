import { PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { staticBlocksPerNode, STATIC_BLOCK_SIZE } from "../../capacity/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "max-pods-not-recommended",
    family: "max-pods",
    severity: "info",
    description:
      "maxPods values that work but waste capacity: Windows above 110 pods, static block pools whose maxPods leaves " +
      "part of a /28 unused.",
    messages: {
      windows: {
        message:
          'Windows pool "{pool}" sets maxPods {maxPods}; Microsoft recommends at most {recommended} pods per Windows ' +
          "node.",
        fix: "Set maxPods to {recommended} or less for Windows pools.",
      },
      staticWaste: {
        message:
          'Pool "{pool}" (static block) sets maxPods {maxPods}: each node takes {blocks:count} /28 blocks ' +
          "({addresses:count} " +
          "addresses) and leaves {wasted} of them unused.",
        fix: "Use maxPods {lower} or {higher} (16 × blocks − 1) so no block address is wasted.",
      },
    },
    sources: [
      ...sourceUrls(PLATFORM_LIMITS.windowsRecommendedMaxPods),
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-static-block-allocation.md",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const rec = PLATFORM_LIMITS.windowsRecommendedMaxPods.value;
    for (const p of plan.pools) {
      const at = ["nodePools", p.index, "maxPods"];
      if (p.os !== "Linux" && p.maxPods > rec)
        report({ messageId: "windows", path: at, data: { pool: p.name, maxPods: p.maxPods, recommended: rec } });
      if (p.podIpAllocation === "StaticBlock" && p.podSubnet !== undefined) {
        const blocks = staticBlocksPerNode(p.maxPods);
        const wasted = blocks * STATIC_BLOCK_SIZE - 1 - p.maxPods;
        if (wasted > 0) {
          report({
            messageId: "staticWaste",
            path: at,
            data: {
              pool: p.name,
              maxPods: p.maxPods,
              blocks,
              addresses: blocks * STATIC_BLOCK_SIZE,
              wasted,
              lower: (blocks - 1) * STATIC_BLOCK_SIZE - 1,
              higher: blocks * STATIC_BLOCK_SIZE - 1,
            },
          });
        }
      }
    }
  },
});
