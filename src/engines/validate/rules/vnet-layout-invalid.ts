import { azureSubnetProblem } from "../../../ip/index.js";
import { VNET_MAX } from "../facts.js";
import { defineRule } from "../rule.js";
import { capped, insideAny, overlapsWithin, subnets, vnetSpace } from "../ranges.js";

export default defineRule({
  meta: {
    id: "vnet-layout-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "Subnets must lie inside the VNet address space, not overlap each other, and have a size Azure allows (IPv4 /2–/29, IPv6 /64); address spaces must not overlap; a VNet is at most a /8.",
    messages: {
      outside: {
        message: 'Subnet "{subnet}" ({cidr}) is not inside the VNet address space ({space}).',
        fix: "Move the subnet inside {space}, or add its range to vnet.addressSpace.",
      },
      subnetsOverlap: {
        message: 'Subnet "{a}" ({aCidr}) overlaps subnet "{b}" ({bCidr}); Azure refuses overlapping subnets in a VNet.',
        fix: "Give each subnet its own range.",
      },
      spacesOverlap: {
        message: "VNet address spaces {a} and {b} overlap.",
        fix: "Remove one of them or make them disjoint.",
      },
      size: {
        message: 'Subnet "{subnet}" ({cidr}): {problem}.',
        fix: "Resize the subnet within what Azure allows.",
      },
      vnetTooLarge: {
        message: "VNet address space {cidr} is larger than /{limit}, the largest the AKS IP planning guide allows.",
        fix: "Split the address space into /{limit} or smaller ranges.",
        severity: "warning",
      },
      more: {
        message: "{more} more {what} (the first {shown} are reported).",
        fix: "Fix the reported ones, then run the check again.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-legacy-cni.md (the node subnet is a subnet within the cluster VNet)",
      "https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq",
      VNET_MAX.source,
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const space = vnetSpace(plan);
    const subs = subnets(plan);
    const spaceText = space.map((s) => s.prefix.toString()).join(", ");
    const badSize = capped(
      subs.flatMap((s) => {
        const problem = azureSubnetProblem(s.prefix);
        return problem ? [{ s, problem }] : [];
      }),
    );
    for (const { s, problem } of badSize.shown)
      report({
        messageId: "size",
        path: s.path,
        data: { subnet: nameOf(s.label), cidr: s.prefix.toString(), problem: problem.replace(/\.$/, "") },
      });
    const outside = capped(space.length > 0 ? subs.filter((s) => !insideAny(s.prefix, space)) : []);
    for (const s of outside.shown)
      report({
        messageId: "outside",
        path: s.path,
        data: { subnet: nameOf(s.label), cidr: s.prefix.toString(), space: spaceText },
      });
    const overlapping = capped(overlapsWithin(subs));
    for (const { a, b } of overlapping.shown) {
      report({
        messageId: "subnetsOverlap",
        path: b.path,
        data: { a: nameOf(a.label), aCidr: a.prefix.toString(), b: nameOf(b.label), bCidr: b.prefix.toString() },
      });
    }
    const more = (what: string, c: { shown: readonly unknown[]; more: number }) => {
      if (c.more > 0)
        report({ messageId: "more", path: ["vnet", "subnets"], data: { more: c.more, what, shown: c.shown.length } });
    };
    more("subnets have a size Azure does not allow", badSize);
    more("subnets lie outside the VNet address space", outside);
    more("pairs of subnets overlap", overlapping);
    for (const { a, b } of overlapsWithin(space))
      report({ messageId: "spacesOverlap", path: b.path, data: { a: a.prefix.toString(), b: b.prefix.toString() } });
    for (const s of space) {
      if (s.prefix.family === 4 && s.prefix.bits < VNET_MAX.shortestBits)
        report({
          messageId: "vnetTooLarge",
          path: s.path,
          data: { cidr: s.prefix.toString(), limit: VNET_MAX.shortestBits },
        });
    }
  },
});

/** The subnet name from a label `subnet "x" (cidr)`. */
function nameOf(label: string): string {
  return /"(.*)"/.exec(label)?.[1] ?? label;
}
