/**
 * Test helpers: a small estate (clusters, one VNet, subnets with usage) and the
 * clusters' plans, written as the tables in the engine's tests read best.
 */
import { parsePlan, type Plan } from "../../plan/index.js";
import type { ClusterPlanInput } from "../report.js";
import type { EstateSnapshot, EstateSubnet, Missing } from "../snapshot.js";

export const SUB = "00000000-0000-0000-0000-000000000001";
export const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-a`;
export const subnetId = (name: string, vnet = VNET) => `${vnet}/subnets/${name}`;
export const clusterId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/${name}`;

export interface PoolSpec {
  readonly name: string;
  readonly count: number;
  readonly maxCount?: number;
  readonly maxPods?: number;
  readonly maxSurge?: string | number;
  readonly subnet?: string;
  readonly podSubnet?: string;
  readonly podIpAllocation?: "DynamicIndividual" | "StaticBlock";
}

export interface ClusterSpec {
  readonly name: string;
  readonly plugin?: "azure" | "kubenet" | "none";
  readonly pluginMode?: "overlay";
  readonly podCidr?: string;
  readonly kubernetesVersion?: string;
  readonly nodeResourceGroup?: string;
  readonly pools: readonly PoolSpec[];
  /** Leave the plan out (the record did not import). */
  readonly noPlan?: boolean;
}

export interface SubnetSpec {
  readonly name: string;
  readonly cidr: string;
  readonly used?: number;
  readonly limit?: number;
  readonly ipConfigurations?: number;
  readonly vnet?: string;
}

function planOf(c: ClusterSpec, subnets: readonly SubnetSpec[]): Plan {
  const r = parsePlan({
    name: c.name,
    kubernetesVersion: c.kubernetesVersion ?? "1.33",
    network: {
      plugin: c.plugin ?? "azure",
      ...(c.pluginMode ? { pluginMode: c.pluginMode } : {}),
      ...(c.podCidr ? { podCidrs: [c.podCidr] } : {}),
      serviceCidrs: ["172.16.0.0/16"],
      dnsServiceIp: "172.16.0.10",
    },
    // As the CLI imports it: the VNet section only when the pools' VNet was read.
    ...(c.pools.every((p) => !p.subnet || subnets.some((s) => s.name === p.subnet))
      ? { vnet: { addressSpace: ["10.0.0.0/12"], subnets: subnets.map((s) => ({ name: s.name, cidr: s.cidr })) } }
      : {}),
    nodePools: c.pools.map((p, i) => ({
      name: p.name,
      mode: i === 0 ? "System" : "User",
      count: p.count,
      ...(p.maxCount !== undefined ? { minCount: 1, maxCount: p.maxCount } : {}),
      ...(p.maxPods !== undefined ? { maxPods: p.maxPods } : {}),
      ...(p.maxSurge !== undefined ? { maxSurge: p.maxSurge } : {}),
      ...(p.subnet ? { subnet: p.subnet } : {}),
      ...(p.podSubnet ? { podSubnet: p.podSubnet } : {}),
      ...(p.podIpAllocation ? { podIpAllocation: p.podIpAllocation } : {}),
    })),
  });
  if (!r.plan) throw new Error(`test plan does not parse: ${JSON.stringify(r.problems)}`);
  return r.plan;
}

function subnetOf(s: SubnetSpec): EstateSubnet {
  return {
    id: subnetId(s.name, s.vnet),
    name: s.name,
    prefixes: [s.cidr],
    delegations: [],
    ...(s.ipConfigurations !== undefined ? { ipConfigurations: s.ipConfigurations } : {}),
    ...(s.used !== undefined ? { usage: { used: s.used, limit: s.limit ?? -2 } } : {}),
  };
}

/**
 * An estate of clusters on subnets of one VNet (a subnet naming another `vnet`
 * is left out of the snapshot), with usage where `used` is given.
 */
export function estate(
  clusters: readonly ClusterSpec[],
  subnets: readonly SubnetSpec[],
  missing: readonly Missing[] = [],
): { snapshot: EstateSnapshot; plans: Map<string, ClusterPlanInput> } {
  const own = subnets.filter((s) => !s.vnet);
  const fixLimit = (s: EstateSubnet): EstateSubnet =>
    s.usage && s.usage.limit === -2 ? { ...s, usage: { used: s.usage.used, limit: usable(s.prefixes[0]!) } } : s;
  const snapshot: EstateSnapshot = {
    clusters: clusters.map((c) => ({
      id: clusterId(c.name),
      name: c.name,
      subscriptionId: SUB,
      resourceGroup: "rg-aks",
      ...(c.nodeResourceGroup ? { nodeResourceGroup: c.nodeResourceGroup } : {}),
      pools: c.pools.map((p) => ({
        name: p.name,
        ...(p.subnet ? { subnetId: subnetId(p.subnet, subnets.find((s) => s.name === p.subnet)?.vnet) } : {}),
        ...(p.podSubnet ? { podSubnetId: subnetId(p.podSubnet) } : {}),
      })),
    })),
    vnets: own.length
      ? [
          {
            id: VNET,
            name: "vnet-a",
            subscriptionId: SUB,
            resourceGroup: "rg-net",
            addressSpace: ["10.0.0.0/12"],
            peerings: [],
            subnets: own.map(subnetOf).map(fixLimit),
          },
        ]
      : [],
    missing,
  };
  const plans = new Map<string, ClusterPlanInput>(
    clusters.filter((c) => !c.noPlan).map((c) => [clusterId(c.name).toLowerCase(), { plan: planOf(c, own) }]),
  );
  return { snapshot, plans };
}

/** Usable addresses of an IPv4 CIDR (size less Azure's 5), for the tables. */
export function usable(cidr: string): number {
  return 2 ** (32 - Number(cidr.split("/")[1])) - 5;
}
