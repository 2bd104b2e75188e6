import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./cidr-invalid.js";

ruleTester(rule, {
  valid: [
    { name: "clean plan", plan: mk() },
    {
      name: "IPv6 ranges",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd12:3456:789a::/64"];
      }),
    },
  ],
  invalid: [
    {
      name: "a bare address as pod CIDR (kubeadm: incorrect IPv4 pod subnet)",
      plan: mk((d) => {
        d.network.podCidrs = ["10.0.1.15"];
      }),
      findings: [
        {
          messageId: "unparsable",
          path: "network.podCidrs[0]",
          message: "10.0.1.15 is not a CIDR range: it has no prefix length (write 10.0.1.15/32 for a single address).",
        },
      ],
    },
    {
      name: "prefix length out of range",
      plan: mk((d) => {
        d.vnet.subnets[1]!.cidr = "10.224.8.0/33";
      }),
      findings: [
        {
          messageId: "unparsable",
          path: "vnet.subnets[1].cidr",
          message: "10.224.8.0/33 is not a CIDR range: prefix length 33 is out of range for IPv4 (0 to 32).",
        },
      ],
    },
    {
      name: "host bits set",
      plan: mk((d) => {
        d.network.serviceCidrs = ["10.0.0.10/16"];
      }),
      findings: [
        {
          messageId: "hostBits",
          path: "network.serviceCidrs[0]",
          message: "10.0.0.10/16 has host bits set; the network it names is 10.0.0.0/16.",
          fixIncludes: "10.0.0.0/16",
        },
      ],
    },
    {
      name: "DNS service IP with a length",
      plan: mk((d) => {
        d.network.dnsServiceIp = "10.0.0.10/32";
      }),
      findings: [
        {
          messageId: "dnsNotAddress",
          path: "network.dnsServiceIp",
          message: "DNS service IP 10.0.0.10/32 is not an IP address: it is a prefix, not an address.",
        },
      ],
    },
    {
      name: "IPv6 DNS service IP on a dual-stack cluster (Terraform: validate.IPv4Address)",
      plan: mk((d) => {
        d.network.ipFamilies = ["IPv4", "IPv6"];
        d.network.podCidrs = ["10.244.0.0/16", "fd00::/64"];
        d.network.serviceCidrs = ["10.0.0.0/16", "fd00:1::/108"];
        d.network.dnsServiceIp = "fd00:1::a";
      }),
      findings: [
        {
          messageId: "dnsNotIPv4",
          path: "network.dnsServiceIp",
          message:
            "DNS service IP fd00:1::a is an IPv6 address; AKS takes an IPv4 DNS service IP, also on dual-stack " +
            "clusters.",
        },
      ],
    },
  ],
});
