/**
 * What the test ARM server holds and how it answers the scan's Resource Graph
 * queries: it recognises the three queries of `queries.ts` and applies their
 * filters (scope subscriptions, resource groups, names, IDs) the way Resource
 * Graph would, projecting the columns they ask for. Not a KQL engine: any other
 * query is refused (400), as a real service refuses a query it cannot run.
 */
import { MV_EXPAND_LIMIT } from "../estate.js";

type Obj = Record<string, unknown>;

export interface ArmEstate {
  /** Managed cluster records in the ARM shape (id, name, type, location, sku, properties). */
  readonly clusters: readonly Obj[];
  /**
   * VNet records in the ARM shape. A subnet's IP configurations are its
   * `properties.ipConfigurations` array, or (for large synthetic estates) a
   * count in `properties.ipConfigurationCount`, which only this server reads.
   */
  readonly vnets: readonly Obj[];
  /** Usage entries (`virtualNetworks/usages` values) by VNet ID in lower case. */
  readonly usages: ReadonlyMap<string, readonly unknown[]>;
  /** Management groups by ID (lower case) → their subscriptions (a query scoped to a group sees only those). */
  readonly managementGroups?: ReadonlyMap<string, readonly string[]>;
}

const parts = (id: string) => /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i.exec(id);

/** The string literals in a KQL fragment, unescaped. */
function literals(text: string): string[] {
  return [...text.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, "$1").toLowerCase());
}

/** The literals of `<column> in~ (…)` in the query, or undefined when the query has no such filter. */
function inList(query: string, column: string): Set<string> | undefined {
  const m = new RegExp(`\\b${column} in~ \\(((?:'(?:[^'\\\\]|\\\\.)*'(?:, )?)*)\\)`).exec(query);
  return m ? new Set(literals(m[1]!)) : undefined;
}

function groupPairs(query: string): Set<string> | undefined {
  const ms = [...query.matchAll(/\(subscriptionId =~ ('(?:[^'\\]|\\.)*') and resourceGroup =~ ('(?:[^'\\]|\\.)*')\)/g)];
  return ms.length ? new Set(ms.map((m) => `${literals(m[1]!)[0]}/${literals(m[2]!)[0]}`)) : undefined;
}

function columns(r: Obj): Obj {
  const id = String(r["id"]);
  const p = parts(id);
  return { ...r, subscriptionId: p?.[1] ?? "", resourceGroup: p?.[2] ?? "" };
}

const inScope = (r: Obj, subs: readonly string[] | undefined) =>
  !subs || subs.includes(String(r["subscriptionId"]).toLowerCase());

function clusterRows(e: ArmEstate, q: string, subs?: readonly string[]): Obj[] {
  const groups = inList(q, "resourceGroup");
  const names = inList(q, "name");
  const nodeGroups = inList(q, "tostring\\(properties\\.nodeResourceGroup\\)");
  return e.clusters
    .map(columns)
    .filter((r) => inScope(r, subs))
    .filter((r) => !groups || groups.has(String(r["resourceGroup"]).toLowerCase()))
    .filter((r) => !names || names.has(String(r["name"]).toLowerCase()))
    .filter((r) => !nodeGroups || nodeGroups.has(String(props(r)["nodeResourceGroup"] ?? "").toLowerCase()))
    .map((r) => ({
      id: r["id"],
      name: r["name"],
      type: r["type"],
      location: r["location"],
      resourceGroup: r["resourceGroup"],
      subscriptionId: r["subscriptionId"],
      sku: r["sku"] ?? null,
      properties: r["properties"],
    }));
}

function vnetsIn(e: ArmEstate, q: string, subs?: readonly string[]): Obj[] {
  const ids = inList(q, "id");
  const pairs = groupPairs(q);
  return e.vnets
    .map(columns)
    .filter((r) => inScope(r, subs))
    .filter(
      (r) =>
        (!ids && !pairs) ||
        ids?.has(String(r["id"]).toLowerCase()) ||
        pairs?.has(`${String(r["subscriptionId"]).toLowerCase()}/${String(r["resourceGroup"]).toLowerCase()}`),
    );
}

const props = (o: unknown): Obj => ((o as Obj)?.["properties"] as Obj) ?? {};

function subnetRows(vnets: readonly Obj[]): Obj[] {
  return vnets.flatMap((v) =>
    ((props(v)["subnets"] as Obj[] | undefined) ?? []).slice(0, MV_EXPAND_LIMIT).map((s) => {
      const sp = props(s);
      const ipc = sp["ipConfigurations"];
      const pe = sp["privateEndpoints"];
      return {
        vnetId: v["id"],
        subnetId: s["id"] ?? "",
        name: s["name"] ?? "",
        addressPrefix: typeof sp["addressPrefix"] === "string" ? sp["addressPrefix"] : "",
        addressPrefixes: sp["addressPrefixes"] ?? null,
        delegations: sp["delegations"] ?? null,
        ipConfigurations: Array.isArray(ipc)
          ? ipc.length
          : ((sp["ipConfigurationCount"] as number | undefined) ?? null),
        // Kusto's array_length of a missing array is null.
        privateEndpoints: Array.isArray(pe) ? pe.length : null,
      };
    }),
  );
}

const byId = (key: string) => (a: Obj, b: Obj) =>
  String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0;

/** The rows of one of the scan's queries, or undefined for a query the server does not know. */
export function armRows(e: ArmEstate, query: string, subs?: readonly string[]): Obj[] | undefined {
  if (/microsoft\.containerservice\/managedclusters/i.test(query)) return clusterRows(e, query, subs).sort(byId("id"));
  if (!/microsoft\.network\/virtualnetworks/i.test(query)) return undefined;
  const vnets = vnetsIn(e, query, subs);
  if (/mv-expand subnet = properties\.subnets/.test(query)) return subnetRows(vnets).sort(byId("subnetId"));
  return vnets
    .map((v) => ({
      id: v["id"],
      name: v["name"],
      type: v["type"],
      location: v["location"],
      resourceGroup: v["resourceGroup"],
      subscriptionId: v["subscriptionId"],
      addressSpace: props(v)["addressSpace"] ?? null,
      virtualNetworkPeerings: props(v)["virtualNetworkPeerings"] ?? null,
      subnetCount: Array.isArray(props(v)["subnets"]) ? (props(v)["subnets"] as unknown[]).length : null,
    }))
    .sort(byId("id"));
}
