/**
 * Synthetic estates in the shapes of the recorded fixtures (a managed cluster
 * record from an az CLI test recording, a VNet GET, the REST usage sample):
 * many subscriptions, clusters of every model with several pools, their spoke
 * VNets with many subnets, unrelated VNets beside them, and usage figures that
 * leave some subnets nearly full. Seeded, so every run is the same estate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArmEstate } from "./arm-rows.js";

type Obj = Record<string, unknown>;

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const json = (f: string): Obj => JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as Obj;

/** Mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EstateShape {
  readonly clusters: number;
  readonly poolsPerCluster: number;
  /** VNets in all (one spoke per cluster, the rest unrelated). */
  readonly vnets: number;
  readonly subnetsPerVnet: number;
  readonly subscriptions: number;
  readonly seed?: number;
}

const sub = (i: number) => `00000000-0000-0000-0000-${String(i + 1).padStart(12, "0")}`;
const vnetId = (s: string, i: number) =>
  `/subscriptions/${s}/resourceGroups/rg-net-${i}/providers/Microsoft.Network/virtualNetworks/vnet-${i}`;

const MODELS = ["kubenet", "overlay", "node-subnet", "pod-subnet"] as const;

function network(model: (typeof MODELS)[number]): Obj {
  const base = {
    serviceCidr: "172.16.0.0/16",
    dnsServiceIP: "172.16.0.10",
    outboundType: "loadBalancer",
    loadBalancerSku: "Standard",
  };
  if (model === "kubenet") return { ...base, networkPlugin: "kubenet", podCidr: "10.244.0.0/16" };
  if (model === "overlay")
    return { ...base, networkPlugin: "azure", networkPluginMode: "overlay", podCidr: "10.244.0.0/16" };
  return { ...base, networkPlugin: "azure" };
}

function cluster(template: Obj, i: number, s: string, vnet: string, shape: EstateShape, r: () => number): Obj {
  const model = MODELS[i % MODELS.length]!;
  const name = `aks-${i}`;
  const props = structuredClone(template["properties"]) as Obj;
  const poolTemplate = (props["agentPoolProfiles"] as Obj[])[0]!;
  props["agentPoolProfiles"] = Array.from({ length: shape.poolsPerCluster }, (_, p) => {
    const count = 1 + Math.floor(r() * 8);
    const auto = r() < 0.7;
    return {
      ...structuredClone(poolTemplate),
      name: p === 0 ? "system" : `user${p}`,
      mode: p === 0 ? "System" : "User",
      count,
      ...(auto ? { enableAutoScaling: true, minCount: 1, maxCount: count + Math.floor(r() * 20) } : {}),
      maxPods: model === "node-subnet" ? 30 : model === "pod-subnet" ? 50 : 110,
      vnetSubnetID: `${vnet}/subnets/snet-${p % 2}`,
      ...(model === "pod-subnet" ? { podSubnetID: `${vnet}/subnets/snet-pods` } : {}),
      upgradeSettings: { maxSurge: r() < 0.5 ? "10%" : "1" },
      orchestratorVersion: "1.33.2",
    };
  });
  props["kubernetesVersion"] = "1.33.2";
  props["networkProfile"] = network(model);
  props["nodeResourceGroup"] = `MC_rg-aks-${i}_${name}_westeurope`;
  return {
    ...structuredClone(template),
    id: `/subscriptions/${s}/resourcegroups/rg-aks-${i}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    location: "westeurope",
    properties: props,
  };
}

function vnet(template: Obj, i: number, s: string, shape: EstateShape): Obj {
  const id = vnetId(s, i);
  const props = structuredClone(template["properties"]) as Obj;
  const subnetTemplate = (props["subnets"] as Obj[])[0]!;
  props["addressSpace"] = { addressPrefixes: [`10.${(i >> 4) & 255}.${(i & 15) << 4}.0/20`] };
  const names = [
    "snet-0",
    "snet-1",
    "snet-pods",
    ...Array.from({ length: Math.max(0, shape.subnetsPerVnet - 3) }, (_, k) => `snet-x${k}`),
  ];
  props["subnets"] = names.slice(0, shape.subnetsPerVnet).map((n, k) => {
    const sp = structuredClone(subnetTemplate["properties"]) as Obj;
    // /20 split in /24s: subnets 0-1 nodes, 2 pods, the rest other tenants.
    sp["addressPrefix"] = `10.${(i >> 4) & 255}.${((i & 15) << 4) + k}.0/24`;
    return { ...structuredClone(subnetTemplate), name: n, id: `${id}/subnets/${n}`, properties: sp };
  });
  return { ...structuredClone(template), id, name: `vnet-${i}`, properties: props };
}

function usages(v: Obj, r: () => number): unknown[] {
  return ((v["properties"] as Obj)["subnets"] as Obj[]).map((s) => {
    const limit = 251;
    const fill = r();
    const used = fill < 0.1 ? limit - Math.floor(r() * 4) : Math.floor(fill * 120);
    return {
      currentValue: used,
      id: s["id"],
      limit,
      name: { localizedValue: "Subnet size and usage", value: "SubnetSpace" },
      unit: "Count",
    };
  });
}

/** An estate of `shape`'s size, built from the recorded shapes. */
export function syntheticEstate(shape: EstateShape): ArmEstate {
  const r = prng(shape.seed ?? 1);
  const ct = json("arm-cluster-kubenet-byo-subnet.json");
  const vt = json("arm-vnet-byo-subnet.json");
  const vnets: Obj[] = [];
  const clusters: Obj[] = [];
  const use = new Map<string, unknown[]>();
  for (let i = 0; i < shape.vnets; i++) {
    const s = sub(i % shape.subscriptions);
    const v = vnet(vt, i, s, shape);
    vnets.push(v);
    use.set(String(v["id"]).toLowerCase(), usages(v, r));
    if (i < shape.clusters) clusters.push(cluster(ct, i, s, String(v["id"]), shape, r));
  }
  return { clusters, vnets, usages: use };
}
