/**
 * An estate snapshot: what Azure says about the clusters in scope and the
 * subnets their pools use, read by `adapters/azure` (Resource Graph, the VNet
 * usage API, or saved `az` JSON). The scan engine takes this shape; it does no
 * I/O and trusts nothing in it without a check (`snapshotProblems`).
 */

/** A node pool as the cluster's ARM record names it. */
export interface EstatePool {
  readonly name: string;
  /** `vnetSubnetID`: the node subnet; absent on a managed (AKS-created) VNet. */
  readonly subnetId?: string | undefined;
  /** `podSubnetID`: the pod subnet (Azure CNI pod subnet models). */
  readonly podSubnetId?: string | undefined;
  /** `powerState.code` (Running, Stopped). */
  readonly powerState?: string | undefined;
  readonly provisioningState?: string | undefined;
}

/** An AKS cluster in scope. */
export interface EstateCluster {
  /** The ARM resource ID as Azure writes it. */
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location?: string | undefined;
  /** `properties.nodeResourceGroup`, where AKS puts a managed VNet. */
  readonly nodeResourceGroup?: string | undefined;
  readonly provisioningState?: string | undefined;
  readonly powerState?: string | undefined;
  readonly pools: readonly EstatePool[];
  /** `properties.apiServerAccessProfile`; undefined when the record has none. */
  readonly apiServer?: EstateApiServer | undefined;
}

/** The API server's access profile as the record states it (ManagedClusterAPIServerAccessProfile). */
export interface EstateApiServer {
  /** `enableVnetIntegration`: API Server VNet Integration. */
  readonly vnetIntegration: boolean;
  /** `subnetId`: the delegated API server subnet. */
  readonly subnetId?: string | undefined;
  /** `enablePrivateCluster`. */
  readonly private: boolean;
  /** `authorizedIPRanges`: the CIDRs allowed to reach a public API server. */
  readonly authorizedIpRanges: readonly string[];
}

/** The VNet usage API's figures for one subnet (`virtualNetworks/usages`, name `SubnetSpace`). */
export interface SubnetUsage {
  /** `currentValue`: addresses in use, as the Network resource provider counts them. */
  readonly used: number;
  /**
   * `limit`: the subnet's usable addresses (its size less Azure's 5);
   * -1 where Azure gives no figure (GatewaySubnet).
   */
  readonly limit: number;
}

export interface EstateSubnet {
  /** The ARM resource ID as Azure writes it. */
  readonly id: string;
  readonly name: string;
  /** `addressPrefix` or `addressPrefixes`, as written. */
  readonly prefixes: readonly string[];
  /** Service names the subnet is delegated to. */
  readonly delegations: readonly string[];
  /** How many IP configurations Azure lists on the subnet (Resource Graph or `az network vnet list`). */
  readonly ipConfigurations?: number | undefined;
  /** How many private endpoints Azure lists in the subnet (`privateEndpoints`), when the record has the list. */
  readonly privateEndpoints?: number | undefined;
  /** The VNet usage API's figures, when they were read. */
  readonly usage?: SubnetUsage | undefined;
}

export interface EstateVnet {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location?: string | undefined;
  readonly addressSpace: readonly string[];
  readonly peerings: readonly { readonly name: string; readonly remoteAddressSpace: readonly string[] }[];
  readonly subnets: readonly EstateSubnet[];
  /** How many subnets Azure says the VNet has, when fewer were read. */
  readonly subnetCount?: number | undefined;
}

/** Something the read could not get, said exactly. */
export interface Missing {
  /** What was not read, e.g. `usage of VNet vnet-hub` or `subscription 0000…`. */
  readonly what: string;
  /** The resource or subscription ID, when there is one. */
  readonly id?: string | undefined;
  /** Why, in one sentence (HTTP status and Azure's error code where known). */
  readonly reason: string;
}

export interface EstateSnapshot {
  readonly clusters: readonly EstateCluster[];
  readonly vnets: readonly EstateVnet[];
  readonly missing: readonly Missing[];
}

/** A problem with the snapshot itself (a library caller's input): reported, the entry left out. */
export interface SnapshotProblem {
  readonly path: string;
  readonly message: string;
}

const isStr = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= -1;
const isStrList = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

function clusterProblem(c: unknown): string | undefined {
  if (typeof c !== "object" || c === null) return "is not an object";
  const o = c as Record<string, unknown>;
  for (const k of ["id", "name", "subscriptionId", "resourceGroup"] as const)
    if (!isStr(o[k])) return `has no ${k} (a non-empty string)`;
  if (!Array.isArray(o["pools"])) return "has no pools list";
  for (const p of o["pools"] as unknown[]) {
    if (typeof p !== "object" || p === null || !isStr((p as Record<string, unknown>)["name"]))
      return "has a pool without a name";
  }
  return undefined;
}

function subnetProblem(s: unknown): string | undefined {
  if (typeof s !== "object" || s === null) return "is not an object";
  const o = s as Record<string, unknown>;
  if (!isStr(o["id"]) || !isStr(o["name"])) return "has no id or name";
  if (!isStrList(o["prefixes"]) || !isStrList(o["delegations"])) return "has no prefixes or delegations list";
  if (o["ipConfigurations"] !== undefined && !isCount(o["ipConfigurations"]))
    return "has an ipConfigurations count that is not a whole number";
  const u = o["usage"] as Record<string, unknown> | undefined;
  if (u !== undefined && (typeof u !== "object" || u === null || !isCount(u["used"]) || !isCount(u["limit"])))
    return "has a usage that is not two whole numbers (used, limit)";
  return undefined;
}

function vnetProblem(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return "is not an object";
  const o = v as Record<string, unknown>;
  for (const k of ["id", "name", "subscriptionId", "resourceGroup"] as const)
    if (!isStr(o[k])) return `has no ${k} (a non-empty string)`;
  if (!isStrList(o["addressSpace"]) || !Array.isArray(o["peerings"]) || !Array.isArray(o["subnets"]))
    return "has no addressSpace, peerings or subnets list";
  return undefined;
}

/**
 * The snapshot's well-formed parts and a problem for each entry left out, so a
 * library caller's bad input is data, never a throw.
 */
export function checkSnapshot(s: unknown): { snapshot: EstateSnapshot; problems: SnapshotProblem[] } {
  const problems: SnapshotProblem[] = [];
  const o = (typeof s === "object" && s !== null ? s : {}) as Record<string, unknown>;
  const list = (k: string): unknown[] => {
    if (Array.isArray(o[k])) return o[k] as unknown[];
    problems.push({ path: k, message: `the snapshot has no ${k} list` });
    return [];
  };
  const clusters = list("clusters").filter((c, i) => {
    const p = clusterProblem(c);
    if (p) problems.push({ path: `clusters[${i}]`, message: `cluster ${p}; it is left out` });
    return !p;
  }) as EstateCluster[];
  const vnets = (
    list("vnets").filter((v, i) => {
      const p = vnetProblem(v);
      if (p) problems.push({ path: `vnets[${i}]`, message: `VNet ${p}; it is left out` });
      return !p;
    }) as EstateVnet[]
  ).map((v, i) => ({
    ...v,
    subnets: v.subnets.filter((sn, j) => {
      const p = subnetProblem(sn);
      if (p) problems.push({ path: `vnets[${i}].subnets[${j}]`, message: `subnet ${p}; it is left out` });
      return !p;
    }),
  }));
  const missing = (Array.isArray(o["missing"]) ? o["missing"] : []).filter(
    (m): m is Missing =>
      typeof m === "object" && m !== null && isStr((m as Missing).what) && isStr((m as Missing).reason),
  );
  return { snapshot: { clusters, vnets, missing }, problems };
}
