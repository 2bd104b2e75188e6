import { defineRule } from "../rule.js";
import { rangeEdit } from "../fix-space.js";
import { indexOf, podCidrs } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "pod-cidr-overlaps-network",
    family: "pod-cidr",
    severity: "error",
    description:
      "The pod CIDR must not overlap the VNet, its subnets or any connected network (peerings, VPN, ExpressRoute, " +
      "on-premises).",
    messages: {
      vnet: {
        message: "Pod CIDR {pod} overlaps {other}; pods and VNet hosts would share addresses.",
        fix: "Use a pod CIDR outside the VNet and every connected network{suggestion}.",
      },
      connected: {
        message:
          "Pod CIDR {pod} overlaps {other}; hosts there would be unreachable from pods (their traffic is captured by " +
          "the pod network).",
        fix: "Use a pod CIDR outside the VNet and every connected network{suggestion}.",
      },
      more: {
        message: "Pod CIDR {pod} also overlaps {more} more connected-network ranges (the first {shown} are reported).",
        fix: "Use a pod CIDR outside the VNet and every connected network{suggestion}.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/update-azure-cni.md",
    ],
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    const pods = podCidrs(plan);
    if (pods.length === 0) return;
    const vnetIndex = indexOf(plan, "vnet");
    const netIndex = indexOf(plan, "connected");
    for (const p of pods) {
      const vnetHit = vnetIndex.overlapping(p, 1)[0];
      const { shown, more } = netIndex.cappedOverlapping(p);
      if (!vnetHit && shown.length === 0) continue;
      const free = fixes.replacement("pod-cidr", p);
      const suggestion = free ? `, e.g. ${free.toString()} (free in this plan)` : "";
      const edits = free ? [rangeEdit(p, free)] : [];
      // One finding for the VNet (its subnets lie inside it), one per connected network.
      if (vnetHit)
        report({
          messageId: "vnet",
          path: p.path,
          data: { pod: p.prefix.toString(), other: vnetHit.label, suggestion },
          edits,
        });
      for (const n of shown)
        report({
          messageId: "connected",
          path: p.path,
          data: { pod: p.prefix.toString(), other: n.label, suggestion },
          edits,
        });
      if (more > 0)
        report({
          messageId: "more",
          path: p.path,
          data: { pod: p.prefix.toString(), more, shown: shown.length, suggestion },
          edits,
        });
    }
  },
});
