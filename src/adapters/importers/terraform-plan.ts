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
import { azapiNetwork, type TfRes } from "./terraform-azapi.js";

export function isTerraformPlan(v: unknown): boolean {
  return isObj(v) && typeof v["format_version"] === "string" && (isObj(v["planned_values"]) || isObj(v["values"]));
}

type Res = TfRes;

/**
 * Where a module sits: its parent and its index among the parent's child modules (paths are built only for resources).
 */
interface ModuleAt {
  readonly parent?: ModuleAt;
  readonly index: number;
}

function pathOf(root: SourcePath, m: ModuleAt): SourcePath {
  const steps: (string | number)[] = [];
  for (let x: ModuleAt | undefined = m; x?.parent; x = x.parent) steps.push(x.index, "child_modules");
  return [...root, ...steps.reverse()];
}

/**
 * Every resource of a module and its child modules, depth first. An explicit stack and parent links: modules
 * nest as deep as a document does (a path per module would make 20,000 levels 200 million steps).
 */
function resources(root: unknown, rootAt: SourcePath): Res[] {
  const out: Res[] = [];
  const stack: [unknown, ModuleAt][] = [[root, { index: 0 }]];
  while (stack.length > 0) {
    const [module, where] = stack.pop()!;
    if (!isObj(module)) continue;
    const rs = module["resources"];
    if (Array.isArray(rs)) {
      let at: SourcePath | undefined;
      rs.forEach((r: unknown, i) => {
        if (isObj(r) && typeof r["type"] === "string" && isObj(r["values"]) && r["mode"] !== "data") {
          at ??= pathOf(rootAt, where);
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
    if (Array.isArray(kids))
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], { parent: where, index: i }]);
  }
  return out;
}

/**
 * The configuration's references, with every address made absolute (`module.<call>.` prefixes): what each
 * resource attribute refers to (`<resource>#<attribute path>`), what each module call passes to each of its
 * variables (`<module>.var.<name>`) and what each module output refers to (`<module>.output.<name>`).
 */
interface References {
  readonly attrs: Map<string, string[]>;
  /** The same by `<resource>#<last attribute name>`, with the full path: blocks written as `dynamic` nest deeper. */
  readonly byName: Map<string, { path: string; refs: string[] }[]>;
  readonly vars: Map<string, string[]>;
  readonly outputs: Map<string, string[]>;
}

/** Module nesting followed at most this deep (real configurations nest a few levels; a plan may be hostile). */
const MAX_MODULE_DEPTH = 64;

function refsOf(e: unknown, prefix: string): string[] | undefined {
  if (!isObj(e) || !Array.isArray(e["references"])) return undefined;
  return (e["references"] as unknown[]).filter((x) => typeof x === "string").map((x) => absolute(prefix, x as string));
}

/** An address written inside a module, made absolute (some writers already write it so). */
const absolute = (prefix: string, address: string) => (address.startsWith(prefix) ? address : prefix + address);

function references(
  config: unknown,
  prefix = "",
  out: References = { attrs: new Map(), byName: new Map(), vars: new Map(), outputs: new Map() },
  depth = 0,
): References {
  if (!isObj(config) || depth > MAX_MODULE_DEPTH) return out;
  const rs = config["resources"];
  if (Array.isArray(rs)) {
    for (const r of rs) {
      if (!isObj(r) || !isObj(r["expressions"])) continue;
      const addr = absolute(prefix, String(r["address"] ?? ""));
      // Iterative walk: expressions can nest as deep as a hostile document does.
      const stack: [unknown, string][] = [[r["expressions"], ""]];
      while (stack.length > 0) {
        const [e, path] = stack.pop()!;
        if (Array.isArray(e)) for (const x of e) stack.push([x, path]);
        else if (isObj(e)) {
          const refs = refsOf(e, prefix);
          if (refs) {
            out.attrs.set(`${addr}#${path}`, refs);
            const key = `${addr}#${path.slice(path.lastIndexOf(".") + 1)}`;
            const list = out.byName.get(key);
            if (list) list.push({ path, refs });
            else out.byName.set(key, [{ path, refs }]);
          } else for (const [k, v] of Object.entries(e)) stack.push([v, path ? `${path}.${k}` : k]);
        }
      }
    }
  }
  const outputs = config["outputs"];
  if (isObj(outputs))
    for (const [name, o] of Object.entries(outputs)) {
      const refs = isObj(o) ? refsOf(o["expression"], prefix) : undefined;
      if (refs) out.outputs.set(`${prefix}output.${name}`, refs);
    }
  const calls = config["module_calls"];
  if (isObj(calls))
    for (const [name, c] of Object.entries(calls)) {
      if (!isObj(c)) continue;
      const child = `${prefix}module.${name}.`;
      if (isObj(c["expressions"]))
        for (const [v, e] of Object.entries(c["expressions"])) {
          const refs = refsOf(e, prefix);
          if (refs) out.vars.set(`${child}var.${v}`, refs);
        }
      references(c["module"], child, out, depth + 1);
    }
  return out;
}

/** `module.a.module.b.var.x`, `module.a.out[0].id`: the module prefix, what is named there, and an index key. */
const VAR_REF = /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)var\.([\w-]+)/;
const OUTPUT_REF =
  /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*module\.[\w-]+)(?:\[[^\]]*\])?\.([\w-]+)(?:\[("?)([^\]"]*)\3\])?/;

/** Module instance keys (`module.x["a"].`, `module.x[0].`) dropped: configuration addresses have none. */
const withoutModuleKeys = (address: string) => address.replace(/(module\.[\w-]+)\[[^\]]*\]/g, "$1");

const first = (v: unknown): Obj | undefined => (Array.isArray(v) && isObj(v[0]) ? v[0] : undefined);

/** One plan document's resources and configuration references, and the builder the import writes to. */
interface TfContext {
  readonly b: PlanBuilder;
  readonly all: readonly Res[];
  readonly refs: References;
  readonly subnetsByAddr: ReadonlyMap<string, Res>;
  /** The `azurerm_subnet` instances of each configuration block (instance keys dropped). */
  readonly subnetsByBlock: ReadonlyMap<string, Res[]>;
  /** Names of the VNets the pools' subnets belong to. */
  readonly usedVnets: Set<string>;
  /**
   * Whether a pool names a subnet this plan cannot place in one of its VNets (unknown, or in a VNet not in the plan).
   */
  unplaced: boolean;
}

function groupByBlock(rs: readonly Res[]): Map<string, Res[]> {
  const out = new Map<string, Res[]>();
  for (const r of rs) {
    const k = configAddress(r.address);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The address of a resource's configuration block (instance keys such as `[0]` dropped). */
const configAddress = (address: string) => address.replace(/\[[^\]]*\]/g, "");

/**
 * What a resource attribute refers to: at its path (`default_node_pool.vnet_subnet_id`), else the one attribute
 * of that name under the same block however deep (a `dynamic "default_node_pool"` block's `content`).
 */
function attrRefs(refs: References, address: string, path: string): string[] | undefined {
  const exact = refs.attrs.get(`${address}#${path}`);
  if (exact) return exact;
  const dot = path.lastIndexOf(".");
  const block = dot < 0 ? undefined : path.slice(0, dot);
  const found = (refs.byName.get(`${address}#${path.slice(dot + 1)}`) ?? []).filter(
    (x) => block === undefined || x.path.split(".").includes(block),
  );
  return found.length === 1 ? found[0]!.refs : undefined;
}

/** The subnet a reference names: an instance address, or a block with one instance or with the key given. */
function subnetAt(ctx: TfContext, ref: string, key?: string): Res | undefined {
  const address = ref.replace(/\.(id|resource_id)$/, "");
  const exact = ctx.subnetsByAddr.get(address);
  if (exact) return exact;
  const block = ctx.subnetsByBlock.get(configAddress(address));
  if (!block) return undefined;
  if (block.length === 1) return block[0];
  if (key === undefined) return undefined;
  return block.find((r) => r.address.endsWith(`[${JSON.stringify(key)}]`) || r.address.endsWith(`[${key}]`));
}

/**
 * The subnet a list of references leads to: directly, or through module variables (`var.x` inside a module is
 * what its caller passed) and module outputs (`module.vnet.subnets["aks"]` is what that output refers to).
 * Each reference is followed once; a hostile plan's cycles end.
 */
function resolveSubnet(
  ctx: TfContext,
  refs: readonly string[],
  seen = new Set<string>(),
  key?: string,
): Res | undefined {
  for (const ref of refs) {
    if (seen.has(ref) || seen.size > 10_000) continue;
    seen.add(ref);
    const direct = subnetAt(ctx, ref, key);
    if (direct) return direct;
    const v = VAR_REF.exec(ref);
    if (v) {
      const passed = ctx.refs.vars.get(`${withoutModuleKeys(v[1] ?? "")}var.${v[2]}`);
      const hit = passed && resolveSubnet(ctx, passed, seen, key);
      if (hit) return hit;
      continue;
    }
    const o = OUTPUT_REF.exec(ref);
    if (o) {
      const inner = ctx.refs.outputs.get(`${withoutModuleKeys(o[1] ?? "")}.output.${o[2]}`);
      const hit = inner && resolveSubnet(ctx, inner, seen, o[4] ?? key);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * The subnet an ID attribute points at, and its VNet: from the ID when known, else through the configuration's
 * references. `referenced` says whether the attribute was set at all.
 */
function subnetOf(
  ctx: TfContext,
  r: Res,
  p: Obj,
  attr: string,
  refPath: string,
): { name?: string; vnet?: string; referenced: boolean } {
  const id = parseAzureId(literal(p[attr]));
  if (id?.subnet) return { name: id.subnet, vnet: id.vnet, referenced: true };
  const refs = attrRefs(ctx.refs, configAddress(r.address), refPath);
  const s = refs && resolveSubnet(ctx, refs);
  const name = typeof s?.values["name"] === "string" ? s.values["name"] : undefined;
  const vnet = typeof s?.values["virtual_network_name"] === "string" ? s.values["virtual_network_name"] : undefined;
  return { name, vnet, referenced: refs !== undefined || (typeof p[attr] === "string" && p[attr] !== "") };
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
  // azurerm 4.x: node_public_ip_enabled; 3.x: enable_node_public_ip.
  for (const tf of ["node_public_ip_enabled", "enable_node_public_ip"])
    if (p[tf] === true) {
      b.set(["nodePools", i, "nodePublicIp"], true, [...at, tf]);
      break;
    }
  set("nodePublicIpPrefixId", "node_public_ip_prefix_id");
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
  const sn = subnetOf(ctx, r, p, "vnet_subnet_id", ref("vnet_subnet_id"));
  if (sn.name) b.set(["nodePools", i, "subnet"], sn.name, [...at, "vnet_subnet_id"]);
  const ps = subnetOf(ctx, r, p, "pod_subnet_id", ref("pod_subnet_id"));
  if (ps.name) b.set(["nodePools", i, "podSubnet"], ps.name, [...at, "pod_subnet_id"]);
  for (const s of [sn, ps]) {
    if (s.vnet) ctx.usedVnets.add(s.vnet);
    else if (s.referenced) ctx.unplaced = true;
  }
}

/**
 * `api_server_access_profile[0].authorized_ip_ranges` (azurerm 4.x; also 3.x) or 3.x's top-level
 * `api_server_authorized_ip_ranges` (removed in 4.0) as `apiServer.authorizedIpRanges`; an empty set is left out.
 */
function importAuthorizedRanges(ctx: TfContext, cluster: Res): void {
  const v = cluster.values;
  const profile = first(v["api_server_access_profile"]);
  const nested = literal(profile?.["authorized_ip_ranges"]);
  const top = literal(v["api_server_authorized_ip_ranges"]);
  const [list, at]: [unknown, SourcePath] =
    Array.isArray(nested) && nested.length > 0
      ? [nested, [...cluster.at, "api_server_access_profile", 0, "authorized_ip_ranges"]]
      : [top, [...cluster.at, "api_server_authorized_ip_ranges"]];
  if (Array.isArray(list) && list.length > 0 && list.every((x) => typeof x === "string"))
    ctx.b.set(["apiServer", "authorizedIpRanges"], list, at);
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
  importAuthorizedRanges(ctx, cluster);
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
  const fieldAt = (r: Res, field: string): SourcePath => r.fieldAt?.[field] ?? [...r.at, field];
  b.set(["vnet", "name"], vnet.values["name"], fieldAt(vnet, "name"));
  if (typeof vnet.values["resource_group_name"] === "string")
    b.set(["vnet", "resourceGroup"], vnet.values["resource_group_name"], [...vnet.at, "resource_group_name"]);
  if (Array.isArray(vnet.values["address_space"]))
    b.set(["vnet", "addressSpace"], vnet.values["address_space"], fieldAt(vnet, "address_space"));
  let n = 0;
  const addSubnet = (name: unknown, prefixes: unknown, at: SourcePath, from?: Res) => {
    const list = Array.isArray(prefixes) ? prefixes : typeof prefixes === "string" ? [prefixes] : [];
    for (const cidr of list) {
      if (typeof name !== "string" || typeof cidr !== "string") continue;
      b.mark(["vnet", "subnets", n], at);
      b.set(["vnet", "subnets", n, "name"], name, from ? fieldAt(from, "name") : [...at, "name"]);
      b.set(
        ["vnet", "subnets", n, "cidr"],
        cidr,
        from ? fieldAt(from, "address_prefixes") : [...at, "address_prefixes"],
      );
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
    addSubnet(s.values["name"], s.values["address_prefixes"], s.at, s);
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
    const ref = ctx.refs.attrs
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
  const own = resources((doc[pv] as Obj)["root_module"], [pv, "root_module"]);
  const refs = references(isObj(doc["configuration"]) ? doc["configuration"]["root_module"] : undefined);
  // A VNet and subnets written with azapi read as the azurerm resources they stand for.
  const all = [...own, ...azapiNetwork(own, (address) => refs.attrs.get(`${address}#parent_id`))];
  const subnets = all.filter((r) => r.type === "azurerm_subnet");
  const ctx: TfContext = {
    b: new PlanBuilder(),
    all,
    refs,
    subnetsByAddr: new Map(subnets.map((r) => [r.address, r])),
    subnetsByBlock: groupByBlock(subnets),
    usedVnets: new Set<string>(),
    unplaced: false,
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

  // The VNet the cluster joins: the one its pools' subnets are in. A lone VNet is taken only while a pool names
  // a subnet this plan cannot place (an ID unknown until apply); a cluster whose pools name no subnet (AKS makes
  // its own VNet) or only subnets of VNets outside the plan does not join it, and is not checked against it.
  const vnets = all.filter((r) => r.type === "azurerm_virtual_network");
  const vnet =
    vnets.find((r) => ctx.usedVnets.has(String(r.values["name"]))) ??
    (vnets.length === 1 && ctx.usedVnets.size === 0 && ctx.unplaced ? vnets[0] : undefined);
  if (vnet) {
    importVnet(ctx, vnet);
    importPeerings(ctx, vnet, vnets);
  }
  return ctx.b;
}
