import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./outbound-type-needs-vnet.js";

const managedVnet = () => {
  const { vnet: _v, ...rest } = mk((d) => d.nodePools.forEach((p) => delete p.subnet));
  return rest;
};

ruleTester(rule, {
  valid: [
    { name: "load balancer on your own VNet", plan: mk() },
    {
      name: "user-assigned NAT gateway on your own VNet",
      plan: mk((d) => {
        d.network.outboundType = "userAssignedNATGateway";
      }),
    },
    {
      name: "managed NAT gateway on the managed VNet",
      plan: { ...managedVnet(), network: { ...managedVnet().network, outboundType: "managedNATGateway" } },
    },
  ],
  invalid: [
    {
      name: "managed NAT gateway on your own VNet",
      plan: mk((d) => {
        d.network.outboundType = "managedNATGateway";
      }),
      findings: [
        {
          messageId: "managedNatOnByo",
          path: "network.outboundType",
          message:
            "Outbound type managedNATGateway is set on your own VNet (vnet-aks); the AKS-managed NAT gateway works " +
            "only on the VNet AKS creates.",
        },
      ],
    },
    {
      name: "user-defined routing without a VNet",
      plan: { ...managedVnet(), network: { ...managedVnet().network, outboundType: "userDefinedRouting" } },
      findings: [
        {
          messageId: "byoOutboundWithoutVnet",
          path: "network.outboundType",
          message:
            "Outbound type userDefinedRouting is set, but the plan names no VNet or node subnet, so AKS would create " +
            "its own VNet; userDefinedRouting needs your own VNet and subnet prepared before the cluster.",
        },
      ],
    },
  ],
});
