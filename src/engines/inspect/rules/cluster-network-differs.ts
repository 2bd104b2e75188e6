/**
 * The network model, dataplane or policy engine the configuration names differs from what the cluster
 * shows. AKS changes these only through documented migrations (kubenet or node subnet to Overlay, the
 * Azure dataplane to Cilium, a policy engine change), so a difference is a stale configuration or a
 * migration half done.
 */
import { defineDriftRule, CHECKED } from "./inputs.js";

export default defineDriftRule({
  meta: {
    id: "cluster-network-differs",
    family: "drift",
    severity: "error",
    description:
      "The configuration's network model, dataplane and network policy engine must be what the running cluster shows.",
    messages: {
      model: {
        message: "The configuration says {configured}, the cluster looks like {running}.",
        fix:
          "Correct the configuration to {running}, or finish the migration (aksnet migrate shows the steps); " +
          "re-run inspect with -o json to see the evidence.",
      },
      dataplane: {
        message: "The configured dataplane is {configured}, the cluster runs {running}.",
        fix:
          "Set network.dataplane to {running} in the configuration, or finish the dataplane migration (az aks " +
          "update --network-dataplane cilium).",
      },
      policy: {
        message: "The configured network policy is {configured}, the cluster shows {running}.",
        fix:
          "Set network.policy to {running} in the configuration, or change the cluster's engine (az aks update " +
          "--network-policy).",
      },
    },
    sources: [
      "https://learn.microsoft.com/azure/aks/upgrade-azure-cni",
      "https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium",
      "https://learn.microsoft.com/azure/aks/use-network-policies",
    ],
    checked: CHECKED,
    file: "src/engines/inspect/rules/cluster-network-differs.ts",
  },
  check({ plan, verdict, report }) {
    if (verdict.model !== "unknown" && plan.model !== verdict.model)
      report({
        messageId: "model",
        path: ["network", "plugin"],
        data: { configured: plan.model, running: verdict.model },
      });
    // Bring your own CNI has no AKS dataplane to compare.
    if (verdict.dataplane !== "unknown" && plan.model !== "byo-cni" && plan.dataplane !== verdict.dataplane)
      report({
        messageId: "dataplane",
        path: ["network", "dataplane"],
        data: { configured: plan.dataplane, running: verdict.dataplane },
      });
    if (verdict.policy !== "unknown" && plan.policy !== verdict.policy)
      report({
        messageId: "policy",
        path: ["network", "policy"],
        data: { configured: plan.policy, running: verdict.policy },
      });
  },
});
