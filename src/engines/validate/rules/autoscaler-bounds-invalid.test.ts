import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./autoscaler-bounds-invalid.js";

ruleTester(rule, {
  valid: [
    { name: "3 in 3–10", plan: mk() },
    {
      name: "no count given",
      plan: mk((d) => {
        delete d.nodePools[1]!.count;
      }),
    },
    {
      name: "min = max",
      plan: mk((d) => {
        d.nodePools[1]!.maxCount = 3;
      }),
    },
  ],
  invalid: [
    {
      name: "only maxCount",
      plan: mk((d) => {
        delete d.nodePools[1]!.minCount;
      }),
      findings: [
        {
          messageId: "onlyOne",
          path: "nodePools[1].maxCount",
          message: 'Pool "user" sets maxCount without minCount; the autoscaler needs both.',
        },
      ],
    },
    {
      name: "min above max (CLI: min-count should be less than or equal to max-count)",
      plan: mk((d) => {
        d.nodePools[1]!.minCount = 11;
      }),
      findings: [
        {
          messageId: "minAboveMax",
          path: "nodePools[1].minCount",
          message: 'Pool "user" has minCount 11 above maxCount 10.',
        },
      ],
    },
    {
      name: "count 11 above max 10 (Terraform scaling test)",
      plan: mk((d) => {
        d.nodePools[1]!.count = 11;
      }),
      findings: [
        {
          messageId: "countOutside",
          path: "nodePools[1].count",
          message: 'Pool "user" starts with count 11, outside its autoscaler range 3–10.',
        },
      ],
    },
  ],
});
