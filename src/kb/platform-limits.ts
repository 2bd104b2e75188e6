/**
 * Limits AKS and Azure place on every cluster, whatever the network model. Sources: the live AKS quotas page
 * (its limits table is an include rendered into https://learn.microsoft.com/azure/aks/quotas-skus-regions),
 * the AKS IP planning page. Node limits per pricing tier are in `tiers.ts`.
 */
import { aksDoc, page, repoFile, sourced, type Sourced } from "./source.js";

const QUOTAS = (note: string) => aksDoc("quotas-skus-regions", note);
const IP_PLANNING = aksDoc("concepts-network-ip-address-planning");

export interface PlatformLimits {
  /** Nodes in one cluster (Virtual Machine Scale Sets with a Standard load balancer). */
  readonly nodesPerCluster: Sourced<number>;
  /** Nodes in one node pool (one scale set), surge nodes included. */
  readonly nodesPerPool: Sourced<number>;
  readonly poolsPerCluster: Sourced<number>;
  /** The highest maxPods any Azure-managed model accepts. */
  readonly maxPodsPerNode: Sourced<number>;
  /** The lowest maxPods AKS accepts. */
  readonly minMaxPods: Sourced<number>;
  /** Every node pool must have room for at least this many pods (maxPods × nodes). */
  readonly minPodsPerPool: Sourced<number>;
  /** Recommended maxPods for Windows node pools. */
  readonly windowsRecommendedMaxPods: Sourced<number>;
  /** Private IP addresses configured in one virtual network. */
  readonly vnetPrivateIps: Sourced<number>;
  /** Routes in one Azure route table: the kubenet node limit. */
  readonly routesPerRouteTable: Sourced<number>;
  /** The shortest IPv4 service CIDR prefix accepted (the largest service range). */
  readonly serviceCidrShortestBitsV4: Sourced<number>;
  /** The shortest IPv6 service CIDR prefix accepted. */
  readonly serviceCidrShortestBitsV6: Sourced<number>;
  /** The largest static-block pod subnet. */
  readonly staticBlockPodSubnetShortestBits: Sourced<number>;
  /** The shortest VNet address-space prefix (the largest VNet) the IP planning guide allows. */
  readonly vnetShortestBits: Sourced<number>;
  /** Whether an existing node pool's maxPods can be changed in place (false: add a pool and move the workloads). */
  readonly maxPodsChangeInPlace: Sourced<boolean>;
}

export const PLATFORM_LIMITS: PlatformLimits = {
  nodesPerCluster: sourced(
    5000,
    [
      QUOTAS("maximum nodes per cluster with Virtual Machine Scale Sets and Standard Load Balancer: 5,000"),
      aksDoc("free-standard-pricing-tiers", "Standard and Premium: up to 5,000 nodes (Free: 1,000; see tiers)"),
    ],
    { checked: "2026-12-06" },
  ),
  nodesPerPool: sourced(
    1000,
    [
      QUOTAS("maximum nodes per node pool (Virtual Machine Scale Sets node pools): 1,000"),
      aksDoc(
        "upgrade-aks-node-pools-rolling",
        "a scale set holds at most 1,000 instances; AKS rejects an upgrade whose pool size plus surge would exceed it",
      ),
    ],
    { checked: "2026-12-06" },
  ),
  poolsPerCluster: sourced(100, QUOTAS("maximum node pools per cluster: 100"), { checked: "2026-12-06" }),
  maxPodsPerNode: sourced(250, [QUOTAS("maximum pods per node: 250"), IP_PLANNING], { checked: "2026-12-06" }),
  minMaxPods: sourced(10, IP_PLANNING, { checked: "2026-12-07" }),
  minPodsPerPool: sourced(
    30,
    aksDoc(
      "concepts-network-ip-address-planning",
      "maxPods 10 is allowed only when every node pool has room for at least 30 pods",
    ),
    { checked: "2026-12-07" },
  ),
  windowsRecommendedMaxPods: sourced(110, [IP_PLANNING, aksDoc("concepts-network-azure-cni-overlay")], {
    checked: "2026-12-07",
  }),
  vnetPrivateIps: sourced(65536, IP_PLANNING, { checked: "2026-12-07" }),
  routesPerRouteTable: sourced(400, aksDoc("configure-kubenet", "Azure supports a maximum of 400 routes in a UDR"), {
    checked: "2026-12-07",
  }),
  serviceCidrShortestBitsV4: sourced(
    12,
    [
      aksDoc("concepts-network-ip-address-planning", 'the service address CIDR "must be smaller than /12"'),
      repoFile(
        "kubernetes/kubernetes:cmd/kube-apiserver/app/options/validation_test.go",
        "kube-apiserver rejects IPv4 service ranges with a mask shorter than /12 only with the " +
          "MultiCIDRServiceAllocator gate off; the gate is on by default from Kubernetes 1.33 (locked on in 1.34), " +
          "where a /8 passes",
      ),
    ],
    {
      checked: "2026-12-07",
      derived:
        "the AKS page is the binding bound on AKS 1.33+: kube-apiserver no longer enforces /12 there, but AKS still " +
        "documents it, so aksnet keeps /12",
      alternatives: [
        {
          value: 13,
          source: [IP_PLANNING],
          note:
            'AKS says the service CIDR "must be smaller than /12"; if that excludes /12 itself, /13 is the ' +
            "largest accepted",
        },
      ],
    },
  ),
  serviceCidrShortestBitsV6: sourced(
    108,
    [
      aksDoc("configure-dual-stack"),
      repoFile("kubernetes/kubernetes:cmd/kube-apiserver/app/options/validation_test.go"),
    ],
    { checked: "2026-12-07" },
  ),
  staticBlockPodSubnetShortestBits: sourced(12, aksDoc("configure-azure-cni-static-block-allocation"), {
    checked: "2026-12-07",
  }),
  vnetShortestBits: sourced(8, aksDoc("concepts-network-ip-address-planning", "Azure Virtual Network: max size /8"), {
    checked: "2026-12-06",
  }),
  maxPodsChangeInPlace: sourced(
    false,
    [
      aksDoc(
        "concepts-network-ip-address-planning",
        "to raise maxPods on an existing cluster, add a node pool with the new maxPods and migrate (since 2024-04)",
      ),
      repoFile(
        "MicrosoftDocs/azure-docs-cli:docs-ref-conceptual/Latest-version/release-notes-azure-cli.md",
        "no az release up to 2.89.1 (11 August 2026) adds --max-pods to az aks nodepool update",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py",
        "aks nodepool update: autoscaler, labels, taints, surge, mode, OS SKU, FIPS, trusted launch, local DNS, GPU " +
          "driver; no max_pods (the newest version stored, with localdns_config)",
      ),
      repoFile(
        "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_node_pool_resource.go",
        "max_pods is in cycleNodePoolProperties: a change replaces the pool (temporary_name_for_rotation; 5.2.0)",
      ),
      page(
        "https://learn.microsoft.com/powershell/module/az.aks/update-azaksnodepool?view=azps-15.6.0",
        "Update-AzAksNodePool has no MaxPods parameter",
      ),
    ],
    {
      checked: "2026-12-07",
      derived:
        "the newer capacity guide's command is in no az release, so the older page's 'add a pool' is kept as the " +
        "default against the house rule's 'newer page first'",
      alternatives: [
        {
          value: true,
          source: [
            aksDoc(
              "upgrade-capacity-cost-planning",
              "IP exhaustion: reduce maxPods per node with az aks nodepool update --max-pods 50 (added 2025-12-23)",
            ),
          ],
          note:
            "the upgrade capacity guide's newer text updates a pool's maxPods in place with az aks nodepool update; " +
            "no az release, azurerm or Az PowerShell version read has it, so aksnet keeps 'add a pool'",
        },
      ],
    },
  ),
};
