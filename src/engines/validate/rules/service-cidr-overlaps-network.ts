import { defineRule } from "../rule.js";
import { allOverlaps, indexOf, podCidrs, serviceCidrs } from "../ranges.js";

export default defineRule({
  meta: {
    id: "service-cidr-overlaps-network",
    family: "service-cidr",
    severity: "error",
    description: "The service CIDR must not overlap the pod CIDR or any connected network (peerings, VPN, ExpressRoute, on-premises).",
    messages: {
      podCidr: "Service CIDR {service} overlaps pod CIDR {pod}; a service address would also be a pod address.",
      connected: "Service CIDR {service} overlaps {network}; traffic to those addresses would be captured as service traffic.",
    },
    fixes: {
      podCidr: "Choose disjoint ranges, e.g. the defaults 10.0.0.0/16 for services and 10.244.0.0/16 for pods.",
      connected: "Choose a service CIDR no connected network uses.",
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
    ],
    checked: "2026-11-22",
    assumes: "Reference X11: the overlay page phrases the pod CIDR overlap as guidance, but Kubernetes cannot route a service address that is also a pod address, so it is an error.",
  },
  check({ plan, report }) {
    const pods = podCidrs(plan);
    const nets = indexOf(plan, "connected");
    for (const s of serviceCidrs(plan)) {
      for (const p of allOverlaps(s, pods)) report({ messageId: "podCidr", path: s.path, data: { service: s.prefix.toString(), pod: p.prefix.toString() } });
      for (const n of nets.overlapping(s)) report({ messageId: "connected", path: s.path, data: { service: s.prefix.toString(), network: n.label } });
    }
  },
});
