import { podCidrBlocks, podCidrPrefixLength, POD_CIDR_BLOCK_BITS } from "../../capacity/index.js";
import { nodesWithSurge } from "../pools.js";
import { defineRule } from "../rule.js";
import { rangeEdit } from "../fix-space.js";

export default defineRule({
  meta: {
    id: "pod-cidr-too-small-for-nodes",
    family: "pod-cidr",
    severity: "error",
    description:
      "With kubenet and Azure CNI Overlay every node takes a /24 of the pod CIDR, so the pod CIDR must hold one /24 " +
      "per node, counting autoscaler maximums and upgrade surge.",
    messages: {
      tooSmall: {
        message:
          "Pod CIDR {pod} holds {blocks:count} /24 node blocks, but the pools need {needed:count} (nodes at " +
          "their maximum plus " +
          "upgrade surge); each node takes a whole /24 whatever its maxPods.",
        fix: "Use a /{bits} or larger pod CIDR (it holds {capacity:count} nodes), e.g. {suggested}.",
      },
      longerThan24: {
        message: "Pod CIDR {pod} is smaller than a /24, the block every node takes; not even one node fits.",
        fix: "Use a /{bits} or larger pod CIDR, e.g. {suggested}.",
      },
    },
    aksErrorCode: "InsufficientSubnetSize",
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
    ],
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    if (plan.model !== "kubenet" && plan.model !== "azure-cni-overlay") return;
    const v4 = plan.podCidrs.find((c) => c.prefix?.family === 4);
    if (!v4?.prefix) return;
    const needed = nodesWithSurge(plan.pools);
    const blocks = podCidrBlocks(v4.prefix);
    const bits = podCidrPrefixLength(Math.max(needed, 1)) ?? 0;
    const messageId = v4.prefix.bits > POD_CIDR_BLOCK_BITS ? "longerThan24" : blocks < needed ? "tooSmall" : undefined;
    if (messageId === undefined) return;
    // The run's free-space search: the supernet of the current range when nothing else uses it, else the first free
    // range.
    const free = fixes.replacement("pod-cidr", { path: v4.path, prefix: v4.prefix }, bits);
    const data = {
      pod: v4.prefix.toString(),
      blocks,
      needed,
      bits,
      capacity: 2 ** (POD_CIDR_BLOCK_BITS - bits),
      suggested: free?.toString() ?? `a /${bits} that no other range in the plan uses`,
    };
    report({
      messageId,
      path: v4.path,
      data,
      ...(free ? { edits: [rangeEdit({ path: v4.path, prefix: v4.prefix }, free)] } : {}),
    });
  },
});
