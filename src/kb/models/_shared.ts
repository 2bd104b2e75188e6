/** Facts several models share, so each is written (and sourced) once. */
import { PLATFORM_LIMITS } from "../platform-limits.js";
import type { NodeLimit } from "../model.js";
import { aksDoc, page, sourced, type Sourced } from "../source.js";

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

/** The commit that last rewrote the dynamic-allocation page's max-pods table (Pod Subnet: 250). */
export const DYNAMIC_TABLE_EDIT = page(
  "https://github.com/MicrosoftDocs/azure-aks-docs/commit/c42ddcab9",
  "2025-07-22: the max-pods table row renamed to 'Azure CNI Pod Subnet - Dynamic IP Allocation', default kept at 250",
);
/** The commit that last changed the IP planning page's Pod Subnet max-pods row (110). */
export const IP_PLANNING_TABLE_EDIT = page(
  "https://github.com/MicrosoftDocs/azure-aks-docs/commit/a52211907",
  "2024-05-30: the 'Azure CNI Pod subnet | 110' row, unchanged since; the page's 2026 date comes from a service CIDR " +
    "edit",
);
/** Why Pod Subnet's default max pods is 250 and not 110. */
export const POD_SUBNET_DEFAULT_MAX_PODS_DECISION =
  "Microsoft states both: the dynamic-allocation page says 250 (its table row last rewritten 2025-07-22), the IP " +
  "planning page says 110 (its row last changed 2024-05-30; the page's 2026 date is a service-CIDR edit). The " +
  "newer statement of this value, on the mode's own page, is 250; outputs also show what 110 would mean";
