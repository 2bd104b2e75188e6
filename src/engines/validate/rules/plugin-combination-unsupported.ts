import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "plugin-combination-unsupported",
    family: "combinations",
    severity: "error",
    description:
      "pluginMode overlay and the Cilium dataplane need the azure plugin; a network policy needs an explicit plugin.",
    messages: {
      overlayNeedsAzure: {
        message: "pluginMode overlay is set with network plugin {plugin}; overlay applies only to the azure plugin.",
        fix: "Set network.plugin: azure (Azure CNI Overlay), or remove network.pluginMode.",
      },
      ciliumNeedsAzure: {
        message:
          "The Cilium dataplane is set with network plugin {plugin}; Azure CNI Powered by Cilium runs only on the " +
          "azure plugin (overlay, pod subnet or node subnet).",
        fix: "Set network.plugin: azure with pluginMode: overlay, or use dataplane: azure.",
      },
      policyNeedsPlugin: {
        message:
          'Network policy {policy} is set without a network plugin; the az CLI refuses this ("Please explicitly ' +
          'specify the network plugin type").',
        fix: "Set network.plugin explicitly, e.g. plugin: azure with pluginMode: overlay.",
      },
    },
    sources: [
      "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay.md",
      "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md",
      "Azure/bicep-registry-modules:avm/res/container-service/managed-cluster/main.bicep",
      "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/managed_cluster_decorator.py",
    ],
    checked: "2026-11-22",
  },
  check({ plan, report }) {
    const net = plan.plan.network;
    if (net.pluginMode === "overlay" && plan.plugin !== "azure")
      report({ messageId: "overlayNeedsAzure", path: ["network", "pluginMode"], data: { plugin: plan.plugin } });
    if (plan.dataplane === "cilium" && plan.plugin !== "azure")
      report({ messageId: "ciliumNeedsAzure", path: ["network", "dataplane"], data: { plugin: plan.plugin } });
    if (net.policy !== undefined && net.policy !== "none" && net.plugin === undefined)
      report({ messageId: "policyNeedsPlugin", path: ["network", "policy"], data: { policy: net.policy } });
  },
});
