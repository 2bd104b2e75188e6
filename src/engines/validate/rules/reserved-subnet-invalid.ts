import {
  AZURE_FIREWALL_MANAGEMENT_SUBNET,
  AZURE_FIREWALL_SUBNET,
  BASTION_SUBNET,
  VIRTUAL_NETWORK_GATEWAY_SUBNET,
  sourceUrls,
  type SubnetKindFacts,
} from "../../../kb/index.js";
import { formatPath } from "../../plan/index.js";
import { defineRule } from "../rule.js";
import { otherUses } from "../subnet-uses.js";

const KINDS: readonly SubnetKindFacts[] = [
  AZURE_FIREWALL_SUBNET,
  AZURE_FIREWALL_MANAGEMENT_SUBNET,
  BASTION_SUBNET,
  VIRTUAL_NETWORK_GATEWAY_SUBNET,
];
const BY_LOWER = new Map(KINDS.map((k) => [k.requiredName.value!.toLowerCase(), k]));

export default defineRule({
  meta: {
    id: "reserved-subnet-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "Azure Firewall, its management subnet, Azure Bastion and VPN/ExpressRoute gateways need subnets with their " +
      "exact reserved names (AzureFirewallSubnet, AzureFirewallManagementSubnet, AzureBastionSubnet, " +
      "GatewaySubnet), their minimum sizes, no delegation and nothing else in them.",
    messages: {
      nameCase: {
        message: 'Subnet "{subnet}" is meant as {title}, but Azure requires the name "{name}" exactly.',
        fix: 'Rename the subnet to "{name}".',
      },
      purposeName: {
        message: 'Subnet "{subnet}" has purpose {purpose}, but Azure requires the name "{name}" for it.',
        fix: 'Rename the subnet to "{name}".',
      },
      tooSmall: {
        message: '{title} "{subnet}" is {cidr}; it must be /{bits} or larger.',
        fix: "Use a /{bits} or larger subnet.",
      },
      belowRecommended: {
        message:
          '{title} "{subnet}" is {cidr}; Microsoft recommends /{recommended} or larger (a /29 is too small for an ' +
          "ExpressRoute and VPN gateway side by side and for most current configurations).",
        fix: "Use a /{recommended} or larger gateway subnet.",
        severity: "warning",
      },
      delegated: {
        message: '{title} "{subnet}" is delegated to {delegation}; it must not be delegated.',
        fix: "Remove the delegation.",
      },
      used: {
        message: '{title} "{subnet}" is also named at {other}; nothing else may be deployed into it.',
        fix: "Give {other} its own subnet.",
      },
    },
    sources: KINDS.flatMap((k) =>
      sourceUrls(k.requiredName, k.maxPrefixLength, k.recommendedPrefixLength, k.dedicated),
    ).filter((u, i, a) => a.indexOf(u) === i),
    checked: "2026-12-06",
    assumes:
      "GatewaySubnet: Azure accepts /29, Microsoft recommends /27 or larger; smaller than /27 is a warning, smaller " +
      "than /29 an error.",
  },
  check({ plan, report }) {
    const subnets = plan.plan.vnet?.subnets ?? [];
    for (const s of plan.subnets) {
      const raw = subnets[s.index];
      const exact = KINDS.find((k) => k.requiredName.value === s.name);
      const byCase = BY_LOWER.get(s.name.toLowerCase());
      const byPurpose = KINDS.find((k) => k.id === raw?.purpose);
      const at = ["vnet", "subnets", s.index];
      if (!exact && byCase) {
        report({
          messageId: "nameCase",
          path: [...at, "name"],
          data: { subnet: s.name, title: byCase.title, name: byCase.requiredName.value! },
        });
        continue;
      }
      if (!exact && byPurpose) {
        report({
          messageId: "purposeName",
          path: [...at, "name"],
          data: { subnet: s.name, purpose: byPurpose.id, name: byPurpose.requiredName.value! },
        });
        continue;
      }
      if (!exact) continue;
      const data = { subnet: s.name, title: exact.title };
      if (s.delegation)
        report({ messageId: "delegated", path: [...at, "delegation"], data: { ...data, delegation: s.delegation } });
      for (const u of otherUses(plan, s.name, exact.id))
        report({ messageId: "used", path: u.path, data: { ...data, other: formatPath(u.path) } });
      if (!s.prefix || s.prefix.family !== 4) continue;
      const bits = exact.maxPrefixLength.value;
      const recommended = exact.recommendedPrefixLength.value;
      if (s.prefix.bits > bits)
        report({ messageId: "tooSmall", path: [...at, "cidr"], data: { ...data, cidr: s.text, bits } });
      else if (s.prefix.bits > recommended)
        report({ messageId: "belowRecommended", path: [...at, "cidr"], data: { ...data, cidr: s.text, recommended } });
    }
  },
});
