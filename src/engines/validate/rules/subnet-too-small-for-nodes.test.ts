import { ruleTester } from "../testing/rule-tester.js";
import { mk, type Draft } from "../testing/plans.js";
import rule from "./subnet-too-small-for-nodes.js";

/** Azure CNI node subnet, one pool of `count` nodes with maxPods 30 and surge 1 on a subnet of `cidr`. */
const nodeSubnet = (count: number, cidr: string) => (d: Draft) => {
  delete d.network.pluginMode;
  delete d.network.podCidrs;
  d.vnet.subnets[0]!.cidr = cidr;
  d.reserved = {};
  d.nodePools = [{ name: "np", mode: "System", count, maxPods: 30, maxSurge: 1, subnet: "aks-nodes" }];
};

ruleTester(rule, {
  valid: [
    { name: "overlay: /22 for 13 nodes", plan: mk() },
    {
      name: "the docs' example: 50 nodes, surge 1, 30 pods = 1,581 fits a /21 (2,043)",
      plan: mk(nodeSubnet(50, "10.224.0.0/21")),
    },
    {
      name: "/24 holds 8 nodes at 30 pods with no surge (the docs' 8-node example)",
      plan: mk((d) => {
        nodeSubnet(8, "10.224.0.0/24")(d);
        d.nodePools[0]!.maxSurge = 0;
      }),
    },
  ],
  invalid: [
    {
      name: "the docs' example in a /22: 1,581 > 1,019",
      plan: mk(nodeSubnet(50, "10.224.0.0/22")),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[0].cidr",
          message:
            'Subnet "aks-nodes" (10.224.0.0/22) has 1,019 usable addresses, but its pools need 1,581: pool "np" 50+1 ' +
            "surge node(s) × 31 = 1,581.",
          fixIncludes: "/21 or larger subnet for these pools (2,043 usable), e.g. 10.224.16.0/21, free in the VNet",
        },
      ],
    },
    {
      name: "a /24 with 8 nodes and 1 surge: 279 > 251",
      plan: mk(nodeSubnet(8, "10.224.0.0/24")),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[0].cidr",
          message:
            'Subnet "aks-nodes" (10.224.0.0/24) has 251 usable addresses, but its pools need 279: pool "np" 8+1 ' +
            "surge node(s) × 31 = 279.",
        },
      ],
    },
    {
      name: "overlay /28 with the autoscaler maximum and reserved addresses",
      plan: mk((d) => {
        d.vnet.subnets[0]!.cidr = "10.224.0.0/28";
      }),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[0].cidr",
          message:
            'Subnet "aks-nodes" (10.224.0.0/28) has 11 usable addresses, but its pools need 18: pool "system" 3+1 ' +
            'surge node(s) × 1 = 4; pool "user" 10+1 surge node(s) × 1 = 11; 3 for load balancer and private ' +
            "endpoint addresses.",
          fixIncludes: "/27",
        },
      ],
    },
    {
      name:
        "internal load balancers on a subnet of their own take no node-subnet address (the layout counts them " +
        "there)",
      plan: mk((d) => {
        d.vnet.subnets[0]!.cidr = "10.224.0.0/28";
        d.vnet.subnets.push({ name: "ilb", cidr: "10.224.1.0/29" });
        d.reserved = { internalLoadBalancerIps: 2, privateEndpoints: 1, internalLoadBalancerSubnet: "ilb" };
      }),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[0].cidr",
          message:
            'Subnet "aks-nodes" (10.224.0.0/28) has 11 usable addresses, but its pools need 16: pool "system" 3+1 ' +
            'surge node(s) × 1 = 4; pool "user" 10+1 surge node(s) × 1 = 11; 1 for load balancer and private ' +
            "endpoint addresses.",
          fixIncludes: "/27",
        },
      ],
    },
  ],
});
