import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "pod-cidr-needs-overlay",
    family: "combinations",
    severity: "error",
    description: "A pod CIDR with the azure plugin needs pluginMode overlay (kubenet and none may take one).",
    messages: {
      podCidrWithoutOverlay: {
        message:
          "Pod CIDR {cidr} is set with network plugin azure but without pluginMode overlay; Azure CNI without " +
          "overlay gives pods VNet addresses and takes no pod CIDR.",
        fix:
          "Set network.pluginMode: overlay to use the pod CIDR, or remove network.podCidrs to keep Azure CNI node " +
          "subnet / pod subnet.",
      },
    },
    sources: [
      "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/managed_cluster_decorator.py (_get_network_plugin)",
      "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_validate.go",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    if (plan.plugin !== "azure" || plan.pluginMode === "overlay") return;
    const first = plan.podCidrs[0];
    if (first)
      report({ messageId: "podCidrWithoutOverlay", path: ["network", "podCidrs"], data: { cidr: first.text } });
  },
});
