/**
 * AKS defaults the plan resolver needs, each with its source and the date it
 * was checked. Kept here until the knowledge base (`src/kb/`) publishes them;
 * the resolver reads only this module, so the switch is one import.
 */
import type { ModelId } from "../../kb/index.js";

export interface Sourced<T> {
  readonly value: T;
  readonly source: string;
  readonly checked: string;
}

const CHECKED = "2026-11-22";

/** Kubernetes minor version from which AKS defaults to Azure CNI Overlay when no plugin is given (kubenet before). */
export const OVERLAY_DEFAULT_FROM_MINOR: Sourced<number> = {
  value: 30,
  source: "https://github.com/Azure/azure-rest-api-specs/pull/30845; MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-overlay.md",
  checked: CHECKED,
};

/** Kubernetes minor version from which an unset max surge means 10% (1 node before). */
export const SURGE_10_PERCENT_FROM_MINOR: Sourced<number> = {
  value: 32,
  source: "Azure/AKS:CHANGELOG.md (release 2025-03-16); MicrosoftDocs/azure-aks-docs:articles/aks/best-practices-performance-scale-large.md",
  checked: CHECKED,
};

/** The older documented default max surge (one node). */
export const SURGE_ONE_NODE_SOURCE =
  "MicrosoftDocs/azure-aks-docs:articles/aks/upgrade-aks-node-pools-rolling.md; MicrosoftDocs/SupportArticles-docs:support/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking.md";

/** Default max pods per node for each model when the pool does not set it. */
export const DEFAULT_MAX_PODS: Readonly<Record<ModelId, Sourced<number>>> = {
  "azure-cni-overlay": { value: 250, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md", checked: CHECKED },
  "azure-cni-node-subnet": { value: 30, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md", checked: CHECKED },
  "azure-cni-pod-subnet-dynamic": { value: 250, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-dynamic-ip-allocation.md", checked: CHECKED },
  "azure-cni-pod-subnet-static": { value: 250, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-dynamic-ip-allocation.md", checked: CHECKED },
  kubenet: { value: 110, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md; MicrosoftDocs/azure-docs:includes/container-service-limits.md", checked: CHECKED },
  "byo-cni": { value: 250, source: "Azure/azure-cli-extensions:src/aks-preview/azext_aks_preview/_help.py", checked: CHECKED },
};

/** Where the documented default max pods disagree: the other documented value and its source. */
export const MAX_PODS_DISAGREEMENT: Partial<Readonly<Record<ModelId, Sourced<number>>>> = {
  "azure-cni-pod-subnet-dynamic": { value: 110, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md", checked: CHECKED },
  "azure-cni-pod-subnet-static": { value: 110, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md", checked: CHECKED },
  kubenet: { value: 30, source: "MicrosoftDocs/azure-docs:includes/container-service-limits.md (portal default)", checked: CHECKED },
};

/** Default ranges: service CIDR 10.0.0.0/16, DNS 10.0.0.10, pod CIDR 10.244.0.0/16; dual-stack adds the IPv6 ones. */
export const DEFAULT_RANGES = {
  podCidrs: { value: { v4: "10.244.0.0/16", v6: "fd12:3456:789a::/64" }, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md; articles/aks/configure-dual-stack.md", checked: CHECKED },
  serviceCidrs: { value: { v4: "10.0.0.0/16", v6: "fd12:3456:789a:1::/108" }, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md; articles/aks/configure-dual-stack.md", checked: CHECKED },
  dnsServiceIp: { value: "10.0.0.10", source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md", checked: CHECKED },
} as const;

/** Default network policy for new clusters (API 2024-05-01 and later). */
export const DEFAULT_POLICY: Sourced<"none"> = { value: "none", source: "Azure/AKS:CHANGELOG.md (release 2024-05-13)", checked: CHECKED };

/** Default outbound type. */
export const DEFAULT_OUTBOUND: Sourced<"loadBalancer"> = {
  value: "loadBalancer",
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/egress-outboundtype.md",
  checked: CHECKED,
};
