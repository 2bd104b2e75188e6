/**
 * The chart of node-subnet addresses needed against node count, per model,
 * with the subnet's usable addresses as the capacity line. Numbers come from
 * the capacity engine (`nodeSubnetAddressesNeeded`, `usableAddresses`); this
 * module only samples them and finds where each curve crosses the line.
 *
 * Models that take the same node-subnet addresses per node (all but Node
 * Subnet take one) have identical curves and are drawn as one series, so no
 * line hides another.
 */
import type { Prefix } from "../../ip/index.js";
import {
  MODEL_IDS,
  MODELS,
  PLATFORM_LIMITS,
  defaultMaxPods,
  type MaxSurge,
  type ModelId,
  type SkuTier,
} from "../../kb/index.js";
import {
  addressesPerNode,
  nodeSubnetAddressesNeeded,
  resourceLimits,
  tenantAddresses,
  usableAddresses,
  type Resource,
  type Tenants,
} from "../capacity/index.js";

export interface ChartInput {
  readonly subnet: Prefix;
  /** Where the subnet came from, for the caption (e.g. `subnet aks-nodes` or `the /24 example`). */
  readonly subnetLabel: string;
  /** The node count to mark. */
  readonly nodes: number;
  /** Max pods per node for every model; each model's default when absent. */
  readonly maxPods?: number | undefined;
  readonly maxSurge: MaxSurge;
  readonly tenants?: Tenants | undefined;
  /** The pod CIDR (kubenet, Overlay: one /24 per node and surge node caps the nodes). */
  readonly podCidr?: Prefix | undefined;
  /** The pod subnet (the pod-subnet models). */
  readonly podSubnet?: Prefix | undefined;
  /** The pricing tier (its node limit); the API default when absent. */
  readonly tier?: SkuTier | undefined;
}

export interface ChartSeries {
  readonly models: readonly ModelId[];
  readonly title: string;
  readonly maxPods: number;
  /** Node-subnet addresses one node takes. */
  readonly perNode: number;
  /** [nodes, addresses needed] at each sampled node count. */
  readonly points: readonly (readonly [number, number])[];
  /**
   * The most nodes whose node-subnet addresses (with surge and tenants) fit the subnet: where the curve meets the line.
   */
  readonly subnetMaxNodes: number;
  /**
   * The most nodes the model runs with surge: the node subnet's bound or a tighter one (pod CIDR, route table, node
   * limits).
   */
  readonly maxNodes: number;
  /** The resource behind `maxNodes`. */
  readonly limitedBy: Resource;
  /** Node-subnet addresses needed at `maxNodes`: where the curve ends. */
  readonly atMaxNodes: number;
  /** Addresses needed at the marked node count. */
  readonly atMarker: number;
}

export interface ChartData {
  readonly subnet: string;
  readonly subnetLabel: string;
  /** Usable addresses of the subnet (Azure keeps 5): the capacity line. */
  readonly capacity: number;
  readonly marker: number;
  /** The x axis runs from 0 to this node count. */
  readonly xMax: number;
  readonly series: readonly ChartSeries[];
  readonly maxSurge: MaxSurge;
}

/** AKS's cluster node limit bounds the x axis (the knowledge base carries its source). */
const NODE_LIMIT = PLATFORM_LIMITS.nodesPerCluster.value;
const SAMPLES = 120;

interface CurveGroup {
  models: ModelId[];
  maxPods: number;
  perNode: number;
  subnetMaxNodes: number;
  maxNodes: number;
  limitedBy: Resource;
}

/** Models with the same addresses per node and the same bound share one curve (no line hides another). */
function curveGroups(input: ChartInput): CurveGroup[] {
  const reserved = tenantAddresses(input.tenants);
  const groups = new Map<string, CurveGroup>();
  for (const model of MODEL_IDS) {
    const maxPods = input.maxPods ?? defaultMaxPods(model).value;
    const perNode = addressesPerNode(model, maxPods).nodeSubnet;
    // Every bound with surge, as the capacity engine computes it (largest N with N + surge(N) slots).
    const limits = resourceLimits({
      model,
      nodeSubnet: input.subnet,
      maxPods,
      maxSurge: input.maxSurge,
      reserved,
      podCidr: input.podCidr,
      podSubnet: input.podSubnet,
      tier: input.tier,
    });
    const bound = limits.find((l) => l.resource === "node-subnet")?.maxNodesWithSurge ?? 0;
    const tightest = limits.reduce<{ resource: Resource; maxNodesWithSurge: number }>(
      (best, l) => (l.maxNodesWithSurge < best.maxNodesWithSurge ? l : best),
      { resource: "node-subnet", maxNodesWithSurge: bound },
    );
    const key = `${perNode} ${tightest.maxNodesWithSurge} ${tightest.resource}`;
    const g = groups.get(key);
    if (g) g.models.push(model);
    else
      groups.set(key, {
        models: [model],
        maxPods,
        perNode,
        subnetMaxNodes: bound,
        maxNodes: tightest.maxNodesWithSurge,
        limitedBy: tightest.resource,
      });
  }
  return [...groups.values()];
}

export function chartData(input: ChartInput): ChartData {
  const capacity = usableAddresses(input.subnet);
  const need = (model: ModelId, maxPods: number, nodes: number) =>
    nodeSubnetAddressesNeeded(model, [{ name: "pool", nodes, maxPods, maxSurge: input.maxSurge }], input.tenants ?? 0);

  const base = curveGroups(input);
  const widest = Math.max(...base.map((b) => Math.min(b.subnetMaxNodes, NODE_LIMIT)));
  const xMax = Math.max(10, input.nodes, Math.min(NODE_LIMIT, Math.ceil(Math.max(widest * 1.15, input.nodes * 1.5))));
  const step = Math.max(1, Math.ceil(xMax / SAMPLES));
  const xs: number[] = [];
  for (let n = 0; n < xMax; n += step) xs.push(n);
  xs.push(xMax);
  const series = base.map((b): ChartSeries => {
    const model = b.models[0] as ModelId;
    return {
      models: b.models,
      title: b.models.map((m) => MODELS[m].title).join(", "),
      maxPods: b.maxPods,
      perNode: b.perNode,
      points: xs.map((n) => [n, need(model, b.maxPods, n)] as const),
      subnetMaxNodes: b.subnetMaxNodes,
      maxNodes: b.maxNodes,
      limitedBy: b.limitedBy,
      atMaxNodes: need(model, b.maxPods, b.maxNodes),
      atMarker: need(model, b.maxPods, input.nodes),
    };
  });
  return {
    subnet: input.subnet.toString(),
    subnetLabel: input.subnetLabel,
    capacity,
    marker: input.nodes,
    xMax,
    series,
    maxSurge: input.maxSurge,
  };
}
