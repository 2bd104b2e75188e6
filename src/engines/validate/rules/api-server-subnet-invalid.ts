import { API_SERVER_SUBNET as API, sourceUrls } from "../../../kb/index.js";
import { formatPath } from "../../plan/index.js";
import { defineRule } from "../rule.js";
import { describesVnet, otherUses, subnetNamed, usableOf } from "../subnet-uses.js";

export default defineRule({
  meta: {
    id: "api-server-subnet-invalid",
    family: "vnet-layout",
    severity: "error",
    description:
      "API Server VNet Integration needs a subnet of the cluster's VNet delegated to " +
      "Microsoft.ContainerService/managedClusters, at least /28, with 9 addresses for every cluster sharing it " +
      "and nothing else in it.",
    messages: {
      noSubnet: {
        message:
          "API Server VNet Integration is on in your own VNet ({vnet}), but apiServer.subnet names no subnet; with " +
          "your own VNet you must create the API server subnet.",
        fix:
          "Add a /28 or larger subnet delegated to Microsoft.ContainerService/managedClusters and name it in " +
          "apiServer.subnet (aksnet layout places it).",
      },
      unknownSubnet: {
        message: 'apiServer.subnet names "{subnet}", which is not in vnet.subnets.',
        fix: "Add the subnet to vnet.subnets (aksnet layout places it) or correct the name.",
      },
      notDelegated: {
        message:
          'API server subnet "{subnet}" is {delegation}; AKS needs it delegated to ' +
          "Microsoft.ContainerService/managedClusters.",
        fix: "Set delegation: Microsoft.ContainerService/managedClusters on the subnet.",
      },
      delegatedByAutomatic: {
        message:
          'API server subnet "{subnet}" is not delegated; AKS Automatic delegates it to ' +
          "Microsoft.ContainerService/managedClusters itself, which changes a subnet your infrastructure code " +
          "manages.",
        fix: "Set delegation: Microsoft.ContainerService/managedClusters on the subnet so your code and Azure agree.",
        severity: "warning",
      },
      tooSmall: {
        message: 'API server subnet "{subnet}" is {cidr}; the smallest API server subnet AKS supports is /{bits}.',
        fix: "Use a /{bits} or larger subnet.",
      },
      tooFewAddresses: {
        message:
          'API server subnet "{subnet}" ({cidr}) has {usable:count} usable addresses, but {clusters} cluster(s) ' +
          "sharing it " +
          "take at least {needed:count}; running out prevents API server scaling.",
        fix: "Use a subnet with at least {needed:count} usable addresses, or fewer clusters per API server subnet.",
      },
      shared: {
        message:
          'API server subnet "{subnet}" is also named at {other}; the API server subnet cannot be used for anything ' +
          "else.",
        fix: "Give {other} its own subnet.",
      },
      notIntegrated: {
        message:
          'apiServer.subnet names "{subnet}", but apiServer.vnetIntegration is not on, so AKS does not use the subnet.',
        fix: "Set apiServer.vnetIntegration: true, or remove apiServer.subnet.",
        severity: "warning",
      },
      region: {
        message: "API Server VNet Integration is not available in {location}.",
        fix: "Deploy in another region, or use a private cluster without VNet integration.",
      },
    },
    sources: sourceUrls(API.delegation, API.maxPrefixLength, API.unitUse, API.dedicated, API.unavailableRegions),
    checked: "2026-12-06",
    assumes:
      "AKS Standard asks you to delegate the subnet yourself; for AKS Automatic the page says AKS delegates it on " +
      "your behalf. An undelegated subnet is an error for Standard and a warning for Automatic.",
  },
  check({ plan, report }) {
    const a = plan.plan.apiServer;
    const automatic = plan.plan.sku?.name === "Automatic";
    const integrated = a?.vnetIntegration === true || automatic;
    if (integrated && plan.plan.location && API.unavailableRegions.value.includes(plan.plan.location))
      report({ messageId: "region", path: ["location"], data: { location: plan.plan.location } });
    if (!a?.subnet) {
      if (integrated && describesVnet(plan))
        report({ messageId: "noSubnet", path: ["apiServer"], data: { vnet: plan.plan.vnet?.name ?? "vnet" } });
      return;
    }
    const path = ["apiServer", "subnet"];
    if (!integrated) report({ messageId: "notIntegrated", path, data: { subnet: a.subnet } });
    if (!describesVnet(plan)) return;
    const s = subnetNamed(plan, a.subnet);
    if (!s) {
      report({ messageId: "unknownSubnet", path, data: { subnet: a.subnet } });
      return;
    }
    const at = ["vnet", "subnets", s.index];
    if (!s.delegation)
      report({
        messageId: automatic ? "delegatedByAutomatic" : "notDelegated",
        path: at,
        data: { subnet: s.name, delegation: "not delegated" },
      });
    else if (s.delegation.toLowerCase() !== API.delegation.value.toLowerCase())
      report({
        messageId: "notDelegated",
        path: [...at, "delegation"],
        data: { subnet: s.name, delegation: `delegated to ${s.delegation}` },
      });
    for (const u of otherUses(plan, s.name, "apiServer"))
      report({ messageId: "shared", path: u.path, data: { subnet: s.name, other: formatPath(u.path) } });
    const usable = usableOf(s);
    if (!s.prefix || usable === null) return;
    const bits = API.maxPrefixLength.value;
    if (s.prefix.bits > bits) {
      report({ messageId: "tooSmall", path: [...at, "cidr"], data: { subnet: s.name, cidr: s.text, bits } });
      return;
    }
    const clusters = a.clustersSharingSubnet ?? 1;
    const needed = clusters * (API.unitUse.value?.addresses ?? 9);
    if (usable < needed)
      report({
        messageId: "tooFewAddresses",
        path: [...at, "cidr"],
        data: { subnet: s.name, cidr: s.text, usable, clusters, needed },
      });
  },
});
