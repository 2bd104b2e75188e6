import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./ip-families-mismatch.js";

ruleTester(rule, {
  valid: [
    { name: "IPv4 only", plan: mk() },
    {
      name: "dual-stack defaults",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        delete d.network.podCidrs;
        delete d.network.serviceCidrs;
      }),
    },
    {
      name: "dual-stack given in order",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd11:1234::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd00:1234::/108"];
      }),
    },
  ],
  invalid: [
    {
      name: "IPv6 alone (Terraform: IPv6 alone is not supported)",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv6"];
      }),
      findings: [
        {
          messageId: "families",
          path: "network.ipFamilies",
          message:
            "ipFamilies [IPv6] is not supported; AKS accepts [IPv4] or [IPv4, IPv6] (IPv6-only is not supported).",
        },
      ],
    },
    {
      name: "two service CIDRs on a single-stack cluster",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.0.0.0/16", "fd00::/108"];
      }),
      findings: [
        {
          messageId: "count",
          path: "network.serviceCidrs",
          message:
            "serviceCidrs lists 2 range(s) for ipFamilies [IPv4]; give exactly one per family, in the same order.",
        },
      ],
    },
    {
      name: "IPv6 listed first",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["fd11:1234::/64", "10.244.0.0/16"];
        delete d.network.serviceCidrs;
      }),
      findings: [
        {
          messageId: "order",
          path: "network.podCidrs[0]",
          message: "podCidrs[0] is fd11:1234::/64, an IPv6 range, where ipFamilies expects IPv4.",
        },
        {
          messageId: "order",
          path: "network.podCidrs[1]",
          message: "podCidrs[1] is 10.244.0.0/16, an IPv4 range, where ipFamilies expects IPv6.",
        },
      ],
    },
  ],
});
