import { mk } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./nat-gateway-invalid.js";

type Subnet = { name: string; cidr: string; natGateway?: string };

ruleTester(rule, {
  valid: [
    { name: "no NAT gateway", plan: mk() },
    {
      name: "userAssignedNATGateway with the gateway on the node subnet",
      plan: mk((d) => {
        d.network.outboundType = "userAssignedNATGateway";
        d.vnet.natGateways = [{ name: "natgw" }];
        (d.vnet.subnets[0] as Subnet).natGateway = "natgw";
      }),
    },
  ],
  invalid: [
    {
      name: "an unknown NAT gateway",
      plan: mk((d) => ((d.vnet.subnets[1] as Subnet).natGateway = "natgw")),
      findings: [
        {
          messageId: "unknown",
          path: "vnet.subnets[1].natGateway",
          message: 'Subnet "shared" names NAT gateway "natgw", which is not in vnet.natGateways.',
        },
      ],
    },
    {
      name: "17 public IPs",
      plan: mk((d) => (d.vnet.natGateways = [{ name: "natgw", publicIpCount: 17 }])),
      findings: [
        {
          messageId: "tooManyIps",
          path: "vnet.natGateways[0].publicIpCount",
          message: 'NAT gateway "natgw" has 17 public IPs; a NAT gateway takes at most 16.',
        },
      ],
    },
    {
      name: "userAssignedNATGateway without a gateway on the node subnet",
      plan: mk((d) => (d.network.outboundType = "userAssignedNATGateway")),
      findings: [
        {
          messageId: "missing",
          path: "vnet.subnets[0]",
          message:
            'Outbound type userAssignedNATGateway needs a NAT gateway on node subnet "aks-nodes" before the cluster ' +
            "is created, and the plan attaches none to it.",
        },
      ],
    },
  ],
});
