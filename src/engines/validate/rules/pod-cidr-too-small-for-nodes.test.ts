import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./pod-cidr-too-small-for-nodes.js";

ruleTester(rule, {
  valid: [
    { name: "/16 for 3 + 10 nodes", plan: mk() },
    {
      name: "exactly full: /20 holds 16 nodes = 3+1 and 11+1 surge",
      plan: mk((d) => {
        d.network.podCidrs = ["10.244.0.0/20"];
        d.nodePools[1]!.maxCount = 11;
      }),
    },
    {
      name: "node subnet model has no pod CIDR",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
    },
  ],
  invalid: [
    {
      name: "the blog's 1,000 nodes in a /19 (32 nodes)",
      plan: mk((d) => {
        d.network.podCidrs = ["10.244.0.0/19"];
        d.nodePools = [
          { name: "big", mode: "System", count: 1000, maxPods: 200, maxSurge: "10%", subnet: "aks-nodes" },
        ];
      }),
      findings: [
        {
          messageId: "tooSmall",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 10.244.0.0/19 holds 32 /24 node blocks, but the pools need 1,100 (nodes at their maximum plus " +
            "upgrade surge); each node takes a whole /24 whatever its maxPods.",
          fixIncludes: "/13",
        },
      ],
    },
    {
      name: "autoscaler maximum counts: /20 with maxCount 12",
      plan: mk((d) => {
        d.network.podCidrs = ["10.244.0.0/20"];
        d.nodePools[1]!.maxCount = 12;
      }),
      findings: [
        {
          messageId: "tooSmall",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 10.244.0.0/20 holds 16 /24 node blocks, but the pools need 17 (nodes at their maximum plus " +
            "upgrade surge); each node takes a whole /24 whatever its maxPods.",
          fixIncludes: "10.244.0.0/19",
        },
      ],
    },
    {
      name: "a /25 pod CIDR",
      plan: mk((d) => {
        d.network.podCidrs = ["10.244.0.0/25"];
      }),
      findings: [
        {
          messageId: "longerThan24",
          path: "network.podCidrs[0]",
          message: "Pod CIDR 10.244.0.0/25 is smaller than a /24, the block every node takes; not even one node fits.",
        },
      ],
    },
  ],
});
