/**
 * kubenet: nodes in the VNet, pods in a private pod CIDR reached through a route table. Legacy; retires 31 March 2028.
 */
import { defineModel } from "../model.js";
import { PLATFORM_LIMITS } from "../platform-limits.js";
import { aksDoc, page, repoFile, sourced } from "../source.js";
import { MAX_PODS_250, MIN_MAX_PODS } from "./_shared.js";

const KUBENET = aksDoc("configure-kubenet");
const QUOTAS = aksDoc(
  "quotas-skus-regions",
  "maximum pods per node: defaults per network plugin and deployment method",
);

export const kubenet = defineModel({
  id: "kubenet",
  title: "kubenet",
  config: { plugin: "kubenet", podSubnet: false },
  status: sourced(
    "retiring",
    [
      aksDoc("concepts-network-legacy-cni"),
      repoFile("MicrosoftDocs/azure-aks-docs:articles/aks/includes/kubenet-retirement.md"),
    ],
    { checked: "2026-11-22" },
  ),
  nodeAddresses: sourced("one address each from the node subnet", KUBENET, { checked: "2026-11-22" }),
  podAddresses: sourced("a private pod CIDR (default 10.244.0.0/16); each node gets a /24 of it", KUBENET, {
    checked: "2026-11-22",
  }),
  podAddressing: sourced(
    { kind: "pod-cidr-block", bits: 24 },
    aksDoc("configure-kubenet", "node 1 gets 10.244.0.0/24, node 2 10.244.1.0/24, …"),
    { checked: "2026-11-22" },
  ),
  routing: sourced(
    "route-table-nat",
    aksDoc("configure-kubenet", "a route table with IP forwarding; pod traffic is NAT'd to the node's primary IP"),
    { checked: "2026-11-22" },
  ),
  podsRoutable: sourced(false, KUBENET, { checked: "2026-12-07" }),
  maxNodes: sourced(
    { count: PLATFORM_LIMITS.routesPerRouteTable.value, by: "route-table" },
    [
      aksDoc(
        "configure-kubenet",
        "Azure supports a maximum of 400 routes in a UDR, so a kubenet cluster can't have more than 400 nodes",
      ),
      aksDoc("concepts-network-azure-cni-overlay", "comparison table: kubenet 400 nodes"),
    ],
    { checked: "2026-11-22" },
  ),
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(110, [QUOTAS, aksDoc("concepts-network-ip-address-planning")], {
    checked: "2026-12-06",
    alternatives: [
      {
        value: 30,
        source: [QUOTAS],
        note:
          "the AKS quotas and limits page gives 30 as the Azure portal default for kubenet (the CLI and ARM " +
          "default is 110; before April 2024 that page said the portal used 110)",
      },
    ],
  }),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: sourced(null, KUBENET, {
    checked: "2026-11-22",
    derived: "no per-cluster pod limit is documented for kubenet; nodes × maxPods applies",
  }),
  networkPolicies: sourced(["calico"], [KUBENET, aksDoc("use-network-policies")], { checked: "2026-12-07" }),
  dataplanes: sourced(
    ["azure"],
    [aksDoc("azure-cni-powered-by-cilium"), aksDoc("update-azure-cni", "kubenet must move to Overlay before Cilium")],
    { checked: "2026-12-07" },
  ),
  windows: sourced(
    false,
    [
      KUBENET,
      aksDoc("concepts-network-azure-cni-overlay", "kubenet: Linux only"),
      aksDoc(
        "concepts-network-cni-overview",
        "feature table: Windows node pools, AGIC, Application Gateway for Containers",
      ),
    ],
    { checked: "2026-12-07" },
  ),
  virtualNodes: sourced(
    false,
    [KUBENET, aksDoc("virtual-nodes", "virtual nodes only work with Azure CNI, not kubenet")],
    { checked: "2026-12-07" },
  ),
  agic: sourced(
    true,
    aksDoc(
      "concepts-network-cni-overview",
      "feature table: Windows node pools, AGIC, Application Gateway for Containers",
    ),
    { checked: "2026-12-07" },
  ),
  applicationGatewayForContainers: sourced(false, [KUBENET, aksDoc("concepts-network-cni-overview")], {
    checked: "2026-12-07",
  }),
  privateLinkService: sourced(
    true,
    aksDoc("internal-lb", "Create a Private Link service: a LoadBalancer service with the azure-pls-create annotation"),
    {
      checked: "2026-12-07",
      derived:
        "documented for AKS internal load balancers with no network-model restriction; only static block allocation " +
        "names an exception",
    },
  ),
  dualStack: sourced(
    false,
    [
      aksDoc("configure-dual-stack", "dual-stack requires Azure CNI Overlay"),
      page(
        "https://github.com/MicrosoftDocs/azure-aks-docs/commit/e77f49e4d",
        "kubenet dual-stack docs removed 2025-03-10",
      ),
    ],
    { checked: "2026-12-07" },
  ),
  retirement: sourced(
    "2028-03-31",
    [
      repoFile("MicrosoftDocs/azure-aks-docs:articles/aks/includes/kubenet-retirement.md"),
      page("https://github.com/Azure/AKS/issues/4859"),
    ],
    { checked: "2026-11-22" },
  ),
});
