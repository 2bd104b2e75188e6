/** Node pools as the capacity engine sees them: the nodes to reserve for, max pods and surge. */
import type { MaxSurge } from "../../kb/defaults.js";
import { defaultMaxPods } from "../../kb/defaults.js";
import { type ModelId } from "../../kb/ids.js";
import { addressesPerNode, type PerNode } from "./per-node.js";
import { surgeNodes } from "./surge.js";

export interface PoolTarget {
  readonly name: string;
  /** The nodes to reserve addresses for: the count, or the autoscaler's maxCount (AKS reserves it up front). */
  readonly nodes: number;
  /** Max pods per node; the model's default when absent. */
  readonly maxPods?: number | undefined;
  readonly maxSurge: MaxSurge;
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

/** Node-subnet addresses the tenants take. */
export function tenantAddresses(t: Tenants = {}): number {
  return (t.internalLoadBalancerIps ?? 0) + (t.privateEndpoints ?? 0) + (t.other ?? 0);
}

/** Each pool with its surge and per-node use under `model`. */
export function poolNeeds(model: ModelId, pools: readonly PoolTarget[]): PoolNeed[] {
  return pools.map((p) => {
    const maxPods = p.maxPods ?? defaultMaxPods(model).value;
    return {
      name: p.name,
      nodes: p.nodes,
      surgeNodes: surgeNodes(p.nodes, p.maxSurge),
      maxPods,
      perNode: addressesPerNode(model, maxPods),
    };
  });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Node-subnet addresses needed: Σ (nodes + surge) × per-node addresses, plus the tenants. Azure's 5 reserved addresses are not included. */
export function nodeSubnetAddressesNeeded(
  model: ModelId,
  pools: readonly PoolTarget[],
  tenants: Tenants | number = 0,
): number {
  const t = typeof tenants === "number" ? tenants : tenantAddresses(tenants);
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
  return sum(pools.map((p) => p.nodes + surgeNodes(p.nodes, p.maxSurge)));
}

/** VNet private IPs the pools take (nodes, and pod addresses or static blocks that live in the VNet). */
export function vnetIpsNeeded(model: ModelId, pools: readonly PoolTarget[]): number {
  return sum(poolNeeds(model, pools).map((p) => (p.nodes + p.surgeNodes) * p.perNode.vnetIps));
}
