import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./dns-service-ip-reserved-address.js";

ruleTester(rule, {
  valid: [
    { name: ".10", plan: mk() },
    {
      name: ".2",
      plan: mk((d) => {
        d.network.dnsServiceIp = "10.0.0.2";
      }),
    },
    {
      name: "outside the range is another rule's job",
      plan: mk((d) => {
        d.network.dnsServiceIp = "10.9.0.1";
      }),
    },
  ],
  invalid: [
    {
      name: "first address (kubernetes.default)",
      plan: mk((d) => {
        d.network.dnsServiceIp = "10.0.0.1";
      }),
      findings: [
        {
          messageId: "first",
          path: "network.dnsServiceIp",
          message:
            "DNS service IP 10.0.0.1 is the first address of 10.0.0.0/16, which belongs to the kubernetes.default " +
            "service.",
          fixIncludes: "10.0.0.10",
        },
      ],
    },
    {
      name: "network address",
      plan: mk((d) => {
        d.network.dnsServiceIp = "10.0.0.0";
      }),
      findings: [
        {
          messageId: "network",
          path: "network.dnsServiceIp",
          message: "DNS service IP 10.0.0.0 is the network address of 10.0.0.0/16; Kubernetes never assigns it.",
        },
      ],
    },
    {
      name: "broadcast address",
      plan: mk((d) => {
        d.network.dnsServiceIp = "10.0.255.255";
      }),
      findings: [
        {
          messageId: "broadcast",
          path: "network.dnsServiceIp",
          message: "DNS service IP 10.0.255.255 is the broadcast address of 10.0.0.0/16; Kubernetes never assigns it.",
        },
      ],
    },
  ],
});
