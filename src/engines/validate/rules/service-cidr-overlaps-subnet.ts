import { defineRule } from "../rule.js";
import { serviceCidrFix } from "../fix-space.js";
import { indexOf, serviceCidrs } from "../plan-ranges.js";

export default defineRule({
  meta: {
    id: "service-cidr-overlaps-subnet",
    family: "service-cidr",
    severity: "error",
    description: "The service CIDR must not overlap any subnet of the cluster's VNet.",
    messages: {
      overlap: {
        message: "Service CIDR {service} overlaps {subnet}.",
        fix:
          "Choose a service CIDR outside the VNet's subnets{suggestion}; the service CIDR cannot be changed after " +
          "the cluster is created.",
      },
      more: {
        message: "Service CIDR {service} also overlaps {more} more subnets (the first {shown} are reported).",
        fix:
          "Choose a service CIDR outside the VNet's subnets{suggestion}; the service CIDR cannot be changed after " +
          "the cluster is created.",
      },
    },
    aksErrorCode: "ServiceCidrOverlapExistingSubnetsCidr",
    sources: [
      "MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/create-upgrade-delete/" +
        "error-code-servicecidroverlapexistingsubnetscidr.md",
      "Azure/azure-rest-api-specs:specification/containerservice/resource-manager/Microsoft.ContainerService/aks/" +
        "stable/2025-05-01/managedClusters.json",
    ],
    checked: "2026-11-22",
  },
  check({ plan, fixes, report }) {
    const subnets = indexOf(plan, "subnets");
    for (const s of serviceCidrs(plan)) {
      const { shown, more } = subnets.cappedOverlapping(s);
      if (shown.length === 0) continue;
      const { suggestion, edits } = serviceCidrFix(fixes, s);
      const service = s.prefix.toString();
      for (const hit of shown)
        report({ messageId: "overlap", path: s.path, data: { service, subnet: hit.label, suggestion }, edits });
      if (more > 0)
        report({ messageId: "more", path: s.path, data: { service, more, shown: shown.length, suggestion }, edits });
    }
  },
});
