import { azureSubnetProblem, PLATFORM_LIMITS, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";
import { capped, insideAnyOf, overlapsWithin, subnets, vnetSpace } from "../plan-ranges.js";
import { listText } from "../words.js";
import type { FieldPath } from "../../plan/index.js";

export default defineRule({
  meta: {
    id: "vnet-layout-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "Subnets must lie inside the VNet address space, not overlap each other, and have a size Azure allows (IPv4 " +
      "/2–/29, IPv6 /64); address spaces must not overlap; a VNet is at most a /8.",
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
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-legacy-cni.md (the node subnet is a subnet within " +
        "the cluster VNet)",
      "https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq",
      ...sourceUrls(PLATFORM_LIMITS.vnetShortestBits),
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const space = vnetSpace(plan);
    const subs = subnets(plan);
    const spaceText = listText(space.map((s) => s.prefix.toString()));
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
    const inside = insideAnyOf(space);
    const outside = capped(space.length > 0 ? subs.filter((s) => !inside(s.prefix)) : []);
    for (const s of outside.shown)
      report({
        messageId: "outside",
        path: s.path,
        data: { subnet: nameOf(s.label), cidr: s.prefix.toString(), space: spaceText },
      });
    const overlapping = overlapsWithin(subs);
    for (const { a, b } of overlapping.shown) {
      report({
        messageId: "subnetsOverlap",
        path: b.path,
        data: { a: nameOf(a.label), aCidr: a.prefix.toString(), b: nameOf(b.label), bCidr: b.prefix.toString() },
      });
    }
    const spacesOverlapping = overlapsWithin(space);
    for (const { a, b } of spacesOverlapping.shown)
      report({ messageId: "spacesOverlap", path: b.path, data: { a: a.prefix.toString(), b: b.prefix.toString() } });
    const tooLarge = capped(
      space.filter((s) => s.prefix.family === 4 && s.prefix.bits < PLATFORM_LIMITS.vnetShortestBits.value),
    );
    for (const s of tooLarge.shown)
      report({
        messageId: "vnetTooLarge",
        path: s.path,
        data: { cidr: s.prefix.toString(), limit: PLATFORM_LIMITS.vnetShortestBits.value },
      });
    const more = (what: string, at: FieldPath, c: { shown: readonly unknown[]; more: number }) => {
      if (c.more > 0) report({ messageId: "more", path: at, data: { more: c.more, what, shown: c.shown.length } });
    };
    more("subnets have a size Azure does not allow", ["vnet", "subnets"], badSize);
    more("subnets lie outside the VNet address space", ["vnet", "subnets"], outside);
    more("pairs of subnets overlap", ["vnet", "subnets"], overlapping);
    more("pairs of VNet address spaces overlap", ["vnet", "addressSpace"], spacesOverlapping);
    more("VNet address spaces are larger than the guide allows", ["vnet", "addressSpace"], tooLarge);
  },
});

/** The subnet name from a label `subnet "x" (cidr)`. */
function nameOf(label: string): string {
  return /"(.*)"/.exec(label)?.[1] ?? label;
}
