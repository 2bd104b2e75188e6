import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "outbound-type-needs-vnet",
    family: "combinations",
    severity: "error",
    description:
      "The outbound type must suit the VNet: an AKS-managed NAT gateway only on the AKS-managed VNet; a " +
      "user-assigned NAT gateway or user-defined routing only on your own VNet (subnets given).",
    messages: {
      managedNatOnByo: {
        message:
          "Outbound type {outbound} is set on your own VNet ({vnet}); the AKS-managed NAT gateway works only on the " +
          "VNet AKS creates.",
        fix: "Use outboundType userAssignedNATGateway (a NAT gateway you attach to the node subnet) or loadBalancer.",
      },
      byoOutboundWithoutVnet: {
        message:
          "Outbound type {outbound} is set, but the plan names no VNet or node subnet, so AKS would create its own " +
          "VNet; {outbound} needs your own VNet and subnet prepared before the cluster.",
        fix: "Describe the VNet and give each pool its subnet, or use outboundType loadBalancer or managedNATGateway.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/egress-outboundtype.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/nat-gateway.md (managed NAT gateway is incompatible with custom " +
        "virtual networks)",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const outbound = plan.outboundType;
    const byo = plan.plan.vnet !== undefined || plan.pools.some((p) => p.subnet !== undefined);
    if (byo && (outbound === "managedNATGateway" || outbound === "managedNATGatewayV2")) {
      report({
        messageId: "managedNatOnByo",
        path: ["network", "outboundType"],
        data: { outbound, vnet: plan.plan.vnet?.name ?? "subnets named by the pools" },
      });
    }
    if (!byo && (outbound === "userAssignedNATGateway" || outbound === "userDefinedRouting"))
      report({ messageId: "byoOutboundWithoutVnet", path: ["network", "outboundType"], data: { outbound } });
  },
});
