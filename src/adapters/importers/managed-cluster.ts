/**
 * `az aks show -o json` (flattened, SDK casing: `vnetSubnetId`, `dnsServiceIp`)
 * and the ARM/REST shape (fields under `properties`, `vnetSubnetID`,
 * `dnsServiceIP`) → plan. Field names: MicrosoftDocs/azure-aks-docs
 * (spot-node-pool.md, scale-cluster.md sample outputs) and the REST spec
 * Azure/azure-rest-api-specs:…/aks/stable/2025-05-01/managedClusters.json (checked 2026-11-22).
 */
import { field, isObj, literal, parseAzureId, PlanBuilder, type AzureId, type Obj } from "./builder.js";
import type { SourcePath } from "./source-map.js";

export interface ImportedCluster {
  readonly builder: PlanBuilder;
  /** The VNet the node subnets belong to (from the subnet IDs), to pick it from a VNet file. */
  readonly vnetRefs: readonly AzureId[];
}

/** Reports whether the value looks like a managed cluster (either shape). */
export function isManagedCluster(v: unknown): boolean {
  if (!isObj(v)) return false;
  const type = field(v, "type")?.value;
  if (typeof type === "string" && type.toLowerCase() === "microsoft.containerservice/managedclusters") return true;
  const props = field(v, "properties")?.value;
  const body = isObj(props) ? props : v;
  return field(body, "agentPoolProfiles") !== undefined || field(body, "networkProfile") !== undefined;
}

const NETWORK: readonly [string, string][] = [
  ["networkPlugin", "plugin"],
  ["networkPluginMode", "pluginMode"],
  ["networkDataplane", "dataplane"],
  ["networkPolicy", "policy"],
  ["dnsServiceIp", "dnsServiceIp"],
  ["outboundType", "outboundType"],
];

function lowerEnum(v: unknown): unknown {
  return typeof v === "string" && ["azure", "kubenet", "none", "overlay", "cilium", "calico"].includes(v.toLowerCase())
    ? v.toLowerCase()
    : v;
}

/** Writes plan fields from a source object, remembering where each came from. */
type Put = (
  planPath: (string | number)[],
  o: unknown,
  key: string,
  src: SourcePath,
  map?: (x: unknown) => unknown,
) => void;

function putter(b: PlanBuilder): Put {
  return (planPath, o, key, src, map = (x) => x) => {
    const f = field(o, key);
    const val = literal(f?.value);
    if (f && val !== undefined) b.set(planPath, map(val), [...src, f.key]);
  };
}

const ipFamily = (x: unknown) =>
  Array.isArray(x)
    ? x.map((s) =>
        typeof s === "string" && s.toLowerCase() === "ipv6"
          ? "IPv6"
          : typeof s === "string" && s.toLowerCase() === "ipv4"
            ? "IPv4"
            : s,
      )
    : x;

/** `networkProfile` → the plan's `network` section. */
function importNetworkProfile(b: PlanBuilder, body: unknown, at: SourcePath): void {
  const np = field(body, "networkProfile");
  if (!np || !isObj(np.value)) return;
  const put = putter(b);
  const src = [...at, np.key];
  for (const [from, to] of NETWORK)
    put(
      ["network", to],
      np.value,
      from,
      src,
      to === "plugin" || to === "pluginMode" || to === "policy" || to === "dataplane" ? lowerEnum : (x) => x,
    );
  const list = (plural: string, single: string, to: string) => {
    const many = field(np.value, plural);
    const one = field(np.value, single);
    if (Array.isArray(literal(many?.value)) && (many!.value as unknown[]).length > 0)
      b.set(["network", to], many!.value, [...src, many!.key]);
    else if (typeof literal(one?.value) === "string") b.set(["network", to], [one!.value], [...src, one!.key]);
  };
  list("podCidrs", "podCidr", "podCidrs");
  list("serviceCidrs", "serviceCidr", "serviceCidrs");
  put(["network", "ipFamilies"], np.value, "ipFamilies", src, ipFamily);
}

/**
 * Node public IPs (az: enableNodePublicIp; ARM: enableNodePublicIP) and their prefix's resource ID
 * (nodePublicIPPrefixID: an ID, not the prefix's range).
 */
function importNodePublicIp(b: PlanBuilder, p: unknown, pp: (k: string) => (string | number)[], src: SourcePath): void {
  const publicIp = field(p, "enableNodePublicIP");
  if (publicIp?.value === true) b.set(pp("nodePublicIp"), true, [...src, publicIp.key]);
  const prefixId = field(p, "nodePublicIPPrefixID");
  if (typeof prefixId?.value === "string" && prefixId.value)
    b.set(pp("nodePublicIpPrefixId"), prefixId.value, [...src, prefixId.key]);
}

/**
 * One agent pool (an `agentPoolProfiles` entry, or an agentPools resource's `properties`) as `nodePools[i]`;
 * `name` overrides the entry's own name (a separate resource names the pool in its resource name).
 * Returns the VNet reference of its node subnet.
 */
export function importPool(
  b: PlanBuilder,
  i: number,
  p: unknown,
  src: SourcePath,
  name?: { value: string; at: SourcePath },
): AzureId | undefined {
  const put = putter(b);
  b.mark(["nodePools", i], src);
  const pp = (k: string) => ["nodePools", i, k];
  if (name) b.set(pp("name"), name.value, name.at);
  else put(pp("name"), p, "name", src);
  const mode = field(p, "mode");
  if (typeof mode?.value === "string") {
    const m = mode.value.toLowerCase();
    b.set(pp("mode"), m === "system" ? "System" : m === "user" ? "User" : m === "gateway" ? "Gateway" : mode.value, [
      ...src,
      mode.key,
    ]);
  }
  importNodePublicIp(b, p, pp, src);
  const gw = field(p, "gatewayProfile");
  if (gw && isObj(gw.value)) put(pp("gatewayPrefixSize"), gw.value, "publicIPPrefixSize", [...src, gw.key]);
  put(pp("count"), p, "count", src);
  const auto = field(p, "enableAutoScaling");
  if (auto?.value === true) {
    put(pp("minCount"), p, "minCount", src);
    put(pp("maxCount"), p, "maxCount", src);
  }
  put(pp("maxPods"), p, "maxPods", src);
  const osType = field(p, "osType");
  const osSku = field(p, "osSku");
  if (typeof osType?.value === "string") {
    const win = osType.value.toLowerCase() === "windows";
    const sku = typeof osSku?.value === "string" ? osSku.value : "";
    b.set(pp("os"), win ? (/^Windows20(19|22|25)$/.test(sku) ? sku : "Windows2022") : "Linux", [...src, osType.key]);
  }
  const up = field(p, "upgradeSettings");
  if (up && isObj(up.value)) {
    const ms = field(up.value, "maxSurge");
    const val = literal(ms?.value);
    if (ms && (typeof val === "string" || typeof val === "number") && String(val) !== "")
      b.set(pp("maxSurge"), /^\d+$/.test(String(val)) ? Number(val) : val, [...src, up.key, ms.key]);
  }
  let ref: AzureId | undefined;
  const subnetId = field(p, "vnetSubnetId");
  const sid = parseAzureId(literal(subnetId?.value));
  if (subnetId && sid?.subnet) {
    b.set(pp("subnet"), sid.subnet, [...src, subnetId.key]);
    ref = sid;
  }
  const podId = field(p, "podSubnetId");
  const pid = parseAzureId(literal(podId?.value));
  if (podId && pid?.subnet) b.set(pp("podSubnet"), pid.subnet, [...src, podId.key]);
  put(pp("podIpAllocation"), p, "podIpAllocationMode", src);
  return ref;
}

/** A subnet resource ID field of `o` → the plan field `to` (the subnet's name); returns the VNet it is in. */
function putSubnet(
  b: PlanBuilder,
  to: (string | number)[],
  o: unknown,
  key: string,
  src: SourcePath,
): AzureId | undefined {
  const f = field(o, key);
  const id = parseAzureId(literal(f?.value));
  if (!f || !id?.subnet) return undefined;
  b.set(to, id.subnet, [...src, f.key]);
  return id;
}

/** `apiServerAccessProfile` as `apiServer`; returns the VNet reference of its subnet. */
function importApiServer(b: PlanBuilder, body: unknown, at: SourcePath): AzureId | undefined {
  const api = field(body, "apiServerAccessProfile");
  if (!api || !isObj(api.value)) return undefined;
  const src = [...at, api.key];
  const integrated = field(api.value, "enableVnetIntegration");
  if (typeof integrated?.value === "boolean")
    b.set(["apiServer", "vnetIntegration"], integrated.value, [...src, integrated.key]);
  const priv = field(api.value, "enablePrivateCluster");
  if (typeof priv?.value === "boolean") b.set(["apiServer", "private"], priv.value, [...src, priv.key]);
  // az aks show: authorizedIpRanges; ARM: authorizedIPRanges (field() matches either). An empty list is left out.
  const ranges = field(api.value, "authorizedIPRanges");
  if (Array.isArray(ranges?.value) && ranges.value.length > 0 && ranges.value.every((r) => typeof r === "string"))
    b.set(["apiServer", "authorizedIpRanges"], ranges.value, [...src, ranges.key]);
  return putSubnet(b, ["apiServer", "subnet"], api.value, "subnetId", src);
}

/**
 * The parts of the cluster beyond its network profile and pools: `sku.name` Automatic, `apiServerAccessProfile`
 * (VNet integration, its subnet, a private API server, the authorized IP ranges), `nodeProvisioningProfile.mode`,
 * `hostedSystemProfile`'s subnets, virtual nodes' subnet (`aciConnectorLinux` config SubnetName) and AGIC's
 * (`ingressApplicationGateway` config subnetId). Names: the 2026-04-01 API models vendored by
 * hashicorp/terraform-provider-azurerm (model_managedclusterapiserveraccessprofile.go,
 * model_managedclusternodeprovisioningprofile.go, model_managedclusterhostedsystemprofile.go) and
 * internal/services/containers/kubernetes_addons.go (add-on keys and config keys), checked 2026-12-06.
 */
function importClusterFeatures(b: PlanBuilder, v: unknown, body: unknown, at: SourcePath, base: SourcePath): AzureId[] {
  const put = putter(b);
  const refs: AzureId[] = [];
  const sku = field(v, "sku");
  const skuName = sku && isObj(sku.value) ? field(sku.value, "name") : undefined;
  if (sku && typeof skuName?.value === "string" && skuName.value.toLowerCase() === "automatic")
    b.set(["sku", "name"], "Automatic", [...base, sku.key, skuName.key]);
  const apiRef = importApiServer(b, body, at);
  if (apiRef) refs.push(apiRef);
  const nap = field(body, "nodeProvisioningProfile");
  if (nap && isObj(nap.value)) {
    const mode = field(nap.value, "mode");
    if (typeof mode?.value === "string" && /^(auto|manual)$/i.test(mode.value))
      b.set(["nodeProvisioning", "mode"], mode.value.toLowerCase() === "auto" ? "Auto" : "Manual", [
        ...at,
        nap.key,
        mode.key,
      ]);
  }
  const hosted = field(body, "hostedSystemProfile");
  if (hosted && isObj(hosted.value)) {
    const src = [...at, hosted.key];
    for (const [key, to] of [
      ["systemNodeSubnetID", "systemNodeSubnet"],
      ["nodeSubnetID", "nodeSubnet"],
    ] as const) {
      const ref = putSubnet(b, ["hostedSystem", to], hosted.value, key, src);
      if (ref) refs.push(ref);
    }
  }
  const addons = field(body, "addonProfiles");
  if (addons && isObj(addons.value)) {
    const src = [...at, addons.key];
    const enabled = (key: string) => {
      const a = field(addons.value, key);
      const on = a && isObj(a.value) ? field(a.value, "enabled") : undefined;
      const config = a && isObj(a.value) && on?.value === true ? field(a.value, "config") : undefined;
      return a && config && isObj(config.value)
        ? { config: config.value, src: [...src, a.key, config.key] }
        : undefined;
    };
    const aci = enabled("aciConnectorLinux");
    if (aci) put(["addons", "virtualNodes", "subnet"], aci.config, "SubnetName", aci.src);
    // AGIC's Application Gateway subnet (config subnetId). A cluster record can name one that its VNet record
    // does not hold (the recorded arm-cluster-kubenet-byo-subnet.json does: the subnet was made after the VNet
    // was read); the loader then leaves it out of the plan with a note (load.ts, unrecordedAgicSubnet).
    const agic = enabled("ingressApplicationGateway");
    if (agic) {
      const ref = putSubnet(b, ["addons", "applicationGateway", "subnet"], agic.config, "subnetId", agic.src);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

export function importManagedCluster(v: Obj, base: SourcePath = []): ImportedCluster {
  const b = new PlanBuilder();
  const put = putter(b);
  const props = field(v, "properties");
  const body: unknown = isObj(props?.value) ? props.value : v;
  const at: SourcePath = isObj(props?.value) ? [...base, props.key] : base;
  put(["name"], v, "name", base);
  put(["location"], v, "location", base);
  put(["resourceGroup"], v, "resourceGroup", base);
  put(["kubernetesVersion"], body, "kubernetesVersion", at, String);
  importNetworkProfile(b, body, at);
  const vnetRefs: AzureId[] = [];
  const featureRefs = importClusterFeatures(b, v, body, at, base);
  const pools = field(body, "agentPoolProfiles");
  if (pools && Array.isArray(pools.value)) {
    pools.value.forEach((p: unknown, i: number) => {
      const ref = importPool(b, i, p, [...at, pools.key, i]);
      if (ref) vnetRefs.push(ref);
    });
  } else if (pools && pools.value !== null) {
    // Not a list: handed on as it is, so the plan's schema names the field (agentPoolProfiles) instead of dropping it.
    b.set(["nodePools"], pools.value, [...at, pools.key]);
  }
  // The pools' subnets first: the cluster's VNet is picked from the first reference.
  vnetRefs.push(...featureRefs);
  return { builder: b, vnetRefs };
}
