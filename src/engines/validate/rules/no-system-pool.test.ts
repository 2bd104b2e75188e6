import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./no-system-pool.js";

ruleTester(rule, {
  valid: [
    { name: "one system pool", plan: mk() },
    {
      name: "first pool defaults to System",
      plan: mk((d) => {
        delete d.nodePools[0]!.mode;
      }),
    },
    {
      name: "a Spot User pool beside the System pool",
      plan: mk((d) => {
        d.nodePools[1]!.priority = "Spot";
      }),
    },
    {
      name: "no pools described at all",
      plan: mk((d) => {
        d.nodePools = [];
      }),
    },
  ],
  invalid: [
    {
      name: "only user pools",
      plan: mk((d) => {
        d.nodePools[0]!.mode = "User";
      }),
      findings: [
        {
          messageId: "noSystem",
          path: "nodePools",
          message: "No node pool has mode System; every AKS cluster needs at least one system pool.",
        },
      ],
    },
    {
      name: "a Spot System pool (AKS: a Spot pool can't be a default or system pool)",
      plan: mk((d) => {
        d.nodePools[0]!.priority = "Spot";
      }),
      findings: [
        {
          messageId: "spotSystem",
          path: "nodePools[0].priority",
          message: 'Pool "system" is a Spot pool with mode System; a Spot pool can only be a secondary (User) pool.',
        },
      ],
    },
    {
      name: "duplicate names",
      plan: mk((d) => {
        d.nodePools[1]!.name = "system";
      }),
      findings: [
        {
          messageId: "duplicate",
          path: "nodePools[1].name",
          message: 'Two pools are named "system"; pool names must be unique in a cluster.',
        },
      ],
    },
  ],
});
