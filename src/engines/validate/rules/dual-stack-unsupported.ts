import { CILIUM_DUAL_STACK_FROM_MINOR } from "../facts.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "dual-stack-unsupported",
    family: "dual-stack",
    severity: "error",
    description:
      "Dual-stack needs Azure CNI Overlay; Azure NPM and Calico do not support it; Cilium needs Kubernetes 1.29 or later for it.",
    messages: {
      model: {
        message:
          "Dual-stack (IPv4 + IPv6) is set with {model}; current AKS docs support dual-stack only with Azure CNI Overlay.",
        fix: "Use plugin: azure with pluginMode: overlay for dual-stack.",
      },
      kubenet: {
        message:
          "Dual-stack (IPv4 + IPv6) is set with kubenet; kubenet dual-stack existed but its docs were removed and AKS now documents dual-stack only with Azure CNI Overlay.",
        fix: "Use plugin: azure with pluginMode: overlay for dual-stack (kubenet also retires on 2028-03-31).",
        severity: "warning",
      },
      policy: {
        message: "Network policy {policy} does not support dual-stack clusters.",
        fix: "Use Cilium (dataplane: cilium, policy: cilium) or no network policy.",
      },
      ciliumVersion: {
        message: "Dual-stack with the Cilium dataplane needs Kubernetes 1.{min} or later (this plan: {version}).",
        fix: "Set kubernetesVersion to 1.{min} or later.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-dual-stack.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-network-policies.md",
      CILIUM_DUAL_STACK_FROM_MINOR.source,
    ],
    checked: "2026-11-22",
    assumes:
      "The 2025-05-01 REST example and a Terraform test create dual-stack kubenet clusters, but the current docs require Overlay; kubenet dual-stack gets a warning, other non-overlay models an error.",
  },
  check({ plan, report }) {
    if (!plan.ipFamilies.includes("IPv6")) return;
    if (plan.model === "kubenet") report({ messageId: "kubenet", path: ["network", "ipFamilies"] });
    else if (plan.model !== "azure-cni-overlay")
      report({ messageId: "model", path: ["network", "ipFamilies"], data: { model: plan.model } });
    if (plan.policy === "azure" || plan.policy === "calico")
      report({ messageId: "policy", path: ["network", "policy"], data: { policy: plan.policy } });
    const v = plan.kubernetesVersion;
    if (plan.dataplane === "cilium" && v && v.major === 1 && v.minor < CILIUM_DUAL_STACK_FROM_MINOR.value) {
      report({
        messageId: "ciliumVersion",
        path: ["kubernetesVersion"],
        data: { min: CILIUM_DUAL_STACK_FROM_MINOR.value, version: v.text },
      });
    }
  },
});
