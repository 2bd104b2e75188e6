/** A small fleet for the fleet generators' goldens and laws: two Overlay clusters of one shape, one kubenet cluster. */
import { PlanSchema, type Plan, type PlanInput } from "../../../engines/schema/index.js";
import type { FleetGenCluster } from "./types.js";

function overlay(name: string, location: string, vnetCidr: string, nodes: string, maxCount: number): PlanInput {
  return {
    name,
    resourceGroup: `rg-${name}`,
    location,
    kubernetesVersion: "1.33",
    network: {
      plugin: "azure",
      pluginMode: "overlay",
      podCidrs: ["10.244.0.0/16"],
      serviceCidrs: ["10.0.0.0/16"],
      dnsServiceIp: "10.0.0.10",
      outboundType: "loadBalancer",
    },
    vnet: { name: `vnet-${name}`, addressSpace: [vnetCidr], subnets: [{ name: "aks-nodes", cidr: nodes }] },
    nodePools: [
      { name: "system", mode: "System", count: 3, subnet: "aks-nodes" },
      { name: "apps", mode: "User", minCount: 2, maxCount, maxPods: 250, maxSurge: "10%", subnet: "aks-nodes" },
    ],
  };
}

const kubenet: PlanInput = {
  name: "aks-legacy",
  resourceGroup: "rg-aks-legacy",
  location: "westeurope",
  kubernetesVersion: "1.32",
  network: { plugin: "kubenet", podCidrs: ["10.244.0.0/16"], serviceCidrs: ["10.0.0.0/16"], dnsServiceIp: "10.0.0.10" },
  vnet: {
    name: "vnet-aks-legacy",
    addressSpace: ["10.30.0.0/22"],
    subnets: [{ name: "aks-nodes", cidr: "10.30.0.0/24" }],
  },
  nodePools: [{ name: "system", mode: "System", count: 3, maxPods: 110, subnet: "aks-nodes" }],
};

export const FLEET: readonly FleetGenCluster[] = [
  overlay("aks-weu-1", "westeurope", "10.10.0.0/20", "10.10.0.0/22", 20),
  overlay("aks-neu-1", "northeurope", "10.10.16.0/20", "10.10.16.0/22", 40),
  kubenet,
].map((p) => ({ name: p.name as string, plan: PlanSchema.parse(p) as Plan }));

/** An IPAM pool's resource ID in the test subscription. */
export const ipamPoolId = (pool: string) =>
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network" +
  `/providers/Microsoft.Network/networkManagers/nm-platform/ipamPools/${pool}`;

/**
 * The same fleet with its VNets and subnets from IPAM pools: the Overlay clusters share one, the kubenet one has
 * its own.
 */
export const FLEET_IPAM: readonly FleetGenCluster[] = FLEET.map((c) => ({
  ...c,
  ipamPool: ipamPoolId(c.name === "aks-legacy" ? "legacy" : "spokes"),
}));
