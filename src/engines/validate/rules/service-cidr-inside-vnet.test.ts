import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./service-cidr-inside-vnet.js";

ruleTester(rule, {
  valid: [
    { name: "outside the VNet", plan: mk() },
    {
      name: "overlapping a subnet is the other rule's job",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.224.0.0/16"];
        d.network.dnsServiceIp = "10.224.0.10";
      }),
    },
  ],
  invalid: [
    {
      name: "inside the VNet address space, no subnet there (Terraform advancedNetworking test, X2)",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.230.0.0/16"];
        d.network.dnsServiceIp = "10.230.0.10";
      }),
      findings: [
        {
          messageId: "inside",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 10.230.0.0/16 overlaps VNet address space 10.224.0.0/12 without overlapping a subnet " +
            "today; a subnet added there later breaks cluster upgrades.",
        },
      ],
    },
  ],
});
