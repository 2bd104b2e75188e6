import { serviceCidrFix } from "../fix-space.js";
import { indexOf, serviceCidrs } from "../plan-ranges.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "service-cidr-overlaps-network",
    family: "service-cidr",
    severity: "error",
    description:
      "The service CIDR must not overlap the pod CIDR or any connected network (peerings, VPN, ExpressRoute, " +
      "on-premises).",
    messages: {
      podCidr: {
        message: "Service CIDR {service} overlaps pod CIDR {pod}; a service address would also be a pod address.",
        fix: "Choose disjoint ranges{suggestion}.",
      },
      connected: {
        message:
          "Service CIDR {service} overlaps {network}; traffic to those addresses would be captured as service traffic.",
        fix: "Choose a service CIDR no connected network uses{suggestion}.",
      },
      more: {
        message:
          "Service CIDR {service} also overlaps {more} more pod CIDR or connected-network ranges (the first {shown} " +
          "are reported).",
        fix: "Choose a service CIDR no pod CIDR or connected network uses{suggestion}.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
    ],
    checked: "2026-11-22",
    assumes:
      "The Overlay page phrases the pod CIDR overlap as guidance, but Kubernetes cannot route a service address that " +
      "is also a pod address, so it is an error.",
  },
  check({ plan, fixes, report }) {
    const pods = indexOf(plan, "podCidrs");
    const nets = indexOf(plan, "connected");
    for (const s of serviceCidrs(plan)) {
      const podHits = pods.cappedOverlapping(s);
      const netHits = nets.cappedOverlapping(s);
      if (podHits.shown.length + netHits.shown.length === 0) continue;
      const service = s.prefix.toString();
      const { suggestion, edits } = serviceCidrFix(fixes, s);
      for (const p of podHits.shown)
        report({ messageId: "podCidr", path: s.path, data: { service, pod: p.prefix.toString(), suggestion }, edits });
      for (const n of netHits.shown)
        report({ messageId: "connected", path: s.path, data: { service, network: n.label, suggestion }, edits });
      const more = podHits.more + netHits.more;
      if (more > 0)
        report({
          messageId: "more",
          path: s.path,
          data: { service, more, shown: podHits.shown.length + netHits.shown.length, suggestion },
          edits,
        });
    }
  },
});
