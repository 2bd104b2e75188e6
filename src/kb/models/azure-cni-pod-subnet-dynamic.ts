/** Azure CNI Pod Subnet, dynamic IP allocation: pods take addresses from their own subnet in batches of 16. */
import { defineModel } from "../model.js";
import { aksDoc, repoFile, sourced } from "../source.js";
import { CLUSTER_NODE_LIMIT, MAX_PODS_250, MIN_MAX_PODS, NOT_RETIRING } from "./_shared.js";

const DYNAMIC = aksDoc("configure-azure-cni-dynamic-ip-allocation");
const POD_SUBNET = aksDoc("concepts-network-azure-cni-pod-subnet");

export const azureCniPodSubnetDynamic = defineModel({
  id: "azure-cni-pod-subnet-dynamic",
  title: "Azure CNI Pod Subnet (dynamic)",
  config: { plugin: "azure", podSubnet: true, podIpAllocation: "DynamicIndividual" },
  status: sourced(
    "recommended",
    [
      aksDoc("plan-pod-networking", "Pod Subnet when pods must be directly routable"),
      aksDoc("concepts-network-cni-overview"),
    ],
    { checked: "2026-11-22" },
  ),
  nodeAddresses: sourced("one address each from the node subnet", DYNAMIC, { checked: "2026-11-22" }),
  podAddresses: sourced("a separate pod subnet in the same VNet, handed to nodes in batches of 16", DYNAMIC, {
    checked: "2026-11-22",
  }),
  podAddressing: sourced(
    { kind: "pod-subnet-batch", batch: 16, minFree: 8, releaseAbove: 24 },
    [
      aksDoc(
        "configure-azure-cni-dynamic-ip-allocation",
        "a node asks for 16 IPs at start and 16 more when fewer than 8 are free",
      ),
      repoFile(
        "Azure/azure-container-networking:docs/feature/ipammath/0-background.md",
        "a batch is released when more than 24 are free (1.5 × batch)",
      ),
    ],
    { checked: "2026-11-22" },
  ),
  routing: sourced(
    "direct",
    [aksDoc("concepts-network-legacy-cni", "FAQ: the pod IP is preserved end to end"), POD_SUBNET],
    { checked: "2026-11-22" },
  ),
  podsRoutable: sourced(true, POD_SUBNET, { checked: "2026-11-22" }),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(250, DYNAMIC, {
    checked: "2026-11-22",
    alternatives: [
      {
        value: 110,
        source: [aksDoc("concepts-network-ip-address-planning", "table of default maximum pods")],
        note: "the IP planning table gives 110 for Pod Subnet; with 110, each node holds fewer pods and needs fewer pod-subnet addresses",
      },
    ],
  }),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: sourced(
    65536,
    [
      aksDoc(
        "configure-azure-cni-static-block-allocation",
        "dynamic allocation scales to about 65K pods: each pod IP counts against the VNet's 65,536 private IPs",
      ),
      aksDoc("plan-pod-networking"),
    ],
    { checked: "2026-11-22" },
  ),
  networkPolicies: sourced(["azure", "calico", "cilium"], [POD_SUBNET, aksDoc("update-azure-cni")], {
    checked: "2026-11-22",
  }),
  dataplanes: sourced(["azure", "cilium"], aksDoc("azure-cni-powered-by-cilium"), { checked: "2026-11-22" }),
  windows: sourced(
    true,
    aksDoc("concepts-network-azure-cni-pod-subnet", "Windows Server 2019 is not supported; 2022 and 2025 are"),
    { checked: "2026-11-22" },
  ),
  virtualNodes: sourced(true, [aksDoc("virtual-nodes", "virtual nodes need Azure CNI")], {
    checked: "2026-11-22",
    derived: "virtual nodes are documented for Azure CNI without naming pod subnet modes",
  }),
  agic: sourced(true, aksDoc("concepts-network-cni-overview"), {
    checked: "2026-11-22",
    derived: "AGIC is documented for Azure CNI; the pod subnet modes are not named separately",
  }),
  applicationGatewayForContainers: sourced(true, aksDoc("concepts-network-cni-overview"), {
    checked: "2026-11-22",
    derived:
      "Application Gateway for Containers is documented for Azure CNI; the pod subnet modes are not named separately",
  }),
  dualStack: sourced(false, aksDoc("configure-dual-stack", "dual-stack requires Azure CNI Overlay"), {
    checked: "2026-11-22",
  }),
  retirement: NOT_RETIRING,
});
