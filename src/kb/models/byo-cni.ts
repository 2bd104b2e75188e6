/** Bring your own CNI (`--network-plugin none`): AKS installs no CNI; the customer's CNI decides pod addressing. */
import { defineModel } from "../model.js";
import { aksDoc, repoFile, sourced } from "../source.js";
import { CLUSTER_NODE_LIMIT, MAX_PODS_250, MIN_MAX_PODS, NOT_RETIRING } from "./_shared.js";

const BYO = aksDoc("use-byo-cni");

export const byoCni = defineModel({
  id: "byo-cni",
  title: "Bring your own CNI",
  config: { plugin: "none", podSubnet: false },
  status: sourced("customer-managed", aksDoc("use-byo-cni", "Microsoft doesn't support CNI-related issues"), {
    checked: "2026-11-22",
  }),
  nodeAddresses: sourced("one address each from the node subnet", BYO, { checked: "2026-11-22" }),
  podAddresses: sourced("decided by your CNI; AKS still takes a pod CIDR to route to pods", BYO, {
    checked: "2026-11-22",
  }),
  podAddressing: sourced({ kind: "cni-defined" }, BYO, { checked: "2026-11-22" }),
  routing: sourced("cni-defined", BYO, { checked: "2026-11-22" }),
  podsRoutable: sourced(false, BYO, {
    checked: "2026-12-07",
    derived: "depends on the CNI; AKS creates no route table",
  }),
  maxNodes: CLUSTER_NODE_LIMIT,
  maxPodsPerNode: MAX_PODS_250,
  defaultMaxPods: sourced(
    250,
    repoFile("Azure/azure-cli-extensions:src/aks-preview/azext_aks_preview/_help.py", "--max-pods: 250 for none"),
    { checked: "2026-11-22" },
  ),
  minMaxPods: MIN_MAX_PODS,
  maxPodsPerCluster: sourced(null, BYO, { checked: "2026-11-22", derived: "depends on the CNI" }),
  networkPolicies: sourced([], BYO, {
    checked: "2026-12-07",
    derived: "AKS manages no policy engine; your CNI may bring one",
  }),
  dataplanes: sourced(
    [],
    aksDoc("azure-cni-powered-by-cilium", "Azure-managed Cilium runs on the Azure CNI modes only"),
    { checked: "2026-12-07" },
  ),
  windows: sourced(false, BYO, { checked: "2026-12-07", derived: "no Windows support is documented for BYO CNI" }),
  virtualNodes: sourced(false, BYO, { checked: "2026-12-07", derived: "virtual nodes need Azure CNI" }),
  agic: sourced(false, BYO, { checked: "2026-12-07", derived: "not documented for BYO CNI" }),
  applicationGatewayForContainers: sourced(false, BYO, {
    checked: "2026-12-07",
    derived: "not documented for BYO CNI",
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
  dualStack: sourced(false, BYO, {
    checked: "2026-12-07",
    derived: "AKS-managed dual-stack requires Azure CNI Overlay; your CNI may do its own",
  }),
  retirement: NOT_RETIRING,
});
