import type { PlanInput } from "../../plan/index.js";
import { mk, type Draft } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./nap-subnet-too-small.js";

type NapPool = NonNullable<NonNullable<PlanInput["nodeProvisioning"]>["pools"]>[number];

/** The clean Overlay plan with NodePools in subnet "nap" (`cidr`). */
const nap = (cidr: string, pools: NapPool[], edit: (d: Draft) => void = () => {}): PlanInput => ({
  ...mk((d) => {
    d.vnet.subnets.push({ name: "nap", cidr });
    edit(d);
  }),
  nodeProvisioning: { mode: "Auto", pools },
});

ruleTester(rule, {
  valid: [
    { name: "no NAP", plan: mk() },
    {
      name: "100 nodes + 10 replacements in a /25 (123 usable)",
      plan: nap("10.224.12.0/25", [{ name: "a", maxNodes: 100, subnet: "nap" }]),
    },
    {
      name: "the default subnet (the first pool's) holds both",
      plan: { ...mk(), nodeProvisioning: { mode: "Auto", pools: [{ name: "a", maxNodes: 500 }] } },
    },
  ],
  invalid: [
    {
      name: "120 nodes + 12 replacements in a /25",
      plan: nap("10.224.12.0/25", [{ name: "a", maxNodes: 120, subnet: "nap" }]),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[2].cidr",
          message:
            'Subnet "nap" (10.224.12.0/25) has 123 usable addresses, but its nodes need 132: NAP pool "a" 120+12 ' +
            "replacement node(s) × 1 = 132. Node auto-provisioning skips ARM's up-front subnet check, so this " +
            "fails only when a node is provisioned, with SubnetIsFull.",
          fixIncludes: "/24",
        },
      ],
    },
    {
      name: "Azure CNI node subnet: 30 pods a node",
      plan: nap("10.224.12.0/24", [{ name: "a", maxNodes: 8, subnet: "nap", disruptionBudget: 1 }], (d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
      findings: [
        {
          messageId: "tooSmall",
          path: "vnet.subnets[2].cidr",
          message:
            'Subnet "nap" (10.224.12.0/24) has 251 usable addresses, but its nodes need 279: NAP pool "a" 8+1 ' +
            "replacement node(s) × 31 = 279. Node auto-provisioning skips ARM's up-front subnet check, so this " +
            "fails only when a node is provisioned, with SubnetIsFull.",
        },
      ],
    },
    {
      name: "no node limit",
      plan: nap("10.224.12.0/25", [{ name: "a", maxNodes: 0, subnet: "nap" }]),
      findings: [
        {
          messageId: "unbounded",
          path: "nodeProvisioning.pools[0].maxNodes",
          severity: "warning",
          message:
            'NodePool "a" gives maxNodes 0 for subnet "nap"; without a node limit aksnet cannot size its subnet and ' +
            "NAP grows until the subnet is full.",
        },
      ],
    },
  ],
});
