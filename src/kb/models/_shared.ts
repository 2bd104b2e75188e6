/** Facts several models share, so each is written (and sourced) once. */
import { PLATFORM_LIMITS } from "../platform-limits.js";
import type { NodeLimit } from "../model.js";
import { aksDoc, sourced, type Sourced } from "../source.js";

export const CLUSTER_NODE_LIMIT: Sourced<NodeLimit> = sourced(
  { count: PLATFORM_LIMITS.nodesPerCluster.value, by: "platform" },
  PLATFORM_LIMITS.nodesPerCluster.source,
  { checked: PLATFORM_LIMITS.nodesPerCluster.checked },
);
export const MAX_PODS_250: Sourced<number> = PLATFORM_LIMITS.maxPodsPerNode;
export const MIN_MAX_PODS: Sourced<number> = PLATFORM_LIMITS.minMaxPods;
export const NOT_RETIRING: Sourced<string | null> = sourced(
  null,
  aksDoc("concepts-network-cni-overview", "no retirement announced"),
  { checked: "2026-11-22" },
);
export const VNET_IP_LIMIT: Sourced<number | null> = sourced(
  PLATFORM_LIMITS.vnetPrivateIps.value,
  [
    aksDoc("concepts-network-ip-address-planning", "65,536 private IPs per VNet: every pod takes one"),
    aksDoc("plan-pod-networking"),
  ],
  { checked: "2026-11-22" },
);
