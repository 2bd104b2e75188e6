/** Azure CNI Pod Subnet, dynamic IP allocation: pods take addresses from their own subnet in batches of 16. */
import { defineModel } from "../model.js";
import { aksDoc, page, repoFile, sourced } from "../source.js";
import {
  CLUSTER_NODE_LIMIT,
  DYNAMIC_TABLE_EDIT,
  IP_PLANNING_TABLE_EDIT,
  MAX_PODS_250,
  MIN_MAX_PODS,
  NOT_RETIRING,
  POD_SUBNET_DEFAULT_MAX_PODS_DECISION,
} from "./_shared.js";

const DYNAMIC = aksDoc("configure-azure-cni-dynamic-ip-allocation", "maximum pods per node: default 250");
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
    {
      kind: "pod-subnet-batch",
      batch: 16,
      minFree: 8,
      releaseAbove: 24,
      requestCap: 250,
      requestCapIsMaxPods: true,
      primaryIpsPerNode: 1,
    },
    [
      aksDoc(
        "configure-azure-cni-dynamic-ip-allocation",
        "a node asks for 16 IPs at start and 16 more when fewer than 8 are free",
      ),
      repoFile(
        "Azure/azure-container-networking:docs/feature/ipammath/1-ipam-math.md",
        "request = batch × ceil(minFreeFraction + used/batch): 16 × ceil(0.5 + used/16)",
      ),
      repoFile(
        "Azure/azure-container-networking:cns/ipampool/v2/monitor.go",
        "the request is clamped at max = min(NNC scaler maxIPCount, DefaultMaxIPs 250)",
      ),
      repoFile(
        "Azure/azure-container-networking:cns/ipampool/monitor.go",
        "v1 monitor: never requests more than the scaler's maxIPCount",
      ),
      page(
        "https://github.com/Azure/azure-container-networking/pull/843",
        "'don't let CNS ask for more IPs than node limit': the cap is the node's pod capacity (maxPodIPCount)",
      ),
      repoFile(
        "Azure/azure-container-networking:cns/kubecontroller/nodenetworkconfig/conversion.go",
        "a dynamic network container's primary IP is an address of the pod subnet",
      ),
    ],
    {
      checked: "2026-12-07",
      derived:
        "a node's request never exceeds its IP limit, min(maxPods, 250), so a full node holds at most maxPods " +
        "pod-subnet addresses plus its network container's primary IP: maxPods + 1 (251 at 250 max pods, 31 at " +
        "30), never the batch-rounded 16·ceil((maxPods+8)/16)",
      alternatives: [
        {
          value: {
            kind: "pod-subnet-batch",
            batch: 16,
            minFree: 8,
            releaseAbove: 24,
            requestCap: 250,
            requestCapIsMaxPods: false,
            primaryIpsPerNode: 1,
          },
          source: [repoFile("Azure/azure-container-networking:cns/ipampool/v2/monitor.go")],
          note:
            "if the control plane set the node's maxIPCount to 250 whatever its max pods, a full node would hold " +
            "min(16·ceil((maxPods+8)/16), 250) + 1: the same 251 at 250 max pods, 49 at 30",
        },
      ],
    },
  ),
  routing: sourced(
    "direct",
    [aksDoc("concepts-network-legacy-cni", "FAQ: the pod IP is preserved end to end"), POD_SUBNET],
    { checked: "2026-11-22" },
  ),
  podsRoutable: sourced(true, POD_SUBNET, { checked: "2026-12-07" }),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(250, [DYNAMIC, DYNAMIC_TABLE_EDIT], {
    checked: "2026-12-06",
    derived: POD_SUBNET_DEFAULT_MAX_PODS_DECISION,
    alternatives: [
      {
        value: 110,
        source: [
          aksDoc("concepts-network-ip-address-planning", "table of default maximum pods: Azure CNI Pod subnet 110"),
          IP_PLANNING_TABLE_EDIT,
        ],
        note:
          "the IP planning table gives 110 for Pod Subnet; with 110, each node holds fewer pods and needs fewer " +
          "pod-subnet addresses",
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
    {
      checked: "2026-12-06",
      alternatives: [
        {
          value: 50_000,
          source: [
            aksDoc(
              "best-practices-performance-scale-large",
              "Azure CNI with dynamic IP allocation: scale up to 50,000 application pods per cluster",
            ),
          ],
          note:
            "the large-cluster guide names 50,000 application pods per cluster as the scale target for dynamic " +
            "allocation",
        },
      ],
    },
  ),
  networkPolicies: sourced(["azure", "calico", "cilium"], [POD_SUBNET, aksDoc("update-azure-cni")], {
    checked: "2026-12-07",
  }),
  dataplanes: sourced(["azure", "cilium"], aksDoc("azure-cni-powered-by-cilium"), { checked: "2026-12-07" }),
  windows: sourced(
    true,
    [
      aksDoc("concepts-network-cni-overview", "feature table: Windows node pools supported with Azure CNI Pod Subnet"),
      aksDoc("concepts-network-azure-cni-pod-subnet", "names no Windows limit for dynamic allocation"),
    ],
    { checked: "2026-12-07" },
  ),
  virtualNodes: sourced(true, [aksDoc("virtual-nodes", "virtual nodes need Azure CNI")], {
    checked: "2026-12-07",
    derived: "virtual nodes are documented for Azure CNI without naming pod subnet modes",
  }),
  agic: sourced(true, aksDoc("concepts-network-cni-overview"), {
    checked: "2026-12-07",
    derived: "AGIC is documented for Azure CNI; the pod subnet modes are not named separately",
  }),
  applicationGatewayForContainers: sourced(true, aksDoc("concepts-network-cni-overview"), {
    checked: "2026-12-07",
    derived:
      "Application Gateway for Containers is documented for Azure CNI; the pod subnet modes are not named separately",
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
  dualStack: sourced(false, aksDoc("configure-dual-stack", "dual-stack requires Azure CNI Overlay"), {
    checked: "2026-12-07",
  }),
  retirement: NOT_RETIRING,
});
