import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./dns-and-service-cidr-set-separately.js";

ruleTester(rule, {
  valid: [
    { name: "both set", plan: mk() },
    {
      name: "neither set",
      plan: mk((d) => {
        delete d.network.serviceCidrs;
        delete d.network.dnsServiceIp;
      }),
    },
  ],
  invalid: [
    {
      name: "service CIDR only",
      plan: mk((d) => {
        d.network.serviceCidrs = ["172.20.0.0/16"];
        delete d.network.dnsServiceIp;
      }),
      findings: [
        {
          messageId: "serviceOnly",
          path: "network.serviceCidrs",
          message:
            "The service CIDR is set but the DNS service IP is not, so AKS would use its default 10.0.0.10; " +
            "Terraform refuses this pair.",
          fixIncludes: "172.20.0.10",
        },
      ],
    },
    {
      name: "DNS IP only",
      plan: mk((d) => {
        delete d.network.serviceCidrs;
      }),
      findings: [
        {
          messageId: "dnsOnly",
          path: "network.dnsServiceIp",
          message:
            "The DNS service IP 10.0.0.10 is set but the service CIDR is not, so it must fall inside the default " +
            "10.0.0.0/16; Terraform refuses this pair.",
        },
      ],
    },
  ],
});
