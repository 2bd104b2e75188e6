import { MODELS, NODE_AUTO_PROVISIONING as NAP, sourceUrls } from "../../../kb/index.js";
import { defineRule } from "../rule.js";
import { listText } from "../words.js";
import { describesVnet, subnetNamed } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "node-auto-provisioning-unsupported",
    family: "combinations",
    severity: "error",
    description:
      "Node auto-provisioning (NAP) supports Azure CNI Overlay (with or without Cilium) and Azure CNI node subnet, " +
      "not dynamic pod IP allocation, kubenet or Calico, not Windows pools or IPv6; its NodePools must name " +
      "subnets of the VNet.",
    messages: {
      model: {
        message: "Node auto-provisioning is on, but it does not support {model}.",
        fix:
          "Use Azure CNI Overlay with Cilium (Microsoft's recommendation for NAP), Overlay, or Azure CNI node " +
          "subnet.",
      },
      calico: {
        message: "Node auto-provisioning is on with the Calico network policy, which NAP does not support.",
        fix: "Use network policy cilium (with the Cilium dataplane) or azure, or turn node auto-provisioning off.",
      },
      windows: {
        message: 'Node auto-provisioning is on and pool "{pool}" runs {os}; NAP does not support Windows node pools.',
        fix: "Run Windows workloads in a cluster without node auto-provisioning.",
      },
      ipv6: {
        message:
          "Node auto-provisioning is on in a cluster with IPv6 ({families}); NAP does not support IPv6 clusters.",
        fix: "Use ipFamilies: [IPv4], or turn node auto-provisioning off.",
      },
      unknownSubnet: {
        message:
          'NodePool "{pool}" names subnet "{subnet}" (its AKSNodeClass vnetSubnetID), which is not in vnet.subnets.',
        fix: "Add the subnet to vnet.subnets (aksnet layout places it) or correct the name.",
      },
      manual: {
        message:
          "nodeProvisioning.pools lists NodePools, but nodeProvisioning.mode is Manual, so no node is " +
          "auto-provisioned.",
        fix: "Set nodeProvisioning.mode: Auto, or remove the pools.",
        severity: "warning",
      },
    },
    sources: sourceUrls(NAP.supportedModels, NAP.unsupported, NAP.windows, NAP.ipv6, NAP.subnetFrom),
    checked: "2026-12-06",
    assumes:
      "Only the configurations the NAP networking page lists are supported: static block pod allocation and BYO CNI " +
      "are not listed among them and are reported as unsupported (BYO CNI: Karpenter itself is supported, CNI " +
      "problems are not).",
  },
  check({ plan, report }) {
    const np = plan.plan.nodeProvisioning;
    const automatic = plan.plan.sku?.name === "Automatic";
    if (!np && !automatic) return;
    if (np?.mode === "Manual") {
      if (np.pools.length > 0) report({ messageId: "manual", path: ["nodeProvisioning", "mode"] });
      return;
    }
    const path = np ? ["nodeProvisioning"] : ["sku", "name"];
    if (!NAP.supportedModels.value.includes(plan.model))
      report({ messageId: "model", path, data: { model: MODELS[plan.model].title } });
    if (plan.policy === "calico") report({ messageId: "calico", path: ["network", "policy"] });
    for (const p of plan.pools)
      if (p.os !== "Linux")
        report({ messageId: "windows", path: ["nodePools", p.index, "os"], data: { pool: p.name, os: p.os } });
    if (plan.ipFamilies.includes("IPv6"))
      report({ messageId: "ipv6", path: ["network", "ipFamilies"], data: { families: listText(plan.ipFamilies) } });
    if (!describesVnet(plan)) return;
    np?.pools.forEach((p, i) => {
      if (p.subnet !== undefined && !subnetNamed(plan, p.subnet))
        report({
          messageId: "unknownSubnet",
          path: ["nodeProvisioning", "pools", i, "subnet"],
          data: { pool: p.name, subnet: p.subnet },
        });
    });
  },
});
