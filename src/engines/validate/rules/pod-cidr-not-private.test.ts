import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./pod-cidr-not-private.js";

ruleTester(rule, {
  valid: [
    { name: "10.244.0.0/16", plan: mk() },
    {
      name: "100.64.0.0/16 (RFC 6598)",
      plan: mk((d) => {
        d.network.podCidrs = ["100.64.0.0/16"];
      }),
    },
  ],
  invalid: [
    {
      name: "public range",
      plan: mk((d) => {
        d.network.podCidrs = ["20.0.0.0/16"];
      }),
      findings: [
        {
          messageId: "public",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 20.0.0.0/16 is not inside RFC 1918 or RFC 6598 space; AKS does not block it but does not " +
            "support it.",
        },
      ],
    },
  ],
});
