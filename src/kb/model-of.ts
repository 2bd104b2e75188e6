/** Which IPAM model a network profile describes. */
import type { ModelId } from "./ids.js";
import { aksDoc, sourced, type Sourced } from "./source.js";

export interface ModelSelector {
  readonly plugin: "azure" | "kubenet" | "none";
  readonly pluginMode?: "overlay" | undefined;
  /** Whether the node pools have a pod subnet (`podSubnetID`). */
  readonly podSubnet?: boolean | undefined;
  readonly podIpAllocation?: "DynamicIndividual" | "StaticBlock" | undefined;
}

/**
 * The model of a plugin / mode / pod-subnet combination. `azure` without a mode
 * and without a pod subnet is Node Subnet (kept for backward compatibility);
 * a pod subnet without an allocation mode is dynamic (the API default).
 * Source: https://learn.microsoft.com/azure/aks/azure-cni-overlay,
 * https://learn.microsoft.com/dotnet/api/azure.resourcemanager.containerservice.models.podipallocationmode (checked 2026-11-22).
 * A combination AKS rejects (overlay with a pod subnet, a mode on kubenet) still
 * maps to the nearest model; the validator reports the combination.
 */
export function modelOf(selector: ModelSelector): ModelId {
  // A value from JavaScript that is not an object selects nothing: the API's default, as an empty profile does.
  const s: Partial<ModelSelector> = typeof selector === "object" && selector !== null ? selector : {};
  if (s.plugin === "kubenet") return "kubenet";
  if (s.plugin === "none") return "byo-cni";
  if (s.pluginMode === "overlay") return "azure-cni-overlay";
  if (s.podSubnet)
    return s.podIpAllocation === "StaticBlock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
  return "azure-cni-node-subnet";
}

/** How AKS reads an incomplete network profile: the facts behind `modelOf` and the plan resolver's assumptions. */
export interface ModelSelectionFacts {
  /**
   * `networkPlugin: azure` with no mode and no pod subnet is Azure CNI Node Subnet (kept for backward compatibility).
   */
  readonly azureWithoutModeIsNodeSubnet: Sourced<boolean>;
  /** Settings that only the azure plugin has, so they imply it when no plugin is given. */
  readonly impliesAzurePlugin: Sourced<readonly ("pluginMode overlay" | "a pod subnet" | "the Cilium dataplane")[]>;
  /** Dual-stack is chosen with `ipFamilies`; an IPv6 pod or service CIDR only makes sense with both families. */
  readonly ipv6RangeMeansDualStack: Sourced<boolean>;
}

export const MODEL_SELECTION: ModelSelectionFacts = {
  azureWithoutModeIsNodeSubnet: sourced(
    true,
    aksDoc("azure-cni-overlay", "--network-plugin azure without --network-plugin-mode gives Azure CNI Node Subnet"),
    { checked: "2026-11-22" },
  ),
  impliesAzurePlugin: sourced(
    ["pluginMode overlay", "a pod subnet", "the Cilium dataplane"],
    [
      aksDoc("concepts-network-cni-overview", "Overlay, Pod Subnet and Cilium are modes of Azure CNI"),
      aksDoc("azure-cni-powered-by-cilium", "--network-dataplane cilium needs --network-plugin azure"),
    ],
    { checked: "2026-11-22" },
  ),
  ipv6RangeMeansDualStack: sourced(
    true,
    aksDoc("configure-dual-stack", "--ip-families ipv4,ipv6 with one pod and one service CIDR per family"),
    { checked: "2026-11-22" },
  ),
};
