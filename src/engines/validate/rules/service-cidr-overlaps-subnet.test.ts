import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./service-cidr-overlaps-subnet.js";

ruleTester(rule, {
  valid: [
    { name: "default service CIDR outside the VNet", plan: mk() },
    {
      name: "inside the VNet space but no subnet (X2: allowed)",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.230.0.0/16"];
        d.network.dnsServiceIp = "10.230.0.10";
      }),
    },
  ],
  invalid: [
    {
      name: "the support article's case: a subnet inside the service CIDR",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.224.0.0/16"];
        d.network.dnsServiceIp = "10.224.0.10";
      }),
      findings: [
        {
          messageId: "overlap",
          path: "network.serviceCidrs[0]",
          message: 'Service CIDR 10.224.0.0/16 overlaps subnet "aks-nodes" (10.224.0.0/22).',
          fixIncludes: "e.g. 10.0.0.0/16 (free in this plan; DNS service IP 10.0.0.10)",
        },
        {
          messageId: "overlap",
          path: "network.serviceCidrs[0]",
          message: 'Service CIDR 10.224.0.0/16 overlaps subnet "shared" (10.224.8.0/24).',
        },
      ],
    },
    {
      name: "a VNet full of subnets: ten reported, the rest counted",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.224.0.0/16"];
        d.network.dnsServiceIp = "10.224.0.10";
        d.vnet.subnets = Array.from({ length: 12 }, (_, i) => ({ name: `s${i}`, cidr: `10.224.${i}.0/24` }));
        d.nodePools.forEach((p) => (p.subnet = "s0"));
      }),
      findings: [
        ...Array.from({ length: 10 }, (_, i) => ({
          messageId: "overlap",
          path: "network.serviceCidrs[0]",
          message: `Service CIDR 10.224.0.0/16 overlaps subnet "s${i}" (10.224.${i}.0/24).`,
        })),
        {
          messageId: "more",
          path: "network.serviceCidrs[0]",
          message: "Service CIDR 10.224.0.0/16 also overlaps 2 more subnets (the first 10 are reported).",
        },
      ],
    },
  ],
});
