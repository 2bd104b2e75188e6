import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./node-count-out-of-range.js";

ruleTester(rule, {
  valid: [
    { name: "clean", plan: mk() },
    {
      name: "1000 nodes",
      plan: mk((d) => {
        d.nodePools[1]!.maxCount = 1000;
      }),
    },
    {
      name: "0-node user pool",
      plan: mk((d) => {
        d.nodePools[1]!.count = 0;
        d.nodePools[1]!.minCount = 0;
      }),
    },
  ],
  invalid: [
    {
      name: "maxCount 1001 (az CLI: --max-count must be in the range [0,1000])",
      plan: mk((d) => {
        d.nodePools[1]!.maxCount = 1001;
      }),
      findings: [
        {
          messageId: "outOfRange",
          path: "nodePools[1].maxCount",
          message: 'Pool "user" sets maxCount 1001; AKS accepts 0 to 1000.',
        },
      ],
    },
    {
      name: "negative count",
      plan: mk((d) => {
        d.nodePools[0]!.count = -1;
      }),
      findings: [
        {
          messageId: "outOfRange",
          path: "nodePools[0].count",
          message: 'Pool "system" sets count -1; AKS accepts 0 to 1000.',
        },
      ],
    },
    {
      name: "empty system pool",
      plan: mk((d) => {
        d.nodePools[0]!.count = 0;
      }),
      findings: [
        {
          messageId: "systemEmpty",
          path: "nodePools[0].count",
          message: 'System pool "system" has count 0; a system pool needs at least 1 node.',
        },
      ],
    },
  ],
});
