import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "pod-cidr-missing",
    family: "pod-cidr",
    severity: "warning",
    description: "BYO CNI (plugin none) should be given a pod CIDR.",
    messages: {
      byoWithoutPodCidr: {
        message:
          "BYO CNI (plugin none) has no pod CIDR; the BYO CNI guide requires one (the control plane routes to pods " +
          "with it).",
        fix: "Set network.podCidrs to the range your CNI will use, e.g. 10.244.0.0/16.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-byo-cni.md",
      "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_network_resource_test.go " +
        "(advancedNetworkingNone)",
    ],
    checked: "2026-11-22",
    assumes:
      "The BYO CNI guide says a pod CIDR must be given, while a Terraform acceptance test creates plugin none " +
      "without one; the rule warns instead of failing.",
  },
  check({ plan, report }) {
    if (plan.plugin === "none" && plan.podCidrs.length === 0)
      report({ messageId: "byoWithoutPodCidr", path: ["network", "podCidrs"] });
  },
});
