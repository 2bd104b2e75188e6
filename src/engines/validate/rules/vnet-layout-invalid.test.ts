import { ruleTester } from "../testing/rule-tester.js";
import { mk } from "../testing/plans.js";
import rule from "./vnet-layout-invalid.js";

ruleTester(rule, {
  valid: [
    { name: "clean", plan: mk() },
    {
      name: "two address spaces",
      plan: mk((d) => {
        d.vnet.addressSpace.push("192.168.100.0/24");
        d.vnet.subnets.push({ name: "extra", cidr: "192.168.100.0/26" });
      }),
    },
  ],
  invalid: [
    {
      name: "subnet outside the VNet",
      plan: mk((d) => {
        d.vnet.subnets[1]!.cidr = "10.40.0.0/24";
      }),
      findings: [
        {
          messageId: "outside",
          path: "vnet.subnets[1].cidr",
          message: 'Subnet "shared" (10.40.0.0/24) is not inside the VNet address space (10.224.0.0/12).',
        },
      ],
    },
    {
      name: "overlapping subnets",
      plan: mk((d) => {
        d.vnet.subnets[1]!.cidr = "10.224.2.0/24";
      }),
      findings: [
        {
          messageId: "subnetsOverlap",
          path: "vnet.subnets[1].cidr",
          message:
            'Subnet "aks-nodes" (10.224.0.0/22) overlaps subnet "shared" (10.224.2.0/24); Azure refuses overlapping ' +
            "subnets in a VNet.",
        },
      ],
    },
    {
      name: "overlapping address spaces",
      plan: mk((d) => {
        d.vnet.addressSpace.push("10.230.0.0/16");
      }),
      findings: [
        {
          messageId: "spacesOverlap",
          path: "vnet.addressSpace[1]",
          message: "VNet address spaces 10.224.0.0/12 and 10.230.0.0/16 overlap.",
        },
      ],
    },
    {
      name: "a /30 subnet",
      plan: mk((d) => {
        d.vnet.subnets[1]!.cidr = "10.224.8.0/30";
      }),
      findings: [
        {
          messageId: "size",
          path: "vnet.subnets[1].cidr",
          message: 'Subnet "shared" (10.224.8.0/30): /30 is smaller than /29, the smallest IPv4 subnet Azure allows.',
        },
      ],
    },
    {
      name: "a /7 VNet",
      plan: mk((d) => {
        d.vnet.addressSpace = ["10.0.0.0/7"];
      }),
      findings: [
        {
          messageId: "vnetTooLarge",
          path: "vnet.addressSpace[0]",
          severity: "warning",
          message: "VNet address space 10.0.0.0/7 is larger than /8, the largest the AKS IP planning guide allows.",
        },
      ],
    },
    {
      name: "many overlapping subnets: ten pairs reported, the rest counted",
      plan: mk((d) => {
        d.vnet.subnets = [
          { name: "big", cidr: "10.224.0.0/16" },
          ...Array.from({ length: 12 }, (_, i) => ({ name: `s${i}`, cidr: `10.224.${i}.0/24` })),
        ];
        d.nodePools.forEach((p) => (p.subnet = "big"));
      }),
      findings: [
        ...Array.from({ length: 10 }, (_, i) => ({
          messageId: "subnetsOverlap",
          path: `vnet.subnets[${i + 1}].cidr`,
          message:
            `Subnet "big" (10.224.0.0/16) overlaps subnet "s${i}" (10.224.${i}.0/24); Azure refuses ` +
            `overlapping subnets in a VNet.`,
        })),
        {
          messageId: "more",
          path: "vnet.subnets",
          message: "2 more pairs of subnets overlap (the first 10 are reported).",
        },
      ],
    },
  ],
});
