/**
 * The subnets beside the nodes and pods, sized without a plan file (`aksnet size` flags): an API server subnet
 * shared by some clusters, an Application Gateway for Containers subnet, a gateway pool's subnet, a private
 * endpoint subnet, the virtual nodes' subnet and a node auto-provisioning subnet. Each is sized as `subnetSizes`
 * sizes a plan's (the same demand and knowledge-base facts), from a plan made of the counts given.
 */
import { planOf, type PlanInput } from "../plan/index.js";
import { subnetSizes, type SubnetSize } from "./sizes.js";

export interface ExtraSubnetCounts {
  /** Clusters sharing one API server subnet (API Server VNet Integration). */
  readonly apiServerClusters?: number;
  /** An Application Gateway for Containers subnet. */
  readonly agc?: boolean;
  /** Nodes of a static egress gateway pool in its own subnet. */
  readonly gatewayNodes?: number;
  /** Private endpoints in a subnet of their own. */
  readonly privateEndpoints?: number;
  /** Pods the virtual nodes (ACI) subnet must hold. */
  readonly virtualNodePods?: number;
  /** The most nodes a node auto-provisioning NodePool may create in its own subnet, and their max pods. */
  readonly napNodes?: number;
  readonly napMaxPods?: number;
}

/** A problem with the counts: the flag-like field and what is wrong. */
export interface ExtraSubnetProblem {
  readonly field: keyof ExtraSubnetCounts;
  readonly message: string;
}

const whole = (v: number | undefined, min: number) => v === undefined || (Number.isInteger(v) && v >= min);

/** The counts' problems: each must be a whole number, at least 1 (0 for none is not a subnet). */
export function extraSubnetProblems(c: ExtraSubnetCounts): ExtraSubnetProblem[] {
  const out: ExtraSubnetProblem[] = [];
  for (const k of ["apiServerClusters", "gatewayNodes", "privateEndpoints", "virtualNodePods", "napNodes"] as const)
    if (!whole(c[k], 1))
      out.push({ field: k, message: "must be a whole number of at least 1 (leave the flag out for none)" });
  if (!whole(c.napMaxPods, 1))
    out.push({ field: "napMaxPods", message: "must be a whole number of at least 1 (leave the flag out for none)" });
  if (c.napMaxPods !== undefined && c.napNodes === undefined)
    out.push({ field: "napMaxPods", message: "needs the node auto-provisioning subnet's node count too" });
  return out;
}

/** The subnets the counts ask for, sized; empty when they ask for none or have a problem. */
export function extraSubnetSizes(c: ExtraSubnetCounts): SubnetSize[] {
  if (extraSubnetProblems(c).length > 0) return [];
  const input: PlanInput = {
    network: { plugin: "azure", pluginMode: "overlay" },
    vnet: { name: "vnet", addressSpace: ["10.0.0.0/8"], subnets: [] },
    nodePools: [
      { name: "system", mode: "System", count: 3, subnet: "aks-nodes" },
      ...(c.gatewayNodes !== undefined
        ? [{ name: "egress", mode: "Gateway" as const, count: c.gatewayNodes, subnet: "aks-egress" }]
        : []),
    ],
    ...(c.apiServerClusters !== undefined
      ? { apiServer: { vnetIntegration: true, clustersSharingSubnet: c.apiServerClusters } }
      : {}),
    addons: {
      ...(c.agc ? { applicationGatewayForContainers: { subnet: "aks-agc" } } : {}),
      ...(c.virtualNodePods !== undefined ? { virtualNodes: { subnet: "aks-aci", maxPods: c.virtualNodePods } } : {}),
    },
    ...(c.napNodes !== undefined
      ? {
          nodeProvisioning: {
            mode: "Auto" as const,
            pools: [
              {
                name: "default",
                subnet: "aks-nap",
                maxNodes: c.napNodes,
                ...(c.napMaxPods !== undefined ? { maxPods: c.napMaxPods } : {}),
              },
            ],
          },
        }
      : {}),
    ...(c.privateEndpoints !== undefined
      ? {
          layout: {
            subnets: [
              { name: "private-endpoints", purpose: "privateEndpoints" as const, addresses: c.privateEndpoints },
            ],
          },
        }
      : {}),
  };
  return subnetSizes(planOf(input)).filter((s) => s.name !== "aks-nodes");
}
