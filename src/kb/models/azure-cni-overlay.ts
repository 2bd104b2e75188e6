/**
 * Azure CNI Overlay: nodes in the VNet, pods in a private pod CIDR, one /24 per node; Microsoft's recommended default.
 */
import { defineModel } from "../model.js";
import { aksDoc, aksRelease, sourced } from "../source.js";
import { CLUSTER_NODE_LIMIT, MAX_PODS_250, MIN_MAX_PODS, NOT_RETIRING } from "./_shared.js";

const OVERLAY = aksDoc("concepts-network-azure-cni-overlay");

export const azureCniOverlay = defineModel({
  id: "azure-cni-overlay",
  title: "Azure CNI Overlay",
  config: { plugin: "azure", pluginMode: "overlay", podSubnet: false },
  status: sourced("recommended", [aksDoc("plan-pod-networking"), aksDoc("concepts-network-cni-overview")], {
    checked: "2026-11-22",
  }),
  nodeAddresses: sourced("one address each from the node subnet", OVERLAY, { checked: "2026-11-22" }),
  podAddresses: sourced(
    "a private pod CIDR (default 10.244.0.0/16); each node gets a fixed /24 of it, whatever maxPods is",
    OVERLAY,
    { checked: "2026-11-22" },
  ),
  podAddressing: sourced({ kind: "pod-cidr-block", bits: 24 }, [OVERLAY, aksDoc("azure-cni-overlay")], {
    checked: "2026-11-22",
  }),
  routing: sourced(
    "overlay-snat",
    aksDoc(
      "concepts-network-azure-cni-overlay",
      "a separate routing domain, no UDRs; traffic leaving the pod CIDR is SNAT'd to the node IP",
    ),
    { checked: "2026-11-22" },
  ),
  podsRoutable: sourced(false, OVERLAY, { checked: "2026-12-07" }),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(250, OVERLAY, { checked: "2026-11-22" }),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: sourced(
    null,
    aksDoc(
      "concepts-network-azure-cni-overlay",
      "the maximum node and per-node pod values are independent limits; don't multiply them to determine aggregate " +
        "pod capacity",
    ),
    {
      checked: "2026-12-06",
      derived:
        "no hard per-cluster pod limit: nodes (5,000) and pods per node (250) are the limits; the 200,000 of the " +
        "scale guide is a control-plane scale target whose crossing degrades performance rather than failing",
      alternatives: [
        {
          value: 200_000,
          source: [
            aksDoc(
              "best-practices-performance-scale-large",
              "Standard/Premium control plane scales to 200,000 pods per cluster with Azure CNI Overlay; crossing it " +
                "degrades performance",
            ),
          ],
          note:
            "the large-cluster guide names 200,000 pods per cluster as the control plane's scale target, not a " +
            "hard limit",
        },
        {
          value: 250_000,
          source: [aksDoc("plan-pod-networking", "up to 5,000 nodes and 250,000 pods")],
          note: "plan-pod-networking quotes 250,000 pods",
        },
      ],
    },
  ),
  networkPolicies: sourced(
    ["azure", "calico", "cilium"],
    aksDoc("concepts-network-azure-cni-overlay", "Cilium (recommended), or Calico or Azure NPM on the Azure dataplane"),
    { checked: "2026-12-07" },
  ),
  dataplanes: sourced(["azure", "cilium"], aksDoc("azure-cni-powered-by-cilium"), { checked: "2026-12-07" }),
  windows: sourced(true, [OVERLAY, aksRelease("2026-05-29")], {
    checked: "2026-12-07",
    derived: "Windows Server 2022 and 2025; 2019 retired 1 March 2026",
  }),
  virtualNodes: sourced(false, [OVERLAY, aksDoc("virtual-nodes")], {
    checked: "2026-12-07",
    derived: "the Overlay page sends users who need virtual nodes to flat networking; no explicit statement",
  }),
  agic: sourced(
    true,
    [
      aksRelease("2025-08-29"),
      aksDoc(
        "concepts-network-cni-overview",
        "feature table: Windows node pools, AGIC, Application Gateway for Containers",
      ),
    ],
    { checked: "2026-12-07" },
  ),
  applicationGatewayForContainers: sourced(true, [aksRelease("2025-08-29"), aksDoc("concepts-network-cni-overview")], {
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
  dualStack: sourced(true, aksDoc("configure-dual-stack"), { checked: "2026-12-07" }),
  retirement: NOT_RETIRING,
});
