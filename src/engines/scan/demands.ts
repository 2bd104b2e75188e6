/**
 * What each pool asks of each range it draws from: the node subnet, the pod
 * subnet (pod-subnet models) or the cluster's pod CIDR (kubenet, Overlay), as
 * addresses (or /24 blocks) per node, the nodes it runs now, at maxCount, and the
 * surge nodes of its next upgrade. Per-node figures come from the capacity engine.
 */
import { modelOf, type ModelId } from "../../kb/index.js";
import { addressesPerNode, podCidrBlocks } from "../capacity/index.js";
import type { ResolvedPlan, ResolvedPool } from "../plan/index.js";
import type { RangeRole } from "./checks.js";
import type { EstateCluster, EstatePool, EstateVnet } from "./snapshot.js";

/** One pool's demand on one range. */
export interface Demand {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly pool: string;
  readonly role: RangeRole;
  /** The range's key: a subnet ID in lower case, or `pod-cidr:<cluster id>`. */
  readonly key: string;
  /** Addresses (pod CIDR: /24 blocks) one node takes on the range. */
  readonly perNode: number;
  /**
   * `grows`: a dynamic-allocation pod subnet, where a node's share grows with its pods,
   * so Azure's count of used addresses holds part of it; `fixed`: allocated when the node starts.
   */
  readonly allocation: "fixed" | "grows";
  readonly nodes: number;
  readonly peak: number;
  readonly surge: number;
}

/** A pool of a cluster with where it draws its addresses from. */
export interface PoolPlacement {
  readonly resolved: ResolvedPool;
  readonly model: ModelId;
  readonly estate?: EstatePool | undefined;
  readonly nodeSubnetId?: string | undefined;
  readonly podSubnetId?: string | undefined;
  readonly notes: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

/**
 * The pool's own model: in a pod-subnet cluster, a pool without a pod subnet is
 * node subnet, and each pool has its own allocation mode.
 */
function poolModel(plan: ResolvedPlan, p: ResolvedPool): ModelId {
  if (plan.model === "kubenet" || plan.model === "azure-cni-overlay" || plan.model === "byo-cni") return plan.model;
  return modelOf({ plugin: plan.plugin, podSubnet: p.podSubnet !== undefined, podIpAllocation: p.podIpAllocation });
}

/**
 * The managed VNet AKS creates in the node resource group (`aks-vnet-<n>`, subnet `aks-subnet`),
 * for pools whose record has no vnetSubnetID.
 * Source: https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning ("AKS creates a VNet"),
 * Azure/karpenter-provider-azure:Makefile-az.mk (aks-vnet-…, aks-subnet) (checked 2026-12-06).
 */
export function managedSubnetId(c: EstateCluster, vnets: ReadonlyMap<string, EstateVnet>): string | undefined {
  if (!c.nodeResourceGroup) return undefined;
  const rg = lower(c.nodeResourceGroup);
  const sub = lower(c.subscriptionId);
  for (const v of vnets.values()) {
    if (lower(v.resourceGroup) !== rg || lower(v.subscriptionId) !== sub) continue;
    const subnet =
      v.subnets.find((s) => lower(s.name) === "aks-subnet") ?? (v.subnets.length === 1 ? v.subnets[0] : undefined);
    if (subnet) return subnet.id;
  }
  return undefined;
}

/** Each resolved pool matched with its ARM pool (by name) and its subnets. */
export function placePools(
  c: EstateCluster,
  plan: ResolvedPlan,
  vnets: ReadonlyMap<string, EstateVnet>,
): PoolPlacement[] {
  const byName = new Map(c.pools.map((p) => [lower(p.name), p]));
  let managed: string | undefined | null = null;
  return plan.pools.map((resolved) => {
    const estate = byName.get(lower(resolved.name));
    const notes: string[] = [];
    let nodeSubnetId = estate?.subnetId;
    if (!nodeSubnetId) {
      if (managed === null) managed = managedSubnetId(c, vnets);
      nodeSubnetId = managed;
      if (managed)
        notes.push(
          `no vnetSubnetID: the managed VNet's subnet in ${c.nodeResourceGroup ?? "the node resource group"} is used`,
        );
    }
    return {
      resolved,
      model: poolModel(plan, resolved),
      estate,
      nodeSubnetId,
      podSubnetId: estate?.podSubnetId,
      notes,
    };
  });
}

/** The demands of one cluster's pools on their node subnets, pod subnets and pod CIDR. */
export function demandsOf(c: EstateCluster, plan: ResolvedPlan, placed: readonly PoolPlacement[]): Demand[] {
  const out: Demand[] = [];
  const podCidr = plan.podCidrs.find((x) => x.prefix?.family === 4)?.prefix;
  for (const p of placed) {
    const r = p.resolved;
    const per = addressesPerNode(p.model, r.maxPods);
    const base = {
      clusterId: c.id,
      clusterName: c.name,
      pool: r.name,
      nodes: r.count,
      peak: r.peakCount,
      surge: r.maxSurge.nodes,
    };
    if (p.nodeSubnetId)
      out.push({
        ...base,
        role: "node-subnet",
        key: lower(p.nodeSubnetId),
        perNode: per.nodeSubnet,
        allocation: "fixed",
      });
    if (per.podSubnet > 0 && p.podSubnetId)
      out.push({
        ...base,
        role: "pod-subnet",
        key: lower(p.podSubnetId),
        perNode: per.podSubnet,
        allocation: p.model === "azure-cni-pod-subnet-dynamic" ? "grows" : "fixed",
      });
    if (per.podCidrBlocks > 0 && podCidr && podCidrBlocks(podCidr) > 0)
      out.push({
        ...base,
        role: "pod-cidr",
        key: `pod-cidr:${lower(c.id)}`,
        perNode: per.podCidrBlocks,
        allocation: "fixed",
      });
  }
  return out;
}
