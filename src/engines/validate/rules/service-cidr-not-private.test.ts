import { mk } from "../testing/plans.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./service-cidr-not-private.js";

ruleTester(rule, {
  valid: [
    { name: "the AKS default 10.0.0.0/16", plan: mk() },
    {
      name: "RFC 6598 shared space (treated as private in Azure)",
      plan: mk((d) => {
        d.network.serviceCidrs = ["100.64.0.0/16"];
        d.network.dnsServiceIp = "100.64.0.10";
      }),
    },
    {
      name: "192.168.0.0/16's last /24",
      plan: mk((d) => {
        d.network.serviceCidrs = ["192.168.255.0/24"];
        d.network.dnsServiceIp = "192.168.255.10";
        d.connectedNetworks = [];
      }),
    },
    {
      name: "dual-stack with a ULA IPv6 service CIDR",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd12:3456:789a::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd12:3456:789a:1::/108"];
      }),
    },
  ],
  invalid: [
    {
      name: "a public range",
      plan: mk((d) => {
        d.network.serviceCidrs = ["20.0.0.0/16"];
        d.network.dnsServiceIp = "20.0.0.10";
      }),
      findings: [
        {
          messageId: "public",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 20.0.0.0/16 is not inside RFC 1918 or RFC 6598 space (10.0.0.0/8, 172.16.0.0/12, " +
            "192.168.0.0/16, 100.64.0.0/10); AKS blocks service CIDRs in public ranges.",
          fixIncludes: "e.g. 10.0.0.0/16 (free in this plan; DNS service IP 10.0.0.10)",
        },
      ],
    },
    {
      name: "just past 172.16.0.0/12",
      plan: mk((d) => {
        d.network.serviceCidrs = ["172.32.0.0/16"];
        d.network.dnsServiceIp = "172.32.0.10";
      }),
      findings: [
        {
          messageId: "public",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 172.32.0.0/16 is not inside RFC 1918 or RFC 6598 space (10.0.0.0/8, 172.16.0.0/12, " +
            "192.168.0.0/16, 100.64.0.0/10); AKS blocks service CIDRs in public ranges.",
        },
      ],
    },
    {
      name: "IPv4 multicast",
      plan: mk((d) => {
        d.network.serviceCidrs = ["224.1.0.0/16"];
        d.network.dnsServiceIp = "224.1.0.10";
      }),
      findings: [
        {
          messageId: "multicast",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 224.1.0.0/16 overlaps the multicast range 224.0.0.0/4; AKS blocks service CIDRs in " +
            "multicast ranges.",
          fixIncludes: "Use a private range, e.g. 10.0.0.0/16",
        },
      ],
    },
    {
      name: "IPv6 multicast in a dual-stack plan",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd12:3456:789a::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "ff05::/108"];
      }),
      findings: [
        {
          messageId: "multicast",
          path: "network.serviceCidrs[1]",
          message:
            "Service CIDR ff05::/108 overlaps the multicast range ff00::/8; AKS blocks service CIDRs in multicast " +
            "ranges.",
        },
      ],
    },
  ],
});
