import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./service-cidr-too-large.js";

ruleTester(rule, {
  valid: [
    { name: "the default /16", plan: mk() },
    {
      name: "/13",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.96.0.0/13"];
        d.network.dnsServiceIp = "10.96.0.10";
      }),
    },
    {
      name: "IPv6 /108 (k8s test 3000::/108)",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd00::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "3000::/108"];
      }),
    },
  ],
  invalid: [
    {
      name: "/8 (k8s test 10.92.0.0/8 too big)",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.0.0.0/8"];
      }),
      findings: [
        {
          messageId: "tooLarge",
          path: "network.serviceCidrs[0]",
          message: "Service CIDR 10.0.0.0/8 is too large: the mask must be /12 or longer for IPv4.",
          fixIncludes: "10.0.0.0/16",
        },
      ],
    },
    {
      name: "exactly /12 (X1)",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.96.0.0/12"];
        d.network.dnsServiceIp = "10.96.0.10";
      }),
      findings: [
        {
          messageId: "exactly12",
          path: "network.serviceCidrs[0]",
          severity: "warning",
          message:
            "Service CIDR 10.96.0.0/12 is a /12; Kubernetes accepts /12, but AKS docs say the service CIDR must be " +
            "smaller than /12.",
        },
      ],
    },
    {
      name: "IPv6 /64 (k8s test 3000::/64 too big)",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd00::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "3000::/64"];
      }),
      findings: [
        {
          messageId: "tooLarge",
          path: "network.serviceCidrs[1]",
          message: "Service CIDR 3000::/64 is too large: the mask must be /108 or longer for IPv6.",
          fixIncludes: "3000::/108",
        },
      ],
    },
  ],
});
