import { ruleTester } from "../testing/rule-tester.js";
import { mk, type Draft } from "../testing/plans.js";
import rule from "./pod-subnet-too-small.js";

const podSubnet =
  (cidr: string, mode: "DynamicIndividual" | "StaticBlock", maxPods: number, count = 10) =>
  (d: Draft) => {
    delete d.network.pluginMode;
    delete d.network.podCidrs;
    d.vnet.subnets.push({ name: "pods", cidr });
    d.nodePools = [
      {
        name: "np",
        mode: "System",
        count,
        maxPods,
        maxSurge: 1,
        subnet: "aks-nodes",
        podSubnet: "pods",
        podIpAllocation: mode,
      },
    ];
  };

ruleTester(rule, {
  valid: [
    {
      name: "dynamic: 11 nodes × 31 (maxPods 30 + 1) = 341 in a /23 (507)",
      plan: mk(podSubnet("10.225.0.0/23", "DynamicIndividual", 30)),
    },
    {
      name: "static: 11 nodes × 2 blocks = 22 in a /23 (30 blocks)",
      plan: mk(podSubnet("10.225.0.0/23", "StaticBlock", 31)),
    },
  ],
  invalid: [
    {
      name: "dynamic in a /24",
      plan: mk(podSubnet("10.225.0.0/24", "DynamicIndividual", 30)),
      findings: [
        {
          messageId: "dynamic",
          path: "vnet.subnets[2].cidr",
          message:
            'Pod subnet "pods" (10.225.0.0/24) has 251 usable addresses, but its pools need 341 when full (11 nodes ' +
            "with surge, up to 31 addresses each: max pods + 1).",
          fixIncludes: "/23 or larger pod subnet",
        },
      ],
    },
    {
      // kb PLATFORM_LIMITS.maxPodsChangeInPlace is false: the fix must not read as an in-place change of a pool.
      name: "dynamic in a /24: lowering maxPods on an existing pool means a new pool",
      plan: mk(podSubnet("10.225.0.0/24", "DynamicIndividual", 30)),
      findings: [
        {
          messageId: "dynamic",
          path: "vnet.subnets[2].cidr",
          message:
            'Pod subnet "pods" (10.225.0.0/24) has 251 usable addresses, but its pools need 341 when full (11 nodes ' +
            "with surge, up to 31 addresses each: max pods + 1).",
          fixIncludes: "or lower maxPods (an existing pool keeps its maxPods: add a pool with the lower value",
        },
      ],
    },
    {
      name: "static in a /25",
      plan: mk(podSubnet("10.225.0.0/25", "StaticBlock", 31)),
      findings: [
        {
          messageId: "static",
          path: "vnet.subnets[2].cidr",
          message:
            'Pod subnet "pods" (10.225.0.0/25) holds 6 whole /28 blocks, but its pools need 22 (11 nodes with surge, ' +
            "2 blocks each).",
          fixIncludes: "/23",
        },
      ],
    },
    {
      name: "static pod subnet larger than /12",
      plan: mk((d) => {
        podSubnet("10.64.0.0/11", "StaticBlock", 31)(d);
        d.vnet.addressSpace = ["10.0.0.0/8"];
      }),
      findings: [
        {
          messageId: "staticTooLarge",
          path: "vnet.subnets[2].cidr",
          message:
            'Pod subnet "pods" (10.64.0.0/11) is larger than /12, the largest pod subnet static block allocation ' +
            "supports.",
        },
      ],
    },
  ],
});
