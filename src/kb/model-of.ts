/** Which IPAM model a network profile describes. */
import type { ModelId } from "./ids.js";

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
export function modelOf(s: ModelSelector): ModelId {
  if (s.plugin === "kubenet") return "kubenet";
  if (s.plugin === "none") return "byo-cni";
  if (s.pluginMode === "overlay") return "azure-cni-overlay";
  if (s.podSubnet)
    return s.podIpAllocation === "StaticBlock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
  return "azure-cni-node-subnet";
}
