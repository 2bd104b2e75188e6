import { AGC_SUBNET as AGC, MODELS, sourceUrls } from "../../../kb/index.js";
import { formatPath } from "../../plan/index.js";
import { defineRule } from "../rule.js";
import { describesVnet, otherUses, subnetNamed, usableOf } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "agc-subnet-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "Application Gateway for Containers needs a subnet delegated to Microsoft.ServiceNetworking/trafficControllers " +
      "with at least 250 free addresses (/24 or larger), exactly a /24 with Azure CNI Overlay, holding nothing " +
      "else; kubenet is not supported.",
    messages: {
      model: {
        message: "Application Gateway for Containers is not supported with {model}.",
        fix:
          "Move to Azure CNI Overlay first (aksnet migrate --to overlay), then add Application Gateway for " +
          "Containers.",
      },
      unknownSubnet: {
        message: 'addons.applicationGatewayForContainers.subnet names "{subnet}", which is not in vnet.subnets.',
        fix:
          "Add a /24 subnet delegated to Microsoft.ServiceNetworking/trafficControllers (aksnet layout places it) " +
          "or correct the name.",
      },
      notDelegated: {
        message:
          'Application Gateway for Containers subnet "{subnet}" is {delegation}; the association needs it delegated ' +
          "to Microsoft.ServiceNetworking/trafficControllers, and AKS rejects the cluster otherwise.",
        fix: "Set delegation: Microsoft.ServiceNetworking/trafficControllers on the subnet.",
      },
      tooSmall: {
        message:
          'Application Gateway for Containers subnet "{subnet}" ({cidr}) has {usable:count} usable addresses; the ' +
          "association needs {needed:count} free (a /24 or larger).",
        fix: "Use a /24 subnet.",
      },
      overlayNotSlash24: {
        message:
          'Application Gateway for Containers subnet "{subnet}" is {cidr}; with Azure CNI Overlay it must be exactly ' +
          "a /24 (one deployment per subnet), and a larger one fails to reconcile.",
        fix: "Use a /24 subnet for Application Gateway for Containers.",
      },
      shared: {
        message:
          'Application Gateway for Containers subnet "{subnet}" is also named at {other}; a delegated subnet holds ' +
          "only the service it is delegated to.",
        fix: "Give {other} its own subnet.",
      },
    },
    sources: sourceUrls(
      AGC.delegation,
      AGC.minFreeAddresses,
      AGC.overlayPrefixLength,
      AGC.enforcedByAks,
      MODELS.kubenet.applicationGatewayForContainers,
    ),
    checked: "2026-12-06",
    assumes:
      "The AGC networking page still calls Overlay support preview while the AKS release notes of 2025-08-29 call it " +
      "generally available; the /24 rule for Overlay is taken from the AGC page and the ALB controller's own " +
      "error.",
  },
  check({ plan, report }) {
    const name = plan.plan.addons?.applicationGatewayForContainers?.subnet;
    if (name === undefined) return;
    const path = ["addons", "applicationGatewayForContainers", "subnet"];
    if (!MODELS[plan.model].applicationGatewayForContainers.value)
      report({ messageId: "model", path, data: { model: MODELS[plan.model].title } });
    if (!describesVnet(plan)) return;
    const s = subnetNamed(plan, name);
    if (!s) {
      report({ messageId: "unknownSubnet", path, data: { subnet: name } });
      return;
    }
    const at = ["vnet", "subnets", s.index];
    if (!s.delegation || s.delegation.toLowerCase() !== AGC.delegation.value!.toLowerCase())
      report({
        messageId: "notDelegated",
        path: s.delegation ? [...at, "delegation"] : at,
        data: { subnet: s.name, delegation: s.delegation ? `delegated to ${s.delegation}` : "not delegated" },
      });
    for (const u of otherUses(plan, s.name, "applicationGatewayForContainers"))
      report({ messageId: "shared", path: u.path, data: { subnet: s.name, other: formatPath(u.path) } });
    const usable = usableOf(s);
    if (!s.prefix || usable === null) return;
    const exact = AGC.overlayPrefixLength.value;
    if (plan.model === "azure-cni-overlay" && s.prefix.bits !== exact)
      report({ messageId: "overlayNotSlash24", path: [...at, "cidr"], data: { subnet: s.name, cidr: s.text } });
    else if (usable < AGC.minFreeAddresses.value)
      report({
        messageId: "tooSmall",
        path: [...at, "cidr"],
        data: { subnet: s.name, cidr: s.text, usable, needed: AGC.minFreeAddresses.value },
      });
  },
});
