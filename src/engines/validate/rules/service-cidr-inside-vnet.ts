import { serviceCidrFix } from "../fix-space.js";
import { defineRule } from "../rule.js";
import { firstOverlaps, indexOf, serviceCidrs, vnetSpace } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "service-cidr-inside-vnet",
    family: "service-cidr",
    severity: "warning",
    description: "The service CIDR should be outside the VNet address space, even where no subnet uses it yet.",
    messages: {
      inside: {
        message:
          "Service CIDR {service} overlaps {vnet} without overlapping a subnet today; a subnet added there later " +
          "breaks cluster upgrades.",
        fix: "Choose a service CIDR outside the VNet address space{suggestion}.",
      },
    },
    aksErrorCode: "ServiceCidrOverlapExistingSubnetsCidr",
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-legacy-cni.md",
      "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
        "error-code-servicecidroverlapexistingsubnetscidr.md",
    ],
    checked: "2026-11-22",
    assumes:
      "One AKS page says the service CIDR must not be within the VNet range, the same page's FAQ says it is possible " +
      "but not recommended, and the API only forbids overlapping subnets. AKS accepts it, so this is a warning; " +
      "overlapping a subnet is the error rule service-cidr-overlaps-subnet.",
  },
  check({ plan, fixes, report }) {
    const subnets = indexOf(plan, "subnets");
    for (const { query, target } of firstOverlaps(serviceCidrs(plan), vnetSpace(plan))) {
      if (subnets.overlapping(query, 1).length > 0) continue;
      const { suggestion, edits } = serviceCidrFix(fixes, query);
      report({
        messageId: "inside",
        path: query.path,
        data: { service: query.prefix.toString(), vnet: target.label, suggestion },
        edits,
      });
    }
  },
});
