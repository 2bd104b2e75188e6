import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "policy-unsupported-for-network",
    family: "combinations",
    severity: "error",
    description: "The network policy engine must be one the plugin and dataplane support.",
    messages: {
      kubenetPolicy: {
        message: "Network policy {policy} is not supported with kubenet; kubenet supports only Calico.",
        fix: "Use policy: calico with kubenet, or move to Azure CNI Overlay (plugin: azure, pluginMode: overlay).",
      },
      byoPolicy: {
        message:
          "Network policy {policy} is set with BYO CNI (plugin none); AKS installs no policy engine there, your CNI " +
          "enforces policy.",
        fix: "Remove network.policy and configure policy in the CNI you install.",
      },
      ciliumEngine: {
        message:
          "Network policy {policy} is set with the Cilium dataplane; Cilium enforces network policy itself and does " +
          "not run Azure NPM or Calico.",
        fix: "Set network.policy: cilium (or none).",
      },
      ciliumPolicyDataplane: {
        message: "Network policy cilium is set without the Cilium dataplane; Cilium policy needs dataplane cilium.",
        fix: "Set network.dataplane: cilium, or choose policy azure or calico.",
      },
      oldVersion: {
        message:
          "Network policy {policy} is set on Kubernetes {version}; since the 2026-05-29 release AKS rejects " +
          "installing Azure NPM or Calico on Kubernetes older than 1.30.",
        fix: "Use Kubernetes 1.30 or later, or Cilium network policy (dataplane: cilium, policy: cilium).",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/use-network-policies.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md",
      "hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster.html.markdown",
      "Azure/AKS:CHANGELOG.md (release 2026-05-29: NPM/Calico install on Kubernetes < 1.30 rejected)",
    ],
    checked: "2026-11-22",
    assumes:
      "Some AKS pages show `--network-policy cilium` without a dataplane flag and neither the az CLI nor Terraform's " +
      "CLI path checks the pair at parse time, but the Cilium page and the Terraform provider require dataplane " +
      "cilium for Cilium policy; the rule follows them.",
  },
  check({ plan, report }) {
    const policy = plan.policy;
    if (policy === "none") return;
    if (plan.plugin === "kubenet" && policy !== "calico")
      report({ messageId: "kubenetPolicy", path: ["network", "policy"], data: { policy } });
    if (plan.plugin === "none") report({ messageId: "byoPolicy", path: ["network", "policy"], data: { policy } });
    if (plan.plugin === "azure" && plan.dataplane === "cilium" && policy !== "cilium")
      report({ messageId: "ciliumEngine", path: ["network", "policy"], data: { policy } });
    if (plan.plugin === "azure" && policy === "cilium" && plan.dataplane !== "cilium")
      report({ messageId: "ciliumPolicyDataplane", path: ["network", "policy"] });
    const v = plan.kubernetesVersion;
    if ((policy === "azure" || policy === "calico") && v && v.major === 1 && v.minor < 30)
      report({ messageId: "oldVersion", path: ["network", "policy"], data: { policy, version: v.text } });
  },
});
