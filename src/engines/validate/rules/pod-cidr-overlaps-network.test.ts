import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./pod-cidr-overlaps-network.js";

ruleTester(rule, {
  valid: [
    { name: "default pod CIDR outside everything", plan: mk() },
    {
      name: "RFC 6598 pod CIDR",
      plan: mk((d) => {
        d.network.podCidrs = ["100.64.0.0/16"];
      }),
    },
    {
      name: "node subnet model has no pod CIDR",
      plan: mk((d) => {
        delete d.network.pluginMode;
        delete d.network.podCidrs;
      }),
    },
  ],
  invalid: [
    {
      name: "pod CIDR inside the VNet (Node Subnet → Overlay migration mistake)",
      plan: mk((d) => {
        d.network.podCidrs = ["10.225.0.0/16"];
      }),
      findings: [
        {
          messageId: "vnet",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 10.225.0.0/16 overlaps VNet address space 10.224.0.0/12; pods and VNet hosts would share " +
            "addresses.",
          fixIncludes: "e.g. 10.2.0.0/16 (free in this plan)",
        },
      ],
    },
    {
      name:
        "pod CIDR in the VNet, service CIDR on the hub: alone, the rule suggests the first /16 the plan leaves " +
        "free",
      plan: mk((d) => {
        d.network.podCidrs = ["10.225.0.0/16"];
        d.network.serviceCidrs = ["10.1.0.0/16"];
        d.network.dnsServiceIp = "10.1.0.10";
        d.connectedNetworks = [{ name: "hub", cidrs: ["10.1.0.0/16"] }];
      }),
      findings: [
        {
          messageId: "vnet",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 10.225.0.0/16 overlaps VNet address space 10.224.0.0/12; pods and VNet hosts would share " +
            "addresses.",
          fixIncludes: "e.g. 10.0.0.0/16 (free in this plan)",
        },
      ],
    },
    {
      name: "pod CIDR covering on-premises",
      plan: mk((d) => {
        d.network.podCidrs = ["192.168.0.0/16"];
      }),
      findings: [
        {
          messageId: "connected",
          path: "network.podCidrs[0]",
          message:
            'Pod CIDR 192.168.0.0/16 overlaps connected network "on-prem" (192.168.0.0/16); hosts there would be ' +
            "unreachable from pods (their traffic is captured by the pod network).",
        },
      ],
    },
    {
      name: "a /8 pod CIDR over many on-premises ranges: ten reported, the rest counted",
      plan: mk((d) => {
        d.network.podCidrs = ["100.64.0.0/10"];
        d.connectedNetworks = [{ name: "branches", cidrs: Array.from({ length: 11 }, (_, i) => `100.64.${i}.0/24`) }];
      }),
      findings: [
        ...Array.from({ length: 10 }, (_, i) => ({
          messageId: "connected",
          path: "network.podCidrs[0]",
          message:
            `Pod CIDR 100.64.0.0/10 overlaps connected network "branches" (100.64.${i}.0/24); hosts there ` +
            `would be unreachable from pods (their traffic is captured by the pod network).`,
        })),
        {
          messageId: "more",
          path: "network.podCidrs[0]",
          message: "Pod CIDR 100.64.0.0/10 also overlaps 1 more connected-network ranges (the first 10 are reported).",
        },
      ],
    },
  ],
});
