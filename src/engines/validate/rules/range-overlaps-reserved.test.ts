import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./range-overlaps-reserved.js";

ruleTester(rule, {
  valid: [
    { name: "defaults", plan: mk() },
    {
      name: "172.16.0.0/13 stops short of 172.30/172.31",
      plan: mk((d) => {
        d.network.podCidrs = ["172.16.0.0/13"];
      }),
    },
    {
      name: "RFC 6598 pod CIDR",
      plan: mk((d) => {
        d.network.podCidrs = ["100.64.0.0/16"];
      }),
    },
  ],
  invalid: [
    {
      name: "172.16.0.0/12 holds 172.30 and 172.31 (the docs' invalid example)",
      plan: mk((d) => {
        d.network.podCidrs = ["172.16.0.0/12"];
      }),
      findings: [
        {
          messageId: "reserved",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 172.16.0.0/12 overlaps 172.30.0.0/16, which AKS does not allow for pod, service or VNet ranges " +
            "(reserved by AKS; pod CIDRs overlapping it are rejected on create and update since the 2026-05-29 " +
            "release).",
        },
        {
          messageId: "reserved",
          path: "network.podCidrs[0]",
          message:
            "Pod CIDR 172.16.0.0/12 overlaps 172.31.0.0/16, which AKS does not allow for pod, service or VNet ranges " +
            "(reserved by AKS; pod CIDRs overlapping it are rejected on create and update since the 2026-05-29 " +
            "release).",
        },
      ],
    },
    {
      name: "service CIDR in link-local space",
      plan: mk((d) => {
        d.network.serviceCidrs = ["169.254.0.0/16"];
        d.network.dnsServiceIp = "169.254.0.10";
      }),
      findings: [
        {
          messageId: "reserved",
          path: "network.serviceCidrs[0]",
          message:
            "Service CIDR 169.254.0.0/16 overlaps 169.254.0.0/16, which AKS does not allow for pod, service or VNet " +
            "ranges (link-local: Azure platform services (instance metadata, LocalDNS)).",
        },
      ],
    },
    {
      name: "VNet in TEST-NET-1",
      plan: mk((d) => {
        d.vnet.addressSpace = ["10.224.0.0/12", "192.0.2.0/24"];
      }),
      findings: [
        {
          messageId: "reserved",
          path: "vnet.addressSpace[1]",
          message:
            "VNet address space 192.0.2.0/24 overlaps 192.0.2.0/24, which AKS does not allow for pod, service or " +
            "VNet ranges (reserved by AKS (RFC 5737 documentation range)).",
        },
      ],
    },
  ],
});
