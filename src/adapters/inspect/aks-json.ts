/**
 * The configured side of a cluster, read from `az aks show -o json` (SDK
 * casing: `vnetSubnetId`, `podSubnetId`, `podIpAllocationMode`) or the ARM
 * shape (`properties.…`, `vnetSubnetID`, `podSubnetID`, `podIPAllocationMode`).
 * Casing facts: MicrosoftDocs/azure-aks-docs:articles/aks/spot-node-pool.md,
 * articles/aks/scale-cluster.md (sample outputs), checked 2026-11-22.
 *
 * Only the fields `inspect` shows or uses for headroom are kept.
 */
import { modelOf, type ModelId } from "../../kb/index.js";

export interface ConfiguredPool {
  readonly name: string;
  readonly count: number | undefined;
  readonly minCount: number | undefined;
  readonly maxCount: number | undefined;
  readonly autoscaling: boolean;
  readonly maxPods: number | undefined;
  /** `upgradeSettings.maxSurge` as written ("10%", "1", "33%"), or undefined when unset. */
  readonly maxSurge: string | undefined;
  readonly vnetSubnetId: string | undefined;
  readonly podSubnetId: string | undefined;
  readonly podIpAllocationMode: string | undefined;
  readonly osType: string | undefined;
}

export interface ConfiguredCluster {
  readonly name: string | undefined;
  readonly kubernetesVersion: string | undefined;
  readonly networkPlugin: string | undefined;
  readonly networkPluginMode: string | undefined;
  readonly networkDataplane: string | undefined;
  readonly networkPolicy: string | undefined;
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  readonly dnsServiceIp: string | undefined;
  readonly outboundType: string | undefined;
  readonly pools: readonly ConfiguredPool[];
}

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Json) : {});
const str = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
/** The first present field among spellings (SDK and ARM casing differ). */
const pick = (o: Json, ...keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []);

/** Reads an `az aks show` or ARM managed cluster document; returns undefined when it is not one. */
export function readConfiguredCluster(doc: unknown): ConfiguredCluster | undefined {
  const root = obj(doc);
  const props = root["properties"] !== undefined ? obj(root["properties"]) : root;
  const np = obj(pick(props, "networkProfile"));
  const pools = pick(props, "agentPoolProfiles");
  if (Object.keys(np).length === 0 && !Array.isArray(pools)) return undefined;
  const podCidrs = strings(np["podCidrs"]);
  if (podCidrs.length === 0 && str(np["podCidr"])) podCidrs.push(np["podCidr"] as string);
  const serviceCidrs = strings(np["serviceCidrs"]);
  if (serviceCidrs.length === 0 && str(np["serviceCidr"])) serviceCidrs.push(np["serviceCidr"] as string);
  return {
    name: str(root["name"]),
    kubernetesVersion: str(pick(props, "currentKubernetesVersion", "kubernetesVersion")),
    networkPlugin: str(np["networkPlugin"]),
    networkPluginMode: str(np["networkPluginMode"]),
    networkDataplane: str(np["networkDataplane"]),
    networkPolicy: str(np["networkPolicy"]),
    podCidrs,
    serviceCidrs,
    dnsServiceIp: str(pick(np, "dnsServiceIp", "dnsServiceIP")),
    outboundType: str(np["outboundType"]),
    pools: (Array.isArray(pools) ? pools : []).map((raw) => {
      const p = obj(raw);
      const surge = pick(obj(p["upgradeSettings"]), "maxSurge");
      return {
        name: str(p["name"]) ?? "?",
        count: num(p["count"]),
        minCount: num(p["minCount"]),
        maxCount: num(p["maxCount"]),
        autoscaling: p["enableAutoScaling"] === true,
        maxPods: num(p["maxPods"]),
        maxSurge: typeof surge === "number" ? String(surge) : str(surge),
        vnetSubnetId: str(pick(p, "vnetSubnetId", "vnetSubnetID")),
        podSubnetId: str(pick(p, "podSubnetId", "podSubnetID")),
        podIpAllocationMode: str(pick(p, "podIpAllocationMode", "podIPAllocationMode")),
        osType: str(p["osType"]),
      };
    }),
  };
}

/** The configured model, by the knowledge base's `modelOf`; undefined for an unknown plugin. */
export function configuredModel(c: ConfiguredCluster): ModelId | undefined {
  const plugin = c.networkPlugin?.toLowerCase();
  if (plugin !== "azure" && plugin !== "kubenet" && plugin !== "none") return undefined;
  const withPodSubnet = c.pools.filter((p) => p.podSubnetId);
  return modelOf({
    plugin,
    pluginMode: c.networkPluginMode?.toLowerCase() === "overlay" ? "overlay" : undefined,
    podSubnet: withPodSubnet.length > 0,
    podIpAllocation: withPodSubnet.length > 0 && withPodSubnet.every((p) => p.podIpAllocationMode === "StaticBlock") ? "StaticBlock" : "DynamicIndividual",
  });
}
