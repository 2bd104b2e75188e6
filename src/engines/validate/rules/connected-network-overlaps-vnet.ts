import { defineRule } from "../rule.js";
import { connected, indexOf } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "connected-network-overlaps-vnet",
    family: "vnet-layout",
    severity: "error",
    description:
      "Connected networks (peerings, VPN, ExpressRoute, on-premises) must not overlap the cluster VNet; Azure " +
      "refuses to peer overlapping VNets and routing to overlapping ranges is ambiguous.",
    messages: {
      overlap: {
        message: "The {network} overlaps {vnet}.",
        fix: "Renumber one side; VNet peering requires non-overlapping address spaces.",
      },
    },
    sources: [
      "https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview",
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const index = indexOf(plan, "vnetSpace");
    for (const c of connected(plan)) {
      const hit = index.overlapping(c, 1)[0];
      if (hit) report({ messageId: "overlap", path: c.path, data: { network: c.label, vnet: hit.label } });
    }
  },
});
