/**
 * What AKS documents about moving a cluster to Azure CNI Overlay or to the
 * Cilium dataplane. Every value names its source; checked 2026-11-22 against
 * MicrosoftDocs/azure-aks-docs:articles/aks/update-azure-cni.md (commit 093a522a) unless stated.
 */

/** `repo:path` of the migration page. */
export const UPDATE_AZURE_CNI = "MicrosoftDocs/azure-aks-docs:articles/aks/update-azure-cni.md";
export const USE_NETWORK_POLICIES = "MicrosoftDocs/azure-aks-docs:articles/aks/use-network-policies.md";
export const NPM_TO_CILIUM = "MicrosoftDocs/azure-aks-docs:articles/aks/migrate-from-npm-to-cilium-network-policy.md";
export const USE_MANAGED_IDENTITY = "MicrosoftDocs/azure-aks-docs:articles/aks/use-managed-identity.md";
export const NODE_AUTO_PROVISIONING = "MicrosoftDocs/azure-aks-docs:articles/aks/use-node-auto-provisioning.md";
export const CILIUM_PAGE = "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md";
export const OVERLAY_CONCEPT = "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md";
export const KUBENET_CALICO_BLOCK = "Azure/AKS:CHANGELOG.md (release 2023-11-28: kubenet with Calico can't migrate)";
export const POD_CIDR_CHANGE =
  "Azure/AKS:CHANGELOG.md (release 2025-08-29: the pod CIDR can change during kubenet → Overlay)";
export const IP_MASQ_BLOCK =
  "Azure/AKS:CHANGELOG.md (release 2025-01-30: migration blocked while a custom ip-masq-agent config exists)";

/** Overlay migration needs Kubernetes 1.27 or later. */
export const OVERLAY_MIN_KUBERNETES = { major: 1, minor: 27, source: UPDATE_AZURE_CNI } as const;

/** Dual-stack with the Cilium dataplane needs Kubernetes 1.29 or later. */
export const CILIUM_DUAL_STACK_MIN_KUBERNETES = { major: 1, minor: 29, source: CILIUM_PAGE } as const;

/** The dataplane update needs az CLI 2.52.0 or later. */
export const CILIUM_UPDATE_MIN_CLI = { version: "2.52.0", source: UPDATE_AZURE_CNI } as const;

/** Windows overlay pods SNAT host-network traffic wrongly before this OS build. */
export const WINDOWS_MIN_BUILD = { build: "20348.1668", source: UPDATE_AZURE_CNI } as const;

/** What the reimage means; the page compares it to a node image update. */
export const REIMAGE_TEXT =
  "The update reimages every node of every node pool at the same time (updating pools one by one is not supported); " +
  "the disruption is like a node image upgrade or a Kubernetes version upgrade: every pod is evicted and restarted on a reimaged node.";
