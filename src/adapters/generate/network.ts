/**
 * The network the generators write, and the model name shown in headers.
 *
 * The generators always write the plugin explicitly: the az CLI, ARM and the
 * azurerm provider each have their own default (azurerm: kubenet when no
 * `network_profile` — hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster.html.markdown),
 * so leaving it out would give different clusters from one plan. When the plan
 * leaves it out, `toGenPlan` takes the value `resolvePlan` resolves (AKS's default
 * for the plan's Kubernetes version).
 */
import type { GenNetwork, GenPlan } from "./model.js";

export interface EffectiveNetwork extends GenNetwork {
  readonly plugin: "azure" | "kubenet" | "none";
}

/** The plan's network; the plugin is always set after `toGenPlan`. */
export function effectiveNetwork(plan: GenPlan): { network: EffectiveNetwork } {
  return { network: { ...plan.network, plugin: plan.network.plugin ?? "azure" } };
}

/** A human name for the plan's model, e.g. "Azure CNI Overlay with the Cilium dataplane". */
export function modelName(plan: GenPlan, network: EffectiveNetwork): string {
  if (plan.automatic) return "AKS Automatic in a custom VNet (Azure CNI Overlay with the Cilium dataplane)";
  let ipam: string;
  if (network.plugin === "kubenet") ipam = "kubenet";
  else if (network.plugin === "none") ipam = "bring-your-own CNI";
  else if (network.pluginMode === "overlay") ipam = "Azure CNI Overlay";
  else if (plan.pools.some((p) => p.podSubnet !== undefined)) {
    const modes = new Set(
      plan.pools.filter((p) => p.podSubnet !== undefined).map((p) => p.podIpAllocation ?? "DynamicIndividual"),
    );
    ipam = `Azure CNI Pod Subnet (${[...modes].sort().join(" and ")})`;
  } else ipam = "Azure CNI Node Subnet";
  return network.dataplane === "cilium" ? `${ipam} with the Cilium dataplane` : ipam;
}

/** A DNS prefix derived from the cluster name: letters, digits and hyphens, 1-54 characters (ARM `dnsPrefix`). */
export function dnsPrefixOf(name: string): string {
  const s = name
    .replace(/[^A-Za-z0-9-]/g, "-")
    .slice(0, 54)
    .replace(/^-+|-+$/g, "");
  return s === "" ? "aks" : s;
}
