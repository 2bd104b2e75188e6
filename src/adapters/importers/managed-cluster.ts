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

const TEMPLATE_TYPES = {
  cluster: "microsoft.containerservice/managedclusters",
  vnet: "microsoft.network/virtualnetworks",
} as const;

/** The resources of an ARM deployment template (`$schema` …deploymentTemplate.json, `resources[]`) of one type, with their source paths. */
export function templateResources(v: unknown, kind: keyof typeof TEMPLATE_TYPES): { o: Obj; at: SourcePath }[] {
  if (!isObj(v) || !Array.isArray(v["resources"])) return [];
  return (v["resources"] as unknown[]).flatMap((r, i) => {
    const type = field(r, "type")?.value;
    return isObj(r) && typeof type === "string" && type.toLowerCase() === TEMPLATE_TYPES[kind]
      ? [{ o: r, at: ["resources", i] as SourcePath }]
      : [];
  });
}

/**
 * A copy of `value` with every `"[parameters('x')]"` replaced by the template
 * parameter's literal `defaultValue`, where it has one; other expressions stay
 * (and are then left out as unknown until deployment).
 */
export function withParameterDefaults(value: unknown, template: Obj): unknown {
  const params = isObj(template["parameters"]) ? template["parameters"] : {};
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const m = /^\[parameters\('([^']+)'\)\]$/.exec(v.trim());
      const p = m ? field(params, m[1]!)?.value : undefined;
      const d = isObj(p) ? literal(p["defaultValue"]) : undefined;
      return d === undefined ? v : d;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** Reports whether the value is an ARM deployment template holding a managed cluster. */
export function isArmTemplate(v: unknown): boolean {
  return (
    isObj(v) &&
    typeof v["$schema"] === "string" &&
    /deploymentTemplate/i.test(v["$schema"]) &&
    templateResources(v, "cluster").length > 0
  );
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

export function importManagedCluster(v: Obj, base: SourcePath = []): ImportedCluster {
  const b = new PlanBuilder();
  const props = field(v, "properties");
  const body: unknown = isObj(props?.value) ? props.value : v;
  const at: SourcePath = isObj(props?.value) ? [...base, props.key] : base;
  const put = (
    planPath: (string | number)[],
    o: unknown,
    key: string,
    src: SourcePath,
    map: (x: unknown) => unknown = (x) => x,
  ) => {
    const f = field(o, key);
    const val = literal(f?.value);
    if (f && val !== undefined) b.set(planPath, map(val), [...src, f.key]);
  };

  put(["name"], v, "name", base);
  put(["location"], v, "location", base);
  put(["resourceGroup"], v, "resourceGroup", base);
  put(["kubernetesVersion"], body, "kubernetesVersion", at, String);

  const np = field(body, "networkProfile");
  if (np && isObj(np.value)) {
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
    put(["network", "ipFamilies"], np.value, "ipFamilies", src, (x) =>
      Array.isArray(x)
        ? x.map((s) =>
            typeof s === "string" && s.toLowerCase() === "ipv6"
              ? "IPv6"
              : typeof s === "string" && s.toLowerCase() === "ipv4"
                ? "IPv4"
                : s,
          )
        : x,
    );
  }

  const vnetRefs: AzureId[] = [];
  const pools = field(body, "agentPoolProfiles");
  if (pools && Array.isArray(pools.value)) {
    pools.value.forEach((p: unknown, i: number) => {
      const src: SourcePath = [...at, pools.key, i];
      b.mark(["nodePools", i], src);
      const pp = (k: string) => ["nodePools", i, k];
      put(pp("name"), p, "name", src);
      const mode = field(p, "mode");
      if (typeof mode?.value === "string")
        b.set(
          pp("mode"),
          mode.value.toLowerCase() === "system" ? "System" : mode.value.toLowerCase() === "user" ? "User" : mode.value,
          [...src, mode.key],
        );
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
        b.set(pp("os"), win ? (/^Windows20(19|22|25)$/.test(sku) ? sku : "Windows2022") : "Linux", [
          ...src,
          osType.key,
        ]);
      }
      const up = field(p, "upgradeSettings");
      if (up && isObj(up.value)) {
        const ms = field(up.value, "maxSurge");
        const val = literal(ms?.value);
        if (ms && (typeof val === "string" || typeof val === "number") && String(val) !== "")
          b.set(pp("maxSurge"), /^\d+$/.test(String(val)) ? Number(val) : val, [...src, up.key, ms.key]);
      }
      const subnetId = field(p, "vnetSubnetId");
      const sid = parseAzureId(literal(subnetId?.value));
      if (subnetId && sid?.subnet) {
        b.set(pp("subnet"), sid.subnet, [...src, subnetId.key]);
        vnetRefs.push(sid);
      }
      const podId = field(p, "podSubnetId");
      const pid = parseAzureId(literal(podId?.value));
      if (podId && pid?.subnet) b.set(pp("podSubnet"), pid.subnet, [...src, podId.key]);
      put(pp("podIpAllocation"), p, "podIpAllocationMode", src);
    });
  }
  return { builder: b, vnetRefs };
}
