import { DATAPLANES, isAtLeast, sourceUrls, tryParseKubernetesVersion } from "../../../kb/index.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "dual-stack-unsupported",
    family: "dual-stack",
    severity: "error",
    description:
      "Dual-stack needs Azure CNI Overlay (static block allocation: preview); Azure NPM and Calico do not support " +
      "it; Cilium needs Kubernetes 1.29 or later for it.",
    messages: {
      model: {
        message:
          "Dual-stack (IPv4 + IPv6) is set with {model}; current AKS docs support dual-stack only with Azure CNI " +
          "Overlay.",
        fix: "Use plugin: azure with pluginMode: overlay for dual-stack.",
      },
      kubenet: {
        message:
          "Dual-stack (IPv4 + IPv6) is set with kubenet; kubenet dual-stack existed but its docs were removed and " +
          "AKS now documents dual-stack only with Azure CNI Overlay.",
        fix: "Use plugin: azure with pluginMode: overlay for dual-stack (kubenet also retires on 2028-03-31).",
        severity: "warning",
      },
      staticBlockPreview: {
        message:
          "Dual-stack (IPv4 + IPv6) with Azure CNI static block allocation is new and in preview (AKS release " +
          "2026-06-19, Azure/AKS#5722); the dual-stack page still documents Overlay only.",
        fix:
          "Make sure the preview is enabled for your subscription and region before relying on it, or use Azure " +
          "CNI Overlay, where dual-stack is generally available.",
        severity: "warning",
      },
      policy: {
        message: "Network policy {policy} does not support dual-stack clusters.",
        fix: "Use Cilium (dataplane: cilium, policy: cilium) or no network policy.",
      },
      ciliumVersion: {
        message: "Dual-stack with the Cilium dataplane needs Kubernetes {min} or later (this plan: {version}).",
        fix: "Set kubernetesVersion to {min} or later.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-dual-stack.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-network-policies.md",
      ...sourceUrls(DATAPLANES.cilium.dualStackMinKubernetes),
      "Azure/AKS:CHANGELOG.md (release 2026-06-19: AKS derives the IPv6 pod CIDR from the pod subnet for dual-stack " +
        "static block allocation clusters)",
      "https://github.com/Azure/AKS/issues/5722",
    ],
    checked: "2026-11-22",
    assumes:
      "The 2025-05-01 REST example and a Terraform test create dual-stack kubenet clusters, but the current docs " +
      "require Overlay; kubenet dual-stack gets a warning, other non-overlay models an error. Static block " +
      "allocation: the AKS release notes of 2026-06-19 describe dual-stack static block (VnetScale) clusters, " +
      "tracked as a feature in preview (Azure/AKS#5722), while the dual-stack page still requires Overlay; the " +
      "newer source wins, so it is a preview warning, not an error.",
  },
  check({ plan, report }) {
    if (!plan.ipFamilies.includes("IPv6")) return;
    if (plan.model === "kubenet") report({ messageId: "kubenet", path: ["network", "ipFamilies"] });
    else if (plan.model === "azure-cni-pod-subnet-static")
      report({ messageId: "staticBlockPreview", path: ["network", "ipFamilies"] });
    else if (plan.model !== "azure-cni-overlay")
      report({ messageId: "model", path: ["network", "ipFamilies"], data: { model: plan.model } });
    if (plan.policy === "azure" || plan.policy === "calico")
      report({ messageId: "policy", path: ["network", "policy"], data: { policy: plan.policy } });
    const v = plan.kubernetesVersion;
    const minText = DATAPLANES.cilium.dualStackMinKubernetes.value;
    const min = minText === null ? undefined : tryParseKubernetesVersion(minText);
    if (plan.dataplane === "cilium" && v && min && !isAtLeast(v, min.major, min.minor)) {
      report({
        messageId: "ciliumVersion",
        path: ["kubernetesVersion"],
        data: { min: minText ?? "", version: v.text },
      });
    }
  },
});
