/**
 * What one node takes, per model, for a given maxPods: addresses in the node
 * subnet, addresses (or /28 blocks) in the pod subnet, /24 blocks of the pod
 * CIDR, and private IPs counted against the VNet's 65,536 limit.
 * Sources: reference formulas in https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning,
 * /configure-kubenet, /concepts-network-azure-cni-overlay, /configure-azure-cni-dynamic-ip-allocation,
 * /configure-azure-cni-static-block-allocation (checked 2026-11-22).
 */
import { MODELS } from "../../kb/models/index.js";
import { type ModelId } from "../../kb/ids.js";

export interface PerNode {
  /** Addresses the node takes in the node subnet: 1, or 1 + maxPods for Node Subnet. */
  readonly nodeSubnet: number;
  /** Addresses the node takes in the pod subnet (pod-subnet models), else 0. */
  readonly podSubnet: number;
  /** /28 blocks the node takes in the pod subnet (static block), else 0. */
  readonly podSubnetBlocks: number;
  /** /24 blocks of the pod CIDR the node takes (kubenet, Overlay), else 0. */
  readonly podCidrBlocks: number;
  /** Private IPs counted against the VNet limit (a static block counts once). */
  readonly vnetIps: number;
}

/** Pod-subnet addresses in one static block (/28). */
export const STATIC_BLOCK_SIZE = 16;
/** Addresses in one pod CIDR block (/24) for kubenet and Overlay. */
export const POD_CIDR_BLOCK_BITS = 24;

/** /28 blocks a static-block node takes: ceil((maxPods + 1) / 16) (one address is the node's own). */
export function staticBlocksPerNode(maxPods: number): number {
  return Math.ceil((maxPods + 1) / STATIC_BLOCK_SIZE);
}

/**
 * Pod-subnet addresses a dynamic-allocation node can hold when full: a multiple
 * of the batch (16) that leaves at least 8 free after maxPods pods, so
 * 16·ceil((maxPods + 8) / 16). DERIVED from the allocation rule (a node asks for
 * another 16 when fewer than 8 are free); Microsoft's docs only say "at least 16 per node".
 */
export function dynamicAddressesPerNode(maxPods: number): number {
  const kind = MODELS["azure-cni-pod-subnet-dynamic"].podAddressing.value;
  const batch = kind.kind === "pod-subnet-batch" ? kind.batch : 16;
  const minFree = kind.kind === "pod-subnet-batch" ? kind.minFree : 8;
  return batch * Math.ceil((maxPods + minFree) / batch);
}

/** What one node of `model` with `maxPods` takes. */
export function addressesPerNode(model: ModelId, maxPods: number): PerNode {
  const addressing = MODELS[model].podAddressing.value;
  switch (addressing.kind) {
    case "node-subnet":
      return { nodeSubnet: 1 + maxPods, podSubnet: 0, podSubnetBlocks: 0, podCidrBlocks: 0, vnetIps: 1 + maxPods };
    case "pod-cidr-block":
      return { nodeSubnet: 1, podSubnet: 0, podSubnetBlocks: 0, podCidrBlocks: 1, vnetIps: 1 };
    case "pod-subnet-batch": {
      const pods = dynamicAddressesPerNode(maxPods);
      return { nodeSubnet: 1, podSubnet: pods, podSubnetBlocks: 0, podCidrBlocks: 0, vnetIps: 1 + pods };
    }
    case "pod-subnet-block": {
      const blocks = staticBlocksPerNode(maxPods);
      return {
        nodeSubnet: 1,
        podSubnet: blocks * STATIC_BLOCK_SIZE,
        podSubnetBlocks: blocks,
        podCidrBlocks: 0,
        vnetIps: 1 + blocks,
      };
    }
    case "cni-defined":
      return { nodeSubnet: 1, podSubnet: 0, podSubnetBlocks: 0, podCidrBlocks: 0, vnetIps: 1 };
  }
}

/** Which pod range a model draws from. */
export function podRangeKind(model: ModelId): "node-subnet" | "pod-cidr" | "pod-subnet" | "cni-defined" {
  const k = MODELS[model].podAddressing.value.kind;
  return k === "node-subnet"
    ? "node-subnet"
    : k === "pod-cidr-block"
      ? "pod-cidr"
      : k === "cni-defined"
        ? "cni-defined"
        : "pod-subnet";
}
