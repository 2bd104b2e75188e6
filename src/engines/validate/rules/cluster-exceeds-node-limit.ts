import { MODELS, PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { AZURE_NPM_SCALE } from "../facts.js";
import { nodesWithSurge } from "../pools.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "cluster-exceeds-node-limit",
    family: "node-counts",
    severity: "error",
    description:
      "The cluster's nodes (autoscaler maximums plus upgrade surge) must fit the model's node ceiling (kubenet 400, others 5,000), at most 100 pools; Azure NPM is supported up to 250 nodes.",
    messages: {
      modelLimit: {
        message: "The pools can reach {nodes} nodes with upgrade surge, above the {limit}-node limit of {model}{why}.",
        fix: "Lower the autoscaler maximums or surge, or move to Azure CNI Overlay (5,000 nodes).",
      },
      pools: {
        message: "The plan has {pools} node pools; AKS allows {limit} per cluster.",
        fix: "Merge pools; at most {limit} per cluster.",
      },
      npm: {
        message:
          "The pools can reach {nodes} nodes, but Azure Network Policy Manager is supported only up to {limit} nodes.",
        fix: "Use Cilium network policy (dataplane cilium, policy cilium) for clusters above {limit} nodes.",
        severity: "warning",
      },
    },
    sources: [
      ...sourceUrls(MODELS.kubenet.maxNodes, PLATFORM_LIMITS.nodesPerCluster, PLATFORM_LIMITS.poolsPerCluster),
      AZURE_NPM_SCALE.source,
    ],
    checked: "2026-11-22",
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
    if (plan.pools.length > PLATFORM_LIMITS.poolsPerCluster.value)
      report({
        messageId: "pools",
        path: ["nodePools"],
        data: { pools: plan.pools.length, limit: PLATFORM_LIMITS.poolsPerCluster.value },
      });
    if (plan.policy === "azure" && nodes > AZURE_NPM_SCALE.nodes)
      report({ messageId: "npm", path: ["network", "policy"], data: { nodes, limit: AZURE_NPM_SCALE.nodes } });
  },
});
