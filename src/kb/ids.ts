/**
 * Identifiers of the network models the knowledge base describes. An AKS cluster
 * network is one IP address management (IPAM) model plus one dataplane.
 * Source: MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md (checked 2026-11-22).
 */
export const MODEL_IDS = [
  "kubenet",
  "azure-cni-node-subnet",
  "azure-cni-pod-subnet-dynamic",
  "azure-cni-pod-subnet-static",
  "azure-cni-overlay",
  "byo-cni",
] as const;

/** An IPAM model: how nodes and pods get their addresses. */
export type ModelId = (typeof MODEL_IDS)[number];

export const DATAPLANE_IDS = ["azure", "cilium"] as const;

/** A dataplane: iptables/kube-proxy (`azure`) or eBPF (`cilium`, Azure CNI Powered by Cilium). */
export type DataplaneId = (typeof DATAPLANE_IDS)[number];

/** Reports whether the value is a model id (any value from JavaScript: only a string can be one). */
export function isModelId(s: unknown): s is ModelId {
  return typeof s === "string" && (MODEL_IDS as readonly string[]).includes(s);
}
