import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./connected-network-overlaps-vnet.js";

ruleTester(rule, {
  valid: [{ name: "disjoint hub and on-premises", plan: mk() }],
  invalid: [
    {
      name: "on-premises inside the VNet",
      plan: mk((d) => {
        d.connectedNetworks[1]!.cidrs = ["10.224.64.0/18"];
      }),
      findings: [
        {
          messageId: "overlap",
          path: "connectedNetworks[1].cidrs[0]",
          message: 'The connected network "on-prem" (10.224.64.0/18) overlaps VNet address space 10.224.0.0/12.',
        },
      ],
    },
  ],
});
