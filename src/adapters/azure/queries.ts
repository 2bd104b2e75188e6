/**
 * The scan's Resource Graph queries (KQL), the same text `aksnet scan
 * --show-queries` prints for `az graph query`. Rows come back in the shapes
 * `records.ts` reads. Resource Graph's language limits (at most 3 mv-expand,
 * each at most 400 rows; pages of at most 1,000 rows):
 * https://learn.microsoft.com/azure/governance/resource-graph/concepts/query-language,
 * https://learn.microsoft.com/azure/governance/resource-graph/concepts/work-with-data (checked 2026-12-06).
 */
import { describeValue } from "../../ip/index.js";
import { MV_EXPAND_LIMIT } from "./estate.js";

/** A KQL string literal. Throws a RangeError sentence for a value from JavaScript that is not text. */
export function kqlString(s: string): string {
  if (typeof s !== "string") throw new RangeError(`a KQL string literal is made of text, not ${describeValue(s)}`);
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

const list = (xs: readonly string[]) => `(${xs.map(kqlString).join(", ")})`;

/**
 * The filter, checked: a value from JavaScript that is not one would widen the scan's scope if ignored, so the
 * builders throw a RangeError sentence for it (undefined and null are no filter).
 */
function filterOf<F extends object>(f: F | null | undefined, lists: readonly (keyof F & string)[]): Partial<F> {
  if (f === undefined || f === null) return {};
  if (typeof f !== "object" || Array.isArray(f))
    throw new RangeError(`a query filter is an object such as { ${lists.join(", ")} }, not ${describeValue(f)}`);
  for (const k of lists) {
    const v = f[k] as unknown;
    if (v !== undefined && !Array.isArray(v))
      throw new RangeError(`the query filter's ${k} must be a list, not ${describeValue(v)}`);
  }
  return f;
}

export interface ClusterFilter {
  readonly resourceGroups?: readonly string[];
  readonly clusters?: readonly string[];
  /**
   * Clusters whose `properties.nodeResourceGroup` is one of these
   * (how `inspect --azure` finds a cluster from its nodes).
   */
  readonly nodeResourceGroups?: readonly string[];
}

/** Every AKS cluster in scope, its whole ARM record (pools, network profile, node resource group). */
export function clustersQuery(filter: ClusterFilter = {}): string {
  const f = filterOf(filter, ["resourceGroups", "clusters", "nodeResourceGroups"]);
  const where = [
    "where type =~ 'microsoft.containerservice/managedclusters'",
    ...(f.resourceGroups?.length ? [`where resourceGroup in~ ${list(f.resourceGroups)}`] : []),
    ...(f.clusters?.length ? [`where name in~ ${list(f.clusters)}`] : []),
    ...(f.nodeResourceGroups?.length
      ? [`where tostring(properties.nodeResourceGroup) in~ ${list(f.nodeResourceGroups)}`]
      : []),
  ];
  return [
    "Resources",
    ...where,
    "project id, name, type, location, resourceGroup, subscriptionId, sku, properties",
    "order by id asc",
  ].join("\n| ");
}

/** Which VNets to read: these IDs, or every VNet in these resource groups (managed VNets in node resource groups). */
export interface VnetFilter {
  readonly ids?: readonly string[];
  /** `subscriptionId/resourceGroup` pairs, lower case. */
  readonly resourceGroups?: readonly { readonly subscriptionId: string; readonly resourceGroup: string }[];
}

function vnetWhere(filter: VnetFilter): string[] {
  const f = filterOf(filter, ["ids", "resourceGroups"]);
  const parts = [
    ...(f.ids?.length ? [`id in~ ${list(f.ids)}`] : []),
    ...(f.resourceGroups ?? []).map((g: unknown) => {
      const { subscriptionId, resourceGroup } = (typeof g === "object" && g !== null ? g : {}) as Record<
        string,
        string
      >;
      return `(subscriptionId =~ ${kqlString(subscriptionId!)} and resourceGroup =~ ${kqlString(resourceGroup!)})`;
    }),
  ];
  return [
    "where type =~ 'microsoft.network/virtualnetworks'",
    ...(parts.length ? [`where ${parts.join(" or ")}`] : []),
  ];
}

/** VNets: address space, peerings and how many subnets they have (the subnets come from `subnetsQuery`). */
export function vnetsQuery(f: VnetFilter = {}): string {
  return [
    "Resources",
    ...vnetWhere(f),
    "project id, name, type, location, resourceGroup, subscriptionId, addressSpace = properties.addressSpace, " +
      "virtualNetworkPeerings = properties.virtualNetworkPeerings, subnetCount = array_length(properties.subnets)",
    "order by id asc",
  ].join("\n| ");
}

/**
 * One row per subnet: its prefixes, delegations and the number of IP
 * configurations and private endpoints on it (the arrays themselves stay in Azure: an Azure CNI node
 * subnet lists one per pod address).
 */
export function subnetsQuery(f: VnetFilter = {}): string {
  return [
    "Resources",
    ...vnetWhere(f),
    `mv-expand subnet = properties.subnets limit ${MV_EXPAND_LIMIT}`,
    "project vnetId = id, subnetId = tostring(subnet.id), name = tostring(subnet.name), " +
      "addressPrefix = tostring(subnet.properties.addressPrefix), " +
      "addressPrefixes = subnet.properties.addressPrefixes, " +
      "delegations = subnet.properties.delegations, " +
      "ipConfigurations = array_length(subnet.properties.ipConfigurations), " +
      "privateEndpoints = array_length(subnet.properties.privateEndpoints)",
    "order by subnetId asc",
  ].join("\n| ");
}

/** The REST read for each VNet's subnet usage (one GET per VNet; what `az network vnet list-usage` calls). */
export const USAGE_PATH =
  "GET /subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network" +
  "/virtualNetworks/{vnet}/usages";
