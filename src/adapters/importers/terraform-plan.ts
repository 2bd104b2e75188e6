/**
 * `terraform show -json` plan output → plan: `azurerm_kubernetes_cluster`
 * (network_profile, default_node_pool), `azurerm_kubernetes_cluster_node_pool`,
 * `azurerm_virtual_network` and `azurerm_subnet`. Subnet IDs unknown at plan
 * time are resolved through the configuration's references
 * (`azurerm_subnet.aks.id`). Field names: hashicorp/terraform-provider-azurerm:
 * website/docs/r/kubernetes_cluster.html.markdown; the JSON format:
 * https://developer.hashicorp.com/terraform/internals/json-format (checked 2026-11-22).
 */
import { isObj, literal, parseAzureId, PlanBuilder, type Obj } from "./builder.js";
import type { SourcePath } from "./source-map.js";

export function isTerraformPlan(v: unknown): boolean {
  return isObj(v) && typeof v["format_version"] === "string" && (isObj(v["planned_values"]) || isObj(v["values"]));
}

interface Res {
  readonly address: string;
  readonly type: string;
  readonly values: Obj;
  readonly at: SourcePath;
}

function resources(module: unknown, at: SourcePath, out: Res[] = []): Res[] {
  if (!isObj(module)) return out;
  const rs = module["resources"];
  if (Array.isArray(rs)) {
    rs.forEach((r: unknown, i) => {
      if (isObj(r) && typeof r["type"] === "string" && isObj(r["values"]) && r["mode"] !== "data") {
        out.push({
          address: String(r["address"] ?? ""),
          type: r["type"],
          values: r["values"],
          at: [...at, "resources", i, "values"],
        });
      }
    });
  }
  const kids = module["child_modules"];
  if (Array.isArray(kids)) kids.forEach((k, i) => resources(k, [...at, "child_modules", i], out));
  return out;
}

/** Configuration references: resource address + attribute path → referenced addresses. */
function references(config: unknown, prefix = "", out = new Map<string, string[]>()): Map<string, string[]> {
  if (!isObj(config)) return out;
  const rs = config["resources"];
  if (Array.isArray(rs)) {
    for (const r of rs) {
      if (!isObj(r) || !isObj(r["expressions"])) continue;
      const addr = prefix + String(r["address"] ?? "");
      const walk = (e: unknown, path: string) => {
        if (Array.isArray(e)) e.forEach((x) => walk(x, path));
        else if (isObj(e)) {
          if (Array.isArray(e["references"]))
            out.set(
              `${addr}#${path}`,
              (e["references"] as unknown[]).map((s) => prefix + String(s)),
            );
          else for (const [k, v] of Object.entries(e)) walk(v, path ? `${path}.${k}` : k);
        }
      };
      walk(r["expressions"], "");
    }
  }
  const calls = config["module_calls"];
  if (isObj(calls))
    for (const [name, c] of Object.entries(calls))
      if (isObj(c)) references(c["module"], `${prefix}module.${name}.`, out);
  return out;
}

const first = (v: unknown): Obj | undefined => (Array.isArray(v) && isObj(v[0]) ? v[0] : undefined);

/** One plan document's resources and configuration references, and the builder the import writes to. */
interface TfContext {
  readonly b: PlanBuilder;
  readonly all: readonly Res[];
  readonly refs: ReadonlyMap<string, string[]>;
  readonly subnetsByAddr: ReadonlyMap<string, Res>;
  /** The first `azurerm_subnet` of each name (a lookup per pool, not a scan: plans hold 100,000 subnets). */
  readonly subnetsByName: ReadonlyMap<string, Res>;
  /** Names of the VNets the pools' subnets belong to. */
  readonly usedVnets: Set<string>;
}

function firstByName(rs: readonly Res[]): Map<string, Res> {
  const out = new Map<string, Res>();
  for (const r of rs) {
    const n = r.values["name"];
    if (typeof n === "string" && !out.has(n)) out.set(n, r);
  }
  return out;
}

/** The address of a resource's configuration block (instance keys such as `[0]` dropped). */
const configAddress = (address: string) => address.replace(/\[[^\]]*\]/g, "");

/** The subnet name an ID attribute points at: from the ID when known, else through the configuration's reference. */
function subnetName(ctx: TfContext, r: Res, p: Obj, attr: string, refPath: string): string | undefined {
  const id = parseAzureId(literal(p[attr]));
  if (id?.subnet) return id.subnet;
  const target = ctx.refs
    .get(`${configAddress(r.address)}#${refPath}`)
    ?.find((a) => ctx.subnetsByAddr.has(a.replace(/\.id$/, "")));
  const s = target ? ctx.subnetsByAddr.get(target.replace(/\.id$/, "")) : undefined;
  return typeof s?.values["name"] === "string" ? s.values["name"] : undefined;
}

/** One node pool (`default_node_pool` or a node pool resource) as `nodePools[i]`. */
function importPool(
  ctx: TfContext,
  i: number,
  r: Res,
  p: Obj,
  at: SourcePath,
  attrPrefix: string,
  defaultMode?: string,
): void {
  const { b } = ctx;
  b.mark(["nodePools", i], at);
  const set = (k: string, tf: string, map: (x: unknown) => unknown = (x) => x) => {
    const v = literal(p[tf]);
    if (v !== undefined) b.set(["nodePools", i, k], map(v), [...at, tf]);
  };
  set("name", "name");
  if (typeof p["mode"] === "string") set("mode", "mode");
  else if (defaultMode) b.set(["nodePools", i, "mode"], defaultMode, at);
  set("count", "node_count");
  if (p["auto_scaling_enabled"] === true || p["enable_auto_scaling"] === true) {
    set("minCount", "min_count");
    set("maxCount", "max_count");
  }
  set("maxPods", "max_pods");
  if (typeof p["os_type"] === "string") {
    const sku = typeof p["os_sku"] === "string" ? p["os_sku"] : "";
    b.set(
      ["nodePools", i, "os"],
      p["os_type"] === "Windows" ? (/^Windows20(19|22|25)$/.test(sku) ? sku : "Windows2022") : "Linux",
      [...at, "os_type"],
    );
  }
  const up = first(p["upgrade_settings"]);
  const ms = literal(up?.["max_surge"]);
  if (typeof ms === "string" && ms !== "")
    b.set(["nodePools", i, "maxSurge"], /^\d+$/.test(ms) ? Number(ms) : ms, [
      ...at,
      "upgrade_settings",
      0,
      "max_surge",
    ]);
  const ref = (attr: string) => (attrPrefix ? `${attrPrefix}.${attr}` : attr);
  const sn = subnetName(ctx, r, p, "vnet_subnet_id", ref("vnet_subnet_id"));
  if (sn) b.set(["nodePools", i, "subnet"], sn, [...at, "vnet_subnet_id"]);
  const ps = subnetName(ctx, r, p, "pod_subnet_id", ref("pod_subnet_id"));
  if (ps) b.set(["nodePools", i, "podSubnet"], ps, [...at, "pod_subnet_id"]);
  for (const name of [sn, ps]) {
    const s = name === undefined ? undefined : ctx.subnetsByName.get(name);
    if (typeof s?.values["virtual_network_name"] === "string") ctx.usedVnets.add(s.values["virtual_network_name"]);
  }
}

/** The cluster's own fields and its `network_profile`. */
function importCluster(ctx: TfContext, cluster: Res): void {
  const { b } = ctx;
  const v = cluster.values;
  const set = (k: string, tf: string, map: (x: unknown) => unknown = (x) => x) => {
    const x = literal(v[tf]);
    if (x !== undefined) b.set([k], map(x), [...cluster.at, tf]);
  };
  set("name", "name");
  set("location", "location");
  set("resourceGroup", "resource_group_name");
  set("kubernetesVersion", "kubernetes_version", String);
  const np = first(v["network_profile"]);
  if (!np) return;
  const nat: SourcePath = [...cluster.at, "network_profile", 0];
  const put = (k: string, tf: string) => {
    const x = literal(np[tf]);
    if (x !== undefined && x !== "") b.set(["network", k], x, [...nat, tf]);
  };
  put("plugin", "network_plugin");
  put("pluginMode", "network_plugin_mode");
  put("dataplane", "network_data_plane");
  put("policy", "network_policy");
  put("dnsServiceIp", "dns_service_ip");
  put("outboundType", "outbound_type");
  put("ipFamilies", "ip_versions");
  const list = (plural: string, single: string, k: string) => {
    const many = literal(np[plural]);
    if (Array.isArray(many) && many.length > 0) b.set(["network", k], many, [...nat, plural]);
    else if (typeof literal(np[single]) === "string") b.set(["network", k], [np[single]], [...nat, single]);
  };
  list("pod_cidrs", "pod_cidr", "podCidrs");
  list("service_cidrs", "service_cidr", "serviceCidrs");
}

/** The VNet's name, resource group, address space and subnets (inline and `azurerm_subnet`). */
function importVnet(ctx: TfContext, vnet: Res): void {
  const { b } = ctx;
  b.set(["vnet", "name"], vnet.values["name"], [...vnet.at, "name"]);
  if (typeof vnet.values["resource_group_name"] === "string")
    b.set(["vnet", "resourceGroup"], vnet.values["resource_group_name"], [...vnet.at, "resource_group_name"]);
  if (Array.isArray(vnet.values["address_space"]))
    b.set(["vnet", "addressSpace"], vnet.values["address_space"], [...vnet.at, "address_space"]);
  let n = 0;
  const addSubnet = (name: unknown, prefixes: unknown, at: SourcePath) => {
    const list = Array.isArray(prefixes) ? prefixes : typeof prefixes === "string" ? [prefixes] : [];
    for (const cidr of list) {
      if (typeof name !== "string" || typeof cidr !== "string") continue;
      b.mark(["vnet", "subnets", n], at);
      b.set(["vnet", "subnets", n, "name"], name, [...at, "name"]);
      b.set(["vnet", "subnets", n, "cidr"], cidr, [...at, "address_prefixes"]);
      n++;
    }
  };
  const inline = vnet.values["subnet"];
  if (Array.isArray(inline))
    inline.forEach(
      (s, i) =>
        isObj(s) && addSubnet(s["name"], s["address_prefixes"] ?? s["address_prefix"], [...vnet.at, "subnet", i]),
    );
  for (const s of ctx.all.filter(
    (r) => r.type === "azurerm_subnet" && r.values["virtual_network_name"] === vnet.values["name"],
  )) {
    addSubnet(s.values["name"], s.values["address_prefixes"], s.at);
  }
  if (n === 0) b.set(["vnet", "subnets"], [], vnet.at);
}

/** Peerings from the VNet become connected networks when the remote VNet is in the same plan. */
function importPeerings(ctx: TfContext, vnet: Res, vnets: readonly Res[]): void {
  const { b } = ctx;
  const vnetsByAddr = new Map(vnets.map((r) => [r.address, r]));
  let c = 0;
  for (const peer of ctx.all.filter(
    (r) => r.type === "azurerm_virtual_network_peering" && r.values["virtual_network_name"] === vnet.values["name"],
  )) {
    const byId = parseAzureId(literal(peer.values["remote_virtual_network_id"]))?.vnet;
    const ref = ctx.refs
      .get(`${configAddress(peer.address)}#remote_virtual_network_id`)
      ?.find((a) => vnetsByAddr.has(a.replace(/\.id$/, "")));
    const remote = ref
      ? vnetsByAddr.get(ref.replace(/\.id$/, ""))
      : vnets.find((r) => byId !== undefined && r.values["name"] === byId);
    const space = remote?.values["address_space"];
    if (!remote || !Array.isArray(space) || space.length === 0) continue;
    b.mark(["connectedNetworks", c], peer.at);
    b.set(
      ["connectedNetworks", c, "name"],
      typeof peer.values["name"] === "string" ? peer.values["name"] : peer.address,
      [...peer.at, "name"],
    );
    b.set(["connectedNetworks", c, "cidrs"], space, [...remote.at, "address_space"]);
    b.set(["connectedNetworks", c, "kind"], "peering", peer.at);
    c++;
  }
}

export function importTerraformPlan(doc: Obj): PlanBuilder {
  const pv = isObj(doc["planned_values"]) ? "planned_values" : "values";
  const all = resources((doc[pv] as Obj)["root_module"], [pv, "root_module"]);
  const ctx: TfContext = {
    b: new PlanBuilder(),
    all,
    refs: references(isObj(doc["configuration"]) ? doc["configuration"]["root_module"] : undefined),
    subnetsByAddr: new Map(all.filter((r) => r.type === "azurerm_subnet").map((r) => [r.address, r])),
    subnetsByName: firstByName(all.filter((r) => r.type === "azurerm_subnet")),
    usedVnets: new Set<string>(),
  };
  let pool = 0;
  const cluster = all.find((r) => r.type === "azurerm_kubernetes_cluster");
  if (cluster) {
    importCluster(ctx, cluster);
    const dp = first(cluster.values["default_node_pool"]);
    if (dp)
      importPool(ctx, pool++, cluster, dp, [...cluster.at, "default_node_pool", 0], "default_node_pool", "System");
  }
  for (const r of all.filter((x) => x.type === "azurerm_kubernetes_cluster_node_pool"))
    importPool(ctx, pool++, r, r.values, r.at, "", "User");

  const vnets = all.filter((r) => r.type === "azurerm_virtual_network");
  const vnet =
    vnets.find((r) => ctx.usedVnets.has(String(r.values["name"]))) ?? (vnets.length === 1 ? vnets[0] : undefined);
  if (vnet) {
    importVnet(ctx, vnet);
    importPeerings(ctx, vnet, vnets);
  }
  return ctx.b;
}
