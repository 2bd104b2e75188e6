import { ruleTester } from "../testing/rule-tester.js";
import { mk, type Draft } from "../testing/plans.js";
import rule from "./max-pods-not-recommended.js";

const staticPool = (maxPods: number) => (d: Draft) => {
  delete d.network.pluginMode;
  delete d.network.podCidrs;
  d.vnet.subnets.push({ name: "pods", cidr: "10.225.0.0/16" });
  d.nodePools[1] = {
    name: "blocks",
    mode: "User",
    count: 3,
    maxPods,
    podSubnet: "pods",
    podIpAllocation: "StaticBlock",
    subnet: "aks-nodes",
  };
};

ruleTester(rule, {
  valid: [
    { name: "Linux 110", plan: mk() },
    {
      name: "Windows 110",
      plan: mk((d) => {
        d.nodePools[1]!.os = "Windows2022";
      }),
    },
    { name: "static block maxPods 31 (2 blocks, none wasted)", plan: mk(staticPool(31)) },
  ],
  invalid: [
    {
      name: "Windows 250",
      plan: mk((d) => {
        d.nodePools[1]!.os = "Windows2022";
        d.nodePools[1]!.maxPods = 250;
      }),
      findings: [
        {
          messageId: "windows",
          path: "nodePools[1].maxPods",
          message: 'Windows pool "user" sets maxPods 250; Microsoft recommends at most 110 pods per Windows node.',
        },
      ],
    },
    {
      name: "static block maxPods 32 (3 blocks, 15 wasted: the doc's example)",
      plan: mk(staticPool(32)),
      findings: [
        {
          messageId: "staticWaste",
          path: "nodePools[1].maxPods",
          message:
            'Pool "blocks" (static block) sets maxPods 32: each node takes 3 /28 blocks (48 addresses) and leaves 15 ' +
            "of them unused.",
          fixIncludes: "maxPods 31 or 47",
        },
      ],
    },
  ],
});
