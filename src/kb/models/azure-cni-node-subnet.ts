/**
 * Azure CNI Node Subnet (the legacy "flat" Azure CNI): nodes and pods share the node subnet; each node reserves maxPods
 * addresses.
 */
import { defineModel } from "../model.js";
import { aksDoc, sourced } from "../source.js";
import { CLUSTER_NODE_LIMIT, MAX_PODS_250, MIN_MAX_PODS, NOT_RETIRING, VNET_IP_LIMIT } from "./_shared.js";

const LEGACY = aksDoc("concepts-network-legacy-cni");
const QUOTAS = aksDoc(
  "quotas-skus-regions",
  "maximum pods per node: defaults per network plugin and deployment method",
);

export const azureCniNodeSubnet = defineModel({
  id: "azure-cni-node-subnet",
  title: "Azure CNI Node Subnet",
  config: { plugin: "azure", podSubnet: false },
  status: sourced("legacy", [LEGACY, aksDoc("concepts-network-cni-overview")], { checked: "2026-11-22" }),
  nodeAddresses: sourced("one address each from the node subnet", LEGACY, { checked: "2026-11-22" }),
  podAddresses: sourced("the node subnet: each node reserves maxPods addresses when it is created", LEGACY, {
    checked: "2026-11-22",
  }),
  podAddressing: sourced({ kind: "node-subnet" }, LEGACY, { checked: "2026-11-22" }),
  routing: sourced(
    "direct-snat-outside-vnet",
    [LEGACY, aksDoc("concepts-network-cni-overview", "ip-masq-agent SNATs traffic leaving the VNet to the node IP")],
    { checked: "2026-11-22" },
  ),
  podsRoutable: sourced(true, LEGACY, { checked: "2026-12-07" }),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(30, [QUOTAS, aksDoc("concepts-network-ip-address-planning")], {
    checked: "2026-12-06",
  }),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: VNET_IP_LIMIT,
  networkPolicies: sourced(
    ["azure", "calico", "cilium"],
    [LEGACY, aksDoc("azure-cni-powered-by-cilium", "Cilium on Node Subnet needs CLI 2.69.0 or later")],
    { checked: "2026-12-07" },
  ),
  dataplanes: sourced(["azure", "cilium"], aksDoc("azure-cni-powered-by-cilium"), { checked: "2026-12-07" }),
  windows: sourced(true, LEGACY, { checked: "2026-12-07" }),
  virtualNodes: sourced(true, [LEGACY, aksDoc("virtual-nodes")], { checked: "2026-12-07" }),
  agic: sourced(true, aksDoc("concepts-network-cni-overview"), { checked: "2026-12-07" }),
  applicationGatewayForContainers: sourced(true, aksDoc("concepts-network-cni-overview"), { checked: "2026-12-07" }),
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
  dualStack: sourced(false, aksDoc("configure-dual-stack", "dual-stack requires Azure CNI Overlay"), {
    checked: "2026-12-07",
  }),
  retirement: NOT_RETIRING,
});
