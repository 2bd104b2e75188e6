import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./service-cidr-overlaps-network.js";

ruleTester(rule, {
  valid: [
    { name: "disjoint defaults", plan: mk() },
    {
      name: "node subnet model without a pod CIDR",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
    },
  ],
  invalid: [
    {
      name: "service CIDR inside the pod CIDR",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.244.128.0/17"];
        d.network.dnsServiceIp = "10.244.128.10";
      }),
      findings: [
        {
          messageId: "podCidr",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 10.244.128.0/17 overlaps pod CIDR 10.244.0.0/16; a service address would also be a pod " +
            "address.",
        },
      ],
    },
    {
      name: "service CIDR on a peered hub",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.1.0.0/16"];
        d.network.dnsServiceIp = "10.1.0.10";
      }),
      findings: [
        {
          messageId: "connected",
          path: "network.serviceCidrs[0]",
          message:
            'Service CIDR 10.1.0.0/16 overlaps connected network "hub" (10.1.0.0/16); traffic to those addresses ' +
            "would be captured as service traffic.",
          fixIncludes: "e.g. 10.0.0.0/16",
        },
      ],
    },
    {
      name: "service CIDR over twelve on-premises /24s: ten listed, the rest counted",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.9.0.0/16"];
        d.network.dnsServiceIp = "10.9.0.10";
        d.connectedNetworks = [{ name: "branches", cidrs: Array.from({ length: 12 }, (_, i) => `10.9.${i}.0/24`) }];
      }),
      findings: [
        ...Array.from({ length: 10 }, (_, i) => ({
          messageId: "connected",
          path: "network.serviceCidrs[0]",
          message:
            `Service CIDR 10.9.0.0/16 overlaps connected network "branches" (10.9.${i}.0/24); traffic to ` +
            `those addresses would be captured as service traffic.`,
        })),
        {
          messageId: "more",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 10.9.0.0/16 also overlaps 2 more pod CIDR or connected-network ranges (the first 10 are " +
            "reported).",
          fixIncludes: "e.g. 10.0.0.0/16 (free in this plan; DNS service IP 10.0.0.10)",
        },
      ],
    },
  ],
});
