/**
 * AKS facts the rules need that the knowledge base (`src/kb/`) does not
 * publish yet (they move there), each with its source, and a lookup of
 * retirements the rules cite.
 */
import { retirement, type Retirement } from "../../kb/index.js";

/** A retirement the KB must hold; a missing one is a bug. */
export function retired(id: string): Retirement {
  const r = retirement(id);
  if (!r) throw new Error(`knowledge base has no retirement "${id}"`);
  return r;
}

/** Azure NPM is not supported beyond 250 nodes / 20,000 pods (Linux). */
export const AZURE_NPM_SCALE = {
  nodes: 250,
  pods: 20000,
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/use-network-policies.md",
} as const;

/** Name length limit for a BYO subnet, its VNet and the VNet's resource group on overlay (they become node labels). */
export const OVERLAY_NAME_MAX = {
  value: 63,
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md",
} as const;

/** Kubernetes minor version from which Azure CNI Powered by Cilium supports dual-stack. */
export const CILIUM_DUAL_STACK_FROM_MINOR = {
  value: 29,
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md",
} as const;

/** The largest VNet address space the IP planning guide allows. */
export const VNET_MAX = {
  shortestBits: 8,
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md",
} as const;
