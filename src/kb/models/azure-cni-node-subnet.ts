/** Azure CNI Node Subnet (the legacy "flat" Azure CNI): nodes and pods share the node subnet; each node reserves maxPods addresses. */
import { defineModel } from "../model.js";
import { aksDoc, repoFile, sourced } from "../source.js";
import { CLUSTER_NODE_LIMIT, MAX_PODS_250, MIN_MAX_PODS, NOT_RETIRING, VNET_IP_LIMIT } from "./_shared.js";

const LEGACY = aksDoc("concepts-network-legacy-cni");
const LIMITS_INCLUDE = repoFile("MicrosoftDocs/azure-docs:includes/container-service-limits.md", "2024 copy");

export const azureCniNodeSubnet = defineModel({
  id: "azure-cni-node-subnet",
  title: "Azure CNI Node Subnet",
  config: { plugin: "azure", podSubnet: false },
  status: sourced("legacy", [LEGACY, aksDoc("concepts-network-cni-overview")]),
  nodeAddresses: sourced("one address each from the node subnet", LEGACY),
  podAddresses: sourced("the node subnet: each node reserves maxPods addresses when it is created", LEGACY),
  podAddressing: sourced({ kind: "node-subnet" }, LEGACY),
  routing: sourced("direct-snat-outside-vnet", [
    LEGACY,
    aksDoc("concepts-network-cni-overview", "ip-masq-agent SNATs traffic leaving the VNet to the node IP"),
  ]),
  podsRoutable: sourced(true, LEGACY),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(30, [LIMITS_INCLUDE, aksDoc("concepts-network-ip-address-planning")]),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: VNET_IP_LIMIT,
  networkPolicies: sourced(
    ["azure", "calico", "cilium"],
    [LEGACY, aksDoc("azure-cni-powered-by-cilium", "Cilium on Node Subnet needs CLI 2.69.0 or later")],
  ),
  dataplanes: sourced(["azure", "cilium"], aksDoc("azure-cni-powered-by-cilium")),
  windows: sourced(true, LEGACY),
  virtualNodes: sourced(true, [LEGACY, aksDoc("virtual-nodes")]),
  agic: sourced(true, aksDoc("concepts-network-cni-overview")),
  applicationGatewayForContainers: sourced(true, aksDoc("concepts-network-cni-overview")),
  dualStack: sourced(false, aksDoc("configure-dual-stack", "dual-stack requires Azure CNI Overlay")),
  retirement: NOT_RETIRING,
});
