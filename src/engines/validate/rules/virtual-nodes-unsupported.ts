import { MODELS, VIRTUAL_NODES_SUBNET as VN, sourceUrls } from "../../../kb/index.js";
import { formatPath } from "../../plan/index.js";
import { defineRule } from "../rule.js";
import { listText } from "../words.js";
import { describesVnet, otherUses, subnetNamed } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "virtual-nodes-unsupported",
    family: "combinations",
    severity: "error",
    description:
      "Virtual nodes (the ACI connector) need a network model that supports them (Azure CNI node subnet), an IPv4 " +
      "cluster, and a subnet of the cluster's VNet delegated to Microsoft.ContainerInstance/containerGroups with " +
      "nothing else in it.",
    messages: {
      model: {
        message: "Virtual nodes are on, but {model} does not support them.",
        fix: "Use Azure CNI node subnet (plugin azure without pluginMode) for virtual nodes.",
      },
      ipv6: {
        message: "Virtual nodes are on in a cluster with IPv6 ({families}); virtual nodes do not support IPv6.",
        fix: "Use ipFamilies: [IPv4] for a cluster with virtual nodes.",
      },
      unknownSubnet: {
        message: 'addons.virtualNodes.subnet names "{subnet}", which is not in vnet.subnets.',
        fix: "Add the subnet to vnet.subnets (aksnet layout places it) or correct the name.",
      },
      notDelegated: {
        message:
          'Virtual nodes subnet "{subnet}" is not delegated; AKS delegates it to ' +
          "Microsoft.ContainerInstance/containerGroups itself, which changes a subnet your infrastructure code " +
          "manages.",
        fix: "Set delegation: Microsoft.ContainerInstance/containerGroups on the subnet.",
        severity: "warning",
      },
      otherDelegation: {
        message:
          'Virtual nodes subnet "{subnet}" is delegated to {delegation}; ACI needs ' +
          "Microsoft.ContainerInstance/containerGroups.",
        fix: "Set delegation: Microsoft.ContainerInstance/containerGroups, or use another subnet.",
      },
      shared: {
        message:
          'Virtual nodes subnet "{subnet}" is also named at {other}; a delegated subnet holds only the service it is ' +
          "delegated to.",
        fix: "Give {other} its own subnet.",
      },
    },
    sources: sourceUrls(VN.delegation, VN.ipv6, VN.sameVnetAsCluster, MODELS["azure-cni-overlay"].virtualNodes),
    checked: "2026-12-06",
    assumes:
      "Overlay's support is read from its page sending users who need virtual nodes to flat networking (no explicit " +
      "statement). The virtual-nodes page both warns that the subnet can't be in the cluster's VNet and uses one " +
      "there; aksnet follows the example (the add-on takes a subnet name of the cluster's VNet).",
  },
  check({ plan, report }) {
    const v = plan.plan.addons?.virtualNodes;
    if (!v) return;
    const path = ["addons", "virtualNodes"];
    if (!MODELS[plan.model].virtualNodes.value)
      report({ messageId: "model", path, data: { model: MODELS[plan.model].title } });
    if (plan.ipFamilies.includes("IPv6"))
      report({ messageId: "ipv6", path: ["network", "ipFamilies"], data: { families: listText(plan.ipFamilies) } });
    if (!describesVnet(plan)) return;
    const s = subnetNamed(plan, v.subnet);
    if (!s) {
      report({ messageId: "unknownSubnet", path: [...path, "subnet"], data: { subnet: v.subnet } });
      return;
    }
    const at = ["vnet", "subnets", s.index];
    if (!s.delegation) report({ messageId: "notDelegated", path: at, data: { subnet: s.name } });
    else if (s.delegation.toLowerCase() !== VN.delegation.value!.toLowerCase())
      report({
        messageId: "otherDelegation",
        path: [...at, "delegation"],
        data: { subnet: s.name, delegation: s.delegation },
      });
    for (const u of otherUses(plan, s.name, "virtualNodes"))
      report({ messageId: "shared", path: u.path, data: { subnet: s.name, other: formatPath(u.path) } });
  },
});
