/**
 * AKS Automatic (`sku.name: Automatic`), checked for generation. aksnet writes it in a custom VNet: the plan's
 * API server subnet (`apiServer.subnet`), system node subnet and user node subnet (`hostedSystem`), all in its
 * `vnet`. The network model is fixed (Overlay with Cilium, node auto-provisioning), so the plan's node pools and
 * add-ons are refused rather than dropped: AKS manages the system nodes and node auto-provisioning the user nodes.
 * Facts: `AKS_AUTOMATIC` in the knowledge base.
 */
import type { Plan } from "../../engines/plan/index.js";
import { AKS_AUTOMATIC } from "../../kb/index.js";
import type { Checks } from "./checks.js";
import { checkSubnetRef } from "./check-vnet.js";
import type { GenAutomatic, GenVnet } from "./model.js";

const CUSTOM_VNET_PAGE = "https://learn.microsoft.com/azure/aks/automatic/quick-automatic-custom-network";

/** What AKS Automatic manages itself (node pools, add-ons, provisioning) or takes only one of (pod, service CIDR). */
function checkAutomaticManaged(plan: Plan, c: Checks): void {
  if (plan.nodePools.length > 0)
    c.problems.push({
      path: "nodePools",
      value: plan.nodePools.map((p) => p.name).join(", "),
      reason:
        "AKS Automatic manages its node pools (managed system node pools; node auto-provisioning for user " +
        "nodes): remove nodePools and size the user nodes with nodeProvisioning.pools",
    });
  const addons = Object.entries(plan.addons ?? {})
    .filter(([k, v]) => v !== undefined && k !== "applicationGatewayForContainers")
    .map(([k]) => k);
  for (const k of addons)
    c.problems.push({
      path: `addons.${k}`,
      value: k,
      reason: "aksnet does not write add-ons for AKS Automatic: enable it after the cluster is created",
    });
  if (plan.nodeProvisioning?.mode === "Manual")
    c.problems.push({
      path: "nodeProvisioning.mode",
      value: "Manual",
      reason: "AKS Automatic always uses node auto-provisioning: remove nodeProvisioning.mode or set it to Auto",
    });
  const n = plan.network;
  if ((n.podCidrs?.length ?? 0) > 1 || (n.serviceCidrs?.length ?? 0) > 1)
    c.problems.push({
      path: "network",
      value: [...(n.podCidrs ?? []), ...(n.serviceCidrs ?? [])].join(", "),
      reason: "aksnet writes AKS Automatic with one pod CIDR and one service CIDR (IPv4): keep one of each",
    });
}

/** The Automatic cluster's subnets, or undefined for a Standard plan; problems name the field to fix. */
export function checkAutomatic(plan: Plan, vnet: GenVnet | undefined, c: Checks): GenAutomatic | undefined {
  if (plan.sku?.name !== "Automatic") return undefined;
  if (vnet === undefined) {
    c.problems.push({
      path: "sku.name",
      value: "Automatic",
      reason:
        "aksnet generates AKS Automatic in a custom VNet only: add a vnet section (aksnet layout places the subnets " +
        `it needs), or create it in its managed VNet with az aks create --sku automatic (${CUSTOM_VNET_PAGE})`,
    });
    return undefined;
  }
  checkAutomaticManaged(plan, c);
  const api = plan.apiServer?.subnet;
  const sys = plan.hostedSystem?.systemNodeSubnet;
  const nodes = plan.hostedSystem?.nodeSubnet;
  const missing: [string, string | undefined][] = [
    ["apiServer.subnet", api],
    ["hostedSystem.systemNodeSubnet", sys],
    ["hostedSystem.nodeSubnet", nodes],
  ];
  for (const [path, v] of missing) {
    if (v === undefined)
      c.problems.push({
        path,
        value: "(not set)",
        reason:
          `AKS Automatic in a custom VNet needs ${AKS_AUTOMATIC.customVnetSubnets.value.length} subnets ` +
          "(API server, system nodes, user nodes): name it, or run aksnet layout to place it",
      });
    else checkSubnetRef(path, v, vnet, c);
  }
  if (api === undefined || sys === undefined || nodes === undefined) return undefined;
  return { apiServerSubnet: api, systemNodeSubnet: sys, nodeSubnet: nodes, private: plan.apiServer?.private === true };
}
