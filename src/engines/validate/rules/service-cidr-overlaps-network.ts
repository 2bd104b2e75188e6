import { defineRule } from "../rule.js";
import { allOverlaps, freeServiceCidrHint, indexOf, podCidrs, serviceCidrs } from "../ranges.js";

export default defineRule({
  meta: {
    id: "service-cidr-overlaps-network",
    family: "service-cidr",
    severity: "error",
    description:
      "The service CIDR must not overlap the pod CIDR or any connected network (peerings, VPN, ExpressRoute, on-premises).",
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
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
    ],
    checked: "2026-11-22",
    assumes:
      "Reference X11: the overlay page phrases the pod CIDR overlap as guidance, but Kubernetes cannot route a service address that is also a pod address, so it is an error.",
  },
  check({ plan, report }) {
    const pods = podCidrs(plan);
    const nets = indexOf(plan, "connected");
    for (const s of serviceCidrs(plan)) {
      const podHits = allOverlaps(s, pods);
      const netHits = nets.overlapping(s);
      const suggestion = podHits.length + netHits.length > 0 ? freeServiceCidrHint(plan, s.prefix) : "";
      for (const p of podHits)
        report({
          messageId: "podCidr",
          path: s.path,
          data: { service: s.prefix.toString(), pod: p.prefix.toString(), suggestion },
        });
      for (const n of netHits)
        report({
          messageId: "connected",
          path: s.path,
          data: { service: s.prefix.toString(), network: n.label, suggestion },
        });
    }
  },
});
