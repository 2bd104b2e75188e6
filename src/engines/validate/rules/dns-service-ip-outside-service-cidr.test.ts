import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./dns-service-ip-outside-service-cidr.js";

ruleTester(rule, {
  valid: [
    { name: "the .10 of the service CIDR", plan: mk() },
    {
      name: "defaults: 10.0.0.10 in 10.0.0.0/16",
      plan: mk((d) => {
        delete d.network.serviceCidrs;
        delete d.network.dnsServiceIp;
      }),
    },
    {
      name: "last usable address",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.2.0.0/24"];
        d.network.dnsServiceIp = "10.2.0.254";
      }),
    },
  ],
  invalid: [
    {
      name: "the support article's example",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.200.0.0/16"];
        d.network.dnsServiceIp = "10.0.0.10";
      }),
      findings: [
        {
          messageId: "outside",
          path: "network.dnsServiceIp",
          message: "DNS service IP 10.0.0.10 is outside the service CIDR 10.200.0.0/16.",
          fixIncludes: "10.200.0.10",
        },
      ],
    },
    {
      name: "service CIDR given, DNS left to its default",
      plan: mk((d) => {
        d.network.serviceCidrs = ["172.20.0.0/16"];
        delete d.network.dnsServiceIp;
      }),
      findings: [
        {
          messageId: "outside",
          path: "network.dnsServiceIp",
          message: "DNS service IP 10.0.0.10 is outside the service CIDR 172.20.0.0/16.",
          fixIncludes: "172.20.0.10",
        },
      ],
    },
  ],
});
