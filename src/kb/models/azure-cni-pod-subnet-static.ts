/**
 * Azure CNI Pod Subnet, static block allocation: each node gets whole /28 blocks of its pod subnet for its lifetime.
 */
import { defineModel } from "../model.js";
import { aksDoc, sourced, type Sourced } from "../source.js";
import {
  CLUSTER_NODE_LIMIT,
  DYNAMIC_TABLE_EDIT,
  IP_PLANNING_TABLE_EDIT,
  MAX_PODS_250,
  MIN_MAX_PODS,
  NOT_RETIRING,
  POD_SUBNET_DEFAULT_MAX_PODS_DECISION,
} from "./_shared.js";

const STATIC = aksDoc("configure-azure-cni-static-block-allocation");
const POD_SUBNET = aksDoc("concepts-network-azure-cni-pod-subnet");

/** The oldest Kubernetes version (major.minor) a static block pool runs. */
export const STATIC_BLOCK_MIN_KUBERNETES: Sourced<string> = sourced(
  "1.28",
  aksDoc("configure-azure-cni-static-block-allocation", "Limitations: Minimum Kubernetes Version required is 1.28"),
  { checked: "2026-12-07" },
);

export const azureCniPodSubnetStatic = defineModel({
  id: "azure-cni-pod-subnet-static",
  title: "Azure CNI Pod Subnet (static block)",
  config: { plugin: "azure", podSubnet: true, podIpAllocation: "StaticBlock" },
  status: sourced("recommended", [aksDoc("plan-pod-networking"), STATIC], { checked: "2026-11-22" }),
  nodeAddresses: sourced("one address each from the node subnet", STATIC, { checked: "2026-11-22" }),
  podAddresses: sourced(
    "a separate pod subnet in the same VNet, in /28 blocks: ceil((maxPods+1)/16) per node, kept for the node's " +
      "lifetime",
    STATIC,
    { checked: "2026-11-22" },
  ),
  podAddressing: sourced({ kind: "pod-subnet-block", bits: 28 }, [STATIC, POD_SUBNET], { checked: "2026-11-22" }),
  routing: sourced("direct", [STATIC, POD_SUBNET], { checked: "2026-11-22" }),
  podsRoutable: sourced(true, POD_SUBNET, { checked: "2026-12-07" }),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(250, [aksDoc("configure-azure-cni-dynamic-ip-allocation"), DYNAMIC_TABLE_EDIT], {
    checked: "2026-12-06",
    derived:
      `the static block page names no default; the Pod Subnet default is used. ` +
      `${POD_SUBNET_DEFAULT_MAX_PODS_DECISION}`,
    alternatives: [
      {
        value: 110,
        source: [
          aksDoc("concepts-network-ip-address-planning", "table of default maximum pods: Azure CNI Pod subnet 110"),
          IP_PLANNING_TABLE_EDIT,
        ],
        note: "the IP planning table gives 110 for Pod Subnet: 7 blocks per node instead of 16",
      },
    ],
  }),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: sourced(1_000_000, STATIC, {
    checked: "2026-11-22",
    derived: "blocks, not addresses, count against the VNet's 65,536 private IPs: 'up to about 1 million pods'",
  }),
  networkPolicies: sourced(["azure", "calico", "cilium"], STATIC, { checked: "2026-12-07" }),
  dataplanes: sourced(["azure", "cilium"], [aksDoc("azure-cni-powered-by-cilium"), STATIC], { checked: "2026-12-07" }),
  windows: sourced(
    true,
    [
      aksDoc("concepts-network-cni-overview", "feature table: Windows node pools supported with Azure CNI Pod Subnet"),
      aksDoc("concepts-network-azure-cni-pod-subnet", "static block limitations: Windows 2019 nodes are not supported"),
    ],
    { checked: "2026-12-07", derived: "Windows Server 2022 and 2025 (2019, not supported here, retired 1 March 2026)" },
  ),
  virtualNodes: sourced(false, STATIC, {
    checked: "2026-12-07",
    derived: "not listed as supported with static block allocation",
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
    false,
    [
      aksDoc(
        "configure-azure-cni-static-block-allocation",
        "exposing an application as a Private Link Service using a Kubernetes Load Balancer Service isn't supported",
      ),
      POD_SUBNET,
    ],
    { checked: "2026-12-07" },
  ),
  dualStack: sourced(false, aksDoc("configure-dual-stack", "dual-stack requires Azure CNI Overlay"), {
    checked: "2026-12-07",
  }),
  retirement: NOT_RETIRING,
});
