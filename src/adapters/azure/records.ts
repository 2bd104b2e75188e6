/**
 * Azure's JSON → the scan's estate pieces. One reader per kind, each taking every
 * shape the kind comes in: the ARM/REST shape (fields under `properties`,
 * `vnetSubnetID`) as Resource Graph and the REST API return it, the az CLI's
 * flattened shape (`vnetSubnetId`, `addressPrefix` beside `name`), and the rows
 * of the scan's own Resource Graph queries (`queries.ts`).
 * Field names: Azure/azure-rest-api-specs:specification/containerservice/…/managedClusters.json,
 * …/network/…/virtualNetwork.json (checked 2026-12-06).
 */
import type {
  EstateApiServer,
  EstateCluster,
  EstatePool,
  EstateSubnet,
  EstateVnet,
  SubnetUsage,
} from "../../engines/scan/index.js";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A field by name, any case (ARM writes `vnetSubnetID`, the az CLI `vnetSubnetId`). */
export function field(o: unknown, name: string): unknown {
  if (!isObj(o)) return undefined;
  if (name in o) return o[name];
  const want = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === want) return o[k];
  return undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The object a resource's fields live in: `properties` when there is one (ARM), else the object itself (az CLI). */
export const body = (o: unknown): unknown => (isObj(field(o, "properties")) ? field(o, "properties") : o);

export interface ResourceId {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
}

/**
 * `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/…]` → its
 * parts; undefined when it is not one.
 */
export function parseResourceId(id: unknown): ResourceId | undefined {
  if (typeof id !== "string") return undefined;
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)/i.exec(id);
  return m ? { subscriptionId: m[1]!, resourceGroup: m[2]!, name: m[3]! } : undefined;
}

/** The VNet ID of a subnet ID (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`). */
export function vnetIdOf(subnetId: string): string | undefined {
  if (typeof subnetId !== "string") return undefined; // a value from JavaScript: an array would be joined first
  const m = /^(.*\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(subnetId);
  return m ? m[1] : undefined;
}

const TYPES = {
  cluster: "microsoft.containerservice/managedclusters",
  vnet: "microsoft.network/virtualnetworks",
} as const;

const typeOf = (o: unknown) => str(field(o, "type"))?.toLowerCase();

export type RowKind = "cluster" | "vnet" | "subnet-row" | "usage";

/** What a row is, or undefined when it is none of the kinds the scan reads. */
export function kindOf(row: unknown): RowKind | undefined {
  if (!isObj(row)) return undefined;
  const t = typeOf(row);
  if (t === TYPES.cluster) return "cluster";
  if (t === TYPES.vnet) return "vnet";
  if (str(field(row, "subnetId")) && str(field(row, "vnetId"))) return "subnet-row";
  if (typeof field(row, "currentValue") === "number" && typeof field(row, "limit") === "number") return "usage";
  const b = body(row);
  if (field(b, "agentPoolProfiles") !== undefined || field(b, "networkProfile") !== undefined) return "cluster";
  if (field(b, "addressSpace") !== undefined) return "vnet";
  return undefined;
}

const code = (v: unknown): string | undefined => str(field(v, "code")) ?? str(v);

function poolOf(p: unknown): EstatePool | undefined {
  const name = str(field(p, "name"));
  if (!name) return undefined;
  const b = body(p);
  return {
    name,
    subnetId: str(field(b, "vnetSubnetID")),
    podSubnetId: str(field(b, "podSubnetID")),
    powerState: code(field(b, "powerState")),
    provisioningState: str(field(b, "provisioningState")),
  };
}

/**
 * A managed cluster record (ARM, Resource Graph or `az aks show/list`) → the
 * scan's cluster; undefined without an ID.
 */
export function clusterOf(row: unknown): EstateCluster | undefined {
  const id = parseResourceId(field(row, "id"));
  const name = str(field(row, "name")) ?? id?.name;
  if (!id || !name) return undefined;
  const b = body(row);
  const pools = field(b, "agentPoolProfiles");
  return {
    id: field(row, "id") as string,
    name,
    subscriptionId: str(field(row, "subscriptionId")) ?? id.subscriptionId,
    resourceGroup: str(field(row, "resourceGroup")) ?? id.resourceGroup,
    location: str(field(row, "location")),
    nodeResourceGroup: str(field(b, "nodeResourceGroup")),
    provisioningState: str(field(b, "provisioningState")),
    powerState: code(field(b, "powerState")),
    pools: Array.isArray(pools) ? pools.flatMap((p) => poolOf(p) ?? []) : [],
    apiServer: apiServerOf(field(b, "apiServerAccessProfile")),
  };
}

/** `apiServerAccessProfile` (ARM and az CLI spell it alike; az writes `authorizedIpRanges`). */
function apiServerOf(a: unknown): EstateApiServer | undefined {
  if (!isObj(a)) return undefined;
  return {
    vnetIntegration: field(a, "enableVnetIntegration") === true,
    subnetId: str(field(a, "subnetId")),
    private: field(a, "enablePrivateCluster") === true,
    authorizedIpRanges: strList(field(a, "authorizedIPRanges")),
  };
}

function prefixesOf(o: unknown): string[] {
  const many = strList(field(o, "addressPrefixes"));
  if (many.length) return many;
  const one = str(field(o, "addressPrefix"));
  return one ? [one] : [];
}

function delegationsOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((d) => str(field(body(d), "serviceName")) ?? str(field(d, "serviceName")) ?? []);
}

/** A subnet inside a VNet record (ARM or az shape), its IP configurations counted. */
export function subnetOf(s: unknown): EstateSubnet | undefined {
  const id = str(field(s, "id"));
  const name = str(field(s, "name"));
  if (!id || !name) return undefined;
  const b = body(s);
  const ipc = field(b, "ipConfigurations");
  const pe = field(b, "privateEndpoints");
  return {
    id,
    name,
    prefixes: prefixesOf(b),
    delegations: delegationsOf(field(b, "delegations")),
    ...(Array.isArray(ipc) ? { ipConfigurations: ipc.length } : {}),
    ...(Array.isArray(pe) ? { privateEndpoints: pe.length } : {}),
  };
}

/** A row of the scan's subnet query (`vnetId`, `subnetId`, `name`, prefixes, `ipConfigurations` as a count). */
export function subnetRowOf(row: unknown): { vnetId: string; subnet: EstateSubnet } | undefined {
  const vnetId = str(field(row, "vnetId"));
  const id = str(field(row, "subnetId"));
  const name = str(field(row, "name")) ?? id?.split("/").pop();
  if (!vnetId || !id || !name) return undefined;
  const n = field(row, "ipConfigurations");
  const pe = field(row, "privateEndpoints");
  return {
    vnetId,
    subnet: {
      id,
      name,
      prefixes: prefixesOf(row),
      delegations: delegationsOf(field(row, "delegations")),
      ...(typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? { ipConfigurations: n } : {}),
      ...(typeof pe === "number" && Number.isSafeInteger(pe) && pe >= 0 ? { privateEndpoints: pe } : {}),
    },
  };
}

function peeringsOf(v: unknown): EstateVnet["peerings"] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((p, i) => {
    const remote = prefixesOf(field(body(p), "remoteAddressSpace"));
    return remote.length ? [{ name: str(field(p, "name")) ?? `peering-${i}`, remoteAddressSpace: remote }] : [];
  });
}

/**
 * A VNet record (ARM, Resource Graph row or `az network vnet show/list`) → the
 * scan's VNet with the subnets it carries.
 */
export function vnetOf(row: unknown): EstateVnet | undefined {
  const id = parseResourceId(field(row, "id"));
  const name = str(field(row, "name")) ?? id?.name;
  if (!id || !name) return undefined;
  const b = body(row);
  const subnets = field(b, "subnets");
  const count = field(row, "subnetCount");
  return {
    id: field(row, "id") as string,
    name,
    subscriptionId: str(field(row, "subscriptionId")) ?? id.subscriptionId,
    resourceGroup: str(field(row, "resourceGroup")) ?? id.resourceGroup,
    location: str(field(row, "location")),
    addressSpace: prefixesOf(field(b, "addressSpace")),
    peerings: peeringsOf(field(b, "virtualNetworkPeerings")),
    subnets: Array.isArray(subnets) ? subnets.flatMap((s) => subnetOf(s) ?? []) : [],
    ...(typeof count === "number" && Number.isSafeInteger(count) ? { subnetCount: count } : {}),
  };
}

/**
 * A VNet usage entry (`az network vnet list-usage`, REST `virtualNetworks/usages`) → the subnet it is for
 * and its figures; undefined for another usage name or a malformed entry.
 */
export function usageOf(row: unknown): { subnetId: string; usage: SubnetUsage } | undefined {
  const id = str(field(row, "id"));
  const used = field(row, "currentValue");
  const limit = field(row, "limit");
  const kind = str(field(field(row, "name"), "value"));
  if (!id || !vnetIdOf(id) || (kind !== undefined && kind !== "SubnetSpace")) return undefined;
  if (typeof used !== "number" || typeof limit !== "number") return undefined;
  if (!Number.isSafeInteger(used) || !Number.isSafeInteger(limit) || used < -1 || limit < -1) return undefined;
  return { subnetId: id, usage: { used, limit } };
}
