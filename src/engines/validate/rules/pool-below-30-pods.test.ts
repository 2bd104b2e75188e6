import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./pool-below-30-pods.js";

ruleTester(rule, {
  valid: [
    { name: "3 × 110", plan: mk() },
    {
      name: "3 × 10 = 30 exactly (the documented minimum)",
      plan: mk((d) => {
        d.nodePools[0]!.maxPods = 10;
      }),
    },
    {
      name: "0-node user pool (X12)",
      plan: mk((d) => {
        d.nodePools[1] = { name: "spare", mode: "User", count: 0, maxPods: 10, subnet: "aks-nodes" };
      }),
    },
  ],
  invalid: [
    {
      name: "2 × 10",
      plan: mk((d) => {
        d.nodePools[0]!.count = 2;
        d.nodePools[0]!.maxPods = 10;
      }),
      findings: [
        {
          messageId: "tooFew",
          path: "nodePools[0].maxPods",
          message: 'Pool "system" has room for 20 pods (2 node(s) × maxPods 10); AKS requires at least 30 per pool.',
          fixIncludes: "maxPods to 15 or the node count to 3",
        },
      ],
    },
    {
      name: "autoscaler minimum counts",
      plan: mk((d) => {
        d.nodePools[1]!.count = 1;
        d.nodePools[1]!.minCount = 1;
        d.nodePools[1]!.maxPods = 20;
      }),
      findings: [
        {
          messageId: "tooFew",
          path: "nodePools[1].maxPods",
          message: 'Pool "user" has room for 20 pods (1 node(s) × maxPods 20); AKS requires at least 30 per pool.',
        },
      ],
    },
  ],
});
