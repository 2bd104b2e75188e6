/**
 * AKS facts the rules need that the knowledge base does not publish yet, each
 * with its source and the date it was checked. Rules read facts only from here
 * (or the KB), never inline.
 */
const CHECKED = "2026-11-22";

export interface ReservedRange {
  readonly cidr: string;
  readonly why: string;
  readonly source: string;
}

/** Ranges AKS forbids for the service CIDR, the pod CIDR and the cluster VNet. */
export const RESERVED_RANGES: readonly ReservedRange[] = [
  { cidr: "169.254.0.0/16", why: "link-local", source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md" },
  { cidr: "172.30.0.0/16", why: "reserved by AKS", source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md; Azure/AKS:CHANGELOG.md (2026-05-29)" },
  { cidr: "172.31.0.0/16", why: "reserved by AKS", source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md; Azure/AKS:CHANGELOG.md (2026-05-29)" },
  { cidr: "192.0.2.0/24", why: "TEST-NET-1 documentation range", source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-cni-overview.md" },
];

/** Ranges AKS supports for an overlay pod CIDR: RFC 1918 and RFC 6598. */
export const SUPPORTED_POD_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;
export const SUPPORTED_POD_RANGES_SOURCE = "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md";

/** Max pods per node: 10–250, strictly enforced; the 10 minimum needs ≥ 30 pods per pool. */
export const MAX_PODS = { min: 10, max: 250, poolFloor: 30, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md", checked: CHECKED } as const;

/** Windows pods per node recommended on overlay. */
export const WINDOWS_MAX_PODS_RECOMMENDED = { value: 110, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md" } as const;

/** Node counts per pool (API `count`; CLI min/max-count ranges). */
export const POOL_COUNT = {
  max: 1000,
  source: "Azure/azure-rest-api-specs:specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2025-05-01/managedClusters.json; Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_validators.py",
} as const;

/** Node ceilings per cluster. */
export const CLUSTER_NODES = {
  kubenet: { value: 400, source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-kubenet.md (400 routes per UDR)" },
  any: { value: 5000, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md; MicrosoftDocs/azure-docs:includes/container-service-limits.md" },
  pools: { value: 100, source: "MicrosoftDocs/azure-docs:includes/container-service-limits.md" },
} as const;

/** Azure NPM is not supported beyond 250 nodes / 20,000 pods. */
export const AZURE_NPM_SCALE = { nodes: 250, pods: 20000, source: "MicrosoftDocs/azure-aks-docs:articles/aks/use-network-policies.md" } as const;

/** The per-node pod block of kubenet and overlay: one /24 from the pod CIDR (IPv4). */
export const NODE_POD_BLOCK_BITS = { value: 24, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md; articles/aks/configure-kubenet.md" } as const;

/** Service CIDR size limits: at most 20 host bits (IPv4 mask ≥ /12, IPv6 ≥ /108); AKS docs say "smaller than /12". */
export const SERVICE_CIDR = {
  minBitsV4: 12,
  minBitsV6: 108,
  source: "kubernetes/kubernetes:cmd/kube-apiserver/app/options/validation.go; MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md; articles/aks/configure-dual-stack.md",
} as const;

/** Largest VNet address space AKS plans for. */
export const VNET_MAX = { minBits: 8, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-ip-address-planning.md" } as const;

/** Dynamic pod-subnet IPs are handed to nodes in batches of 16; static blocks are /28 (16 IPs), one reserved per node. */
export const POD_SUBNET_BATCH = {
  value: 16,
  source: "MicrosoftDocs/azure-aks-docs:articles/aks/configure-azure-cni-dynamic-ip-allocation.md; articles/aks/configure-azure-cni-static-block-allocation.md",
} as const;

/** Name length limit for BYO subnet, VNet and VNet resource group on overlay (they become node labels). */
export const OVERLAY_NAME_MAX = { value: 63, source: "MicrosoftDocs/azure-aks-docs:articles/aks/concepts-network-azure-cni-overlay.md" } as const;

/** Retirement dates. */
export const RETIREMENTS = {
  kubenet: { date: "2028-03-31", source: "MicrosoftDocs/azure-aks-docs:articles/aks/includes/kubenet-retirement.md" },
  npmWindows: { date: "2026-09-30", source: "MicrosoftDocs/azure-aks-docs:articles/aks/includes/azure-network-policy-manager-windows-retirement.md" },
  npmLinux: { date: "2028-09-30", source: "MicrosoftDocs/azure-aks-docs:articles/aks/includes/azure-network-policy-manager-linux-retirement.md" },
  windows2019: { date: "2026-03-01", source: "Azure/AKS:CHANGELOG.md (release 2026-05-29)" },
} as const;

/** Kubernetes minor version from which Cilium supports dual-stack. */
export const CILIUM_DUAL_STACK_FROM_MINOR = { value: 29, source: "MicrosoftDocs/azure-aks-docs:articles/aks/azure-cni-powered-by-cilium.md" } as const;
