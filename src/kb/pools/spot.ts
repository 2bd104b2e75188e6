/** Spot node pools: evictable VMs; their limits where they differ from a regular pool. */
import { aksDoc, repoFile, sourced } from "../source.js";

const C = { checked: "2026-12-06" } as const;
const SPOT = (note: string) => aksDoc("spot-node-pool", note);

export const SPOT_POOL = {
  /** A Spot pool can't be the default (first, system) pool. */
  systemPool: sourced(
    false,
    SPOT("A Spot node pool can't be a default node pool, it can only be used as a secondary pool"),
    C,
  ),
  /** Spot upgrades cordon and evict without surge nodes: no extra addresses. */
  surgeNodes: sourced(0, SPOT("There are no surge nodes available for Spot node pool upgrades"), C),
  /** Priority and eviction policy are fixed at creation. */
  priorityFixed: sourced(true, SPOT("You can't change ScaleSetPriority or SpotMaxPrice after creation"), C),
  /**
   * How a Spot pool is asked for (ARM agent pool properties): priority Spot, eviction policy Delete (the default;
   * Deallocate keeps the disks and their quota) and max price -1 (up to the on-demand price, never evicted for
   * price).
   */
  create: sourced(
    { priority: "Spot", evictionPolicy: "Delete", spotMaxPrice: -1 },
    SPOT("az aks nodepool add --priority Spot --eviction-policy Delete --spot-max-price -1"),
    { checked: "2026-12-07" },
  ),
  /** The label and taint AKS puts on every Spot node; system pods have anti-affinity to it. */
  labelAndTaint: sourced(
    {
      label: "kubernetes.azure.com/scalesetpriority=spot",
      taint: "kubernetes.azure.com/scalesetpriority=spot:NoSchedule",
    },
    SPOT("Spot nodes get the label kubernetes.azure.com/scalesetpriority:spot and the taint ...=spot:NoSchedule"),
    { checked: "2026-12-07" },
  ),
  /** azurerm asks a Spot pool to state the label and taint AKS adds, so that a plan shows no change afterwards. */
  terraform: sourced(
    "priority, eviction_policy, spot_max_price, node_labels and node_taints",
    repoFile(
      "hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_cluster_node_pool.html.markdown",
      "When setting priority to Spot - you must configure an eviction_policy, spot_max_price and add the " +
        "applicable node_labels and node_taints",
    ),
    { checked: "2026-12-07" },
  ),
} as const;
