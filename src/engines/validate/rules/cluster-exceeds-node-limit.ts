import { MODELS, PLATFORM_LIMITS, POLICY_ENGINE_LIMITS, sourceUrls, TIER_NODE_LIMITS } from "../../../kb/index.js";
import { nodesWithSurge } from "../pools.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "cluster-exceeds-node-limit",
    family: "node-counts",
    severity: "error",
    description:
      "The cluster's nodes (autoscaler maximums plus upgrade surge) must fit the model's node ceiling (kubenet 400, " +
      "others 5,000) and the pricing tier's (Free 1,000), at most 100 pools; Azure NPM is supported up to 250 " +
      "nodes.",
    messages: {
      modelLimit: {
        message:
          "The pools can reach {nodes:count} nodes with upgrade surge, above the {limit:count}-node limit of " +
          "{model}{why}.",
        fix: "Lower the autoscaler maximums or surge, or move to Azure CNI Overlay (5,000 nodes).",
      },
      tier: {
        message:
          "The pools can reach {nodes:count} nodes with upgrade surge, above the {limit:count} nodes the {tier} tier " +
          "supports{assumed}.",
        fix: "Set sku.tier to Standard or Premium (up to {higher:count} nodes), or lower the autoscaler maximums.",
        severity: "warning",
      },
      pools: {
        message: "The plan has {pools} node pools; AKS allows {limit:count} per cluster.",
        fix: "Merge pools; at most {limit:count} per cluster.",
      },
      npm: {
        message:
          "The pools can reach {nodes:count} nodes, but Azure Network Policy Manager is supported only up to " +
          "{limit:count} nodes.",
        fix: "Use Cilium network policy (dataplane cilium, policy cilium) for clusters above {limit:count} nodes.",
        severity: "warning",
      },
    },
    sources: [
      ...sourceUrls(MODELS.kubenet.maxNodes, PLATFORM_LIMITS.nodesPerCluster, PLATFORM_LIMITS.poolsPerCluster),
      ...sourceUrls(POLICY_ENGINE_LIMITS.azureNpm, ...Object.values(TIER_NODE_LIMITS)),
    ],
    checked: "2026-12-06",
  },
  check({ plan, report }) {
    const nodes = nodesWithSurge(plan.pools);
    const modelLimit = MODELS[plan.model].maxNodes.value;
    const limit = Math.min(modelLimit.count, PLATFORM_LIMITS.nodesPerCluster.value);
    if (nodes > limit) {
      report({
        messageId: "modelLimit",
        path: ["nodePools"],
        data: {
          nodes,
          limit,
          model: plan.model,
          why: modelLimit.by === "route-table" ? " (one route per node, 400 routes per route table)" : "",
        },
      });
    }
    const tierLimit = TIER_NODE_LIMITS[plan.tier].value;
    if (tierLimit < limit && nodes > tierLimit)
      report({
        messageId: "tier",
        path: ["sku", "tier"],
        data: {
          nodes,
          limit: tierLimit,
          tier: plan.tier,
          higher: TIER_NODE_LIMITS.Standard.value,
          assumed:
            plan.plan.sku?.tier === undefined ? " (the plan sets no sku.tier, and AKS creates a Free cluster)" : "",
        },
      });
    if (plan.pools.length > PLATFORM_LIMITS.poolsPerCluster.value)
      report({
        messageId: "pools",
        path: ["nodePools"],
        data: { pools: plan.pools.length, limit: PLATFORM_LIMITS.poolsPerCluster.value },
      });
    const npm = POLICY_ENGINE_LIMITS.azureNpm.value;
    if (plan.policy === "azure" && nodes > npm.nodes)
      report({ messageId: "npm", path: ["network", "policy"], data: { nodes, limit: npm.nodes } });
  },
});
