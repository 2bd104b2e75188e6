/**
 * Node pools as the capacity engine sees them: the nodes to reserve for, max pods and surge. Counts that are
 * not whole numbers ≥ 0 (NaN, negatives, fractions) are read as 0, so every sum is a whole number.
 */
import { defaultMaxPods, isModelId, type MaxSurge, type ModelId } from "../../kb/index.js";
import { addressesPerNode, wholeCount, type PerNode } from "./per-node.js";
import { surgeNodes } from "./surge.js";

export interface PoolTarget {
  readonly name: string;
  /** The nodes to reserve addresses for: the count, or the autoscaler's maxCount (AKS reserves it up front). */
  readonly nodes: number;
  /** Max pods per node; the model's default when absent. */
  readonly maxPods?: number | undefined;
  readonly maxSurge: MaxSurge;
  /**
   * Nodes upgraded in place at a time (AKS's maxUnavailable, default 0): no addresses, but with maxSurge 0 it is
   * required.
   */
  readonly maxUnavailable?: MaxSurge | undefined;
  /** A Spot pool: upgraded without surge nodes (kb SPOT_POOL.surgeNodes), so max surge 0 is not refused. */
  readonly spot?: boolean | undefined;
}

/** Other consumers of node-subnet addresses. */
export interface Tenants {
  readonly internalLoadBalancerIps?: number | undefined;
  readonly privateEndpoints?: number | undefined;
  readonly other?: number | undefined;
}

/** One pool resolved for a model. */
export interface PoolNeed {
  readonly name: string;
  readonly nodes: number;
  readonly surgeNodes: number;
  readonly maxPods: number;
  readonly perNode: PerNode;
}

const whole = wholeCount;

/** The pools as records: a value from JavaScript that is not an array is no pools, an item not an object a bare one. */
function poolsOf(pools: readonly PoolTarget[]): readonly Partial<PoolTarget>[] {
  if (!Array.isArray(pools)) return [];
  return pools.map((p: unknown) => (typeof p === "object" && p !== null ? (p as PoolTarget) : {}));
}

/** Node-subnet addresses the tenants take (a count that is not a whole number ≥ 0 is read as 0). */
export function tenantAddresses(t: Tenants = {}): number {
  if (typeof t !== "object" || t === null) return 0;
  return whole(t.internalLoadBalancerIps) + whole(t.privateEndpoints) + whole(t.other);
}

/** Each pool with its surge and per-node use under `model`. */
export function poolNeeds(model: ModelId, pools: readonly PoolTarget[]): PoolNeed[] {
  return poolsOf(pools).map((p) => {
    const maxPods = p.maxPods !== undefined ? whole(p.maxPods) : isModelId(model) ? defaultMaxPods(model).value : 0;
    const nodes = whole(p.nodes);
    return {
      name: typeof p.name === "string" ? p.name : "",
      nodes,
      surgeNodes: surgeNodes(nodes, p.maxSurge!),
      maxPods,
      perNode: addressesPerNode(model, maxPods),
    };
  });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Node-subnet addresses needed: Σ (nodes + surge) × per-node addresses, plus the tenants. Azure's 5 reserved addresses
 * are not included.
 */
export function nodeSubnetAddressesNeeded(
  model: ModelId,
  pools: readonly PoolTarget[],
  tenants: Tenants | number = 0,
): number {
  const t = typeof tenants === "number" ? whole(tenants) : tenantAddresses(tenants);
  return sum(poolNeeds(model, pools).map((p) => (p.nodes + p.surgeNodes) * p.perNode.nodeSubnet)) + t;
}

/** Pod-subnet addresses needed (pod-subnet models; 0 otherwise), not counting Azure's 5. */
export function podSubnetAddressesNeeded(model: ModelId, pools: readonly PoolTarget[]): number {
  return sum(poolNeeds(model, pools).map((p) => (p.nodes + p.surgeNodes) * p.perNode.podSubnet));
}

/** /28 blocks needed in a static-block pod subnet (0 for other models). */
export function podSubnetBlocksNeeded(model: ModelId, pools: readonly PoolTarget[]): number {
  return sum(poolNeeds(model, pools).map((p) => (p.nodes + p.surgeNodes) * p.perNode.podSubnetBlocks));
}

/** /24 blocks of the pod CIDR needed (kubenet, Overlay): one per node and surge node, whatever maxPods is. */
export function podCidrBlocksNeeded(pools: readonly PoolTarget[]): number {
  return sum(poolsOf(pools).map((p) => whole(p.nodes) + surgeNodes(p.nodes!, p.maxSurge!)));
}

/** VNet private IPs the pools take (nodes, and pod addresses or static blocks that live in the VNet). */
export function vnetIpsNeeded(model: ModelId, pools: readonly PoolTarget[]): number {
  return sum(poolNeeds(model, pools).map((p) => (p.nodes + p.surgeNodes) * p.perNode.vnetIps));
}
