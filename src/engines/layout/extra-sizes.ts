/**
 * The subnets beside the nodes and pods, sized without a plan file (`aksnet size` flags): an API server subnet
 * shared by some clusters, an Application Gateway for Containers subnet, a gateway pool's subnet, a private
 * endpoint subnet, the virtual nodes' subnet and a node auto-provisioning subnet. Each is sized as `subnetSizes`
 * sizes a plan's (the same demand and knowledge-base facts), from a plan made of the counts given and the network
 * model chosen: a gateway pool's or NAP's nodes take one address each with Overlay but their pods' too with Node
 * Subnet, and AGC's subnet is exactly /24 only with Overlay.
 */
import { GATEWAY_POOL, MODELS, NODE_AUTO_PROVISIONING, type ModelId } from "../../kb/index.js";
import { planOf, type PlanInput } from "../plan/index.js";
import { subnetSizes, type SubnetSize } from "./sizes.js";

/** A subnet sized from counts, with the models its size holds for. */
export interface ModelSubnetSize extends SubnetSize {
  readonly models: readonly ModelId[];
}

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

/** The plan's network and the pool fields of a model (its plugin, mode and pod subnet). */
function modelParts(model: ModelId) {
  const m = MODELS[model].config;
  const network = {
    plugin: m.plugin,
    ...(m.pluginMode ? { pluginMode: m.pluginMode } : {}),
  } as const;
  const pool = m.podSubnet
    ? ({ podSubnet: "aks-pods", podIpAllocation: m.podIpAllocation ?? "DynamicIndividual" } as const)
    : {};
  return { network, pool };
}

/**
 * The subnets the counts ask for, sized for one model (default Overlay); empty when they ask for none or have a
 * problem. The sizing pool's own node and pod subnets are left out.
 */
export function extraSubnetSizes(c: ExtraSubnetCounts, model: ModelId = "azure-cni-overlay"): SubnetSize[] {
  if (extraSubnetProblems(c).length > 0) return [];
  const { network, pool } = modelParts(model);
  const input: PlanInput = {
    network,
    vnet: { name: "vnet", addressSpace: ["10.0.0.0/8"], subnets: [] },
    nodePools: [
      { name: "system", mode: "System", count: 3, subnet: "aks-nodes", ...pool },
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
  return subnetSizes(planOf(input))
    .filter((s) => s.name !== "aks-nodes" && s.name !== "aks-pods")
    .map((s) => {
      const why = unsupported(s.name, model);
      return why ? { ...s, notes: [...s.notes, why] } : s;
    });
}

/** Why AKS refuses the subnet's use with the model (check says so too); undefined when it allows it. */
function unsupported(name: string, model: ModelId): string | undefined {
  const m = MODELS[model];
  const title = m.title;
  if (name === "aks-agc" && !m.applicationGatewayForContainers.value)
    return `Application Gateway for Containers does not support ${title}`;
  if (name === "aks-egress" && m.config.podSubnet && !GATEWAY_POOL.podSubnet.value)
    return `static egress gateway pools are not supported with ${title}`;
  if (name === "aks-nap" && !NODE_AUTO_PROVISIONING.supportedModels.value.includes(model))
    return `node auto-provisioning does not support ${title}`;
  return undefined;
}

/**
 * The subnets the counts ask for, sized for each model given, in order; a subnet whose size is the same for
 * several models is one entry naming them all.
 */
export function extraSubnetSizesByModel(c: ExtraSubnetCounts, models: readonly ModelId[]): ModelSubnetSize[] {
  const out: { size: SubnetSize; key: string; models: ModelId[] }[] = [];
  for (const model of models)
    for (const size of extraSubnetSizes(c, model)) {
      const { sources: _s, ...rest } = size;
      const key = JSON.stringify(rest);
      const same = out.find((x) => x.key === key);
      if (same) same.models.push(model);
      else out.push({ size, key, models: [model] });
    }
  const order = [...new Set(out.map((x) => x.size.name))];
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => order.indexOf(a.x.size.name) - order.indexOf(b.x.size.name) || a.i - b.i)
    .map(({ x }) => ({ ...x.size, models: x.models }));
}
