import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./max-pods-out-of-range.js";

ruleTester(rule, {
  valid: [
    { name: "110", plan: mk() },
    {
      name: "the bounds 10 and 250",
      plan: mk((d) => {
        d.nodePools[0]!.maxPods = 250;
        d.nodePools[1]!.maxPods = 10;
      }),
    },
    {
      name: "0 means not set (az CLI)",
      plan: mk((d) => {
        d.nodePools[0]!.maxPods = 0;
      }),
    },
  ],
  invalid: [
    {
      name: "251",
      plan: mk((d) => {
        d.nodePools[0]!.maxPods = 251;
      }),
      findings: [
        {
          messageId: "outOfRange",
          path: "nodePools[0].maxPods",
          message: 'Pool "system" sets maxPods 251; AKS accepts 10 to 250.',
          fixIncludes: "azure-cni-overlay default is 250",
        },
      ],
    },
    {
      name: "5",
      plan: mk((d) => {
        d.nodePools[1]!.maxPods = 5;
      }),
      findings: [
        {
          messageId: "outOfRange",
          path: "nodePools[1].maxPods",
          message: 'Pool "user" sets maxPods 5; AKS accepts 10 to 250.',
        },
      ],
    },
  ],
});
