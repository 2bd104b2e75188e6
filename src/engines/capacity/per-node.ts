/**
 * What one node takes, per model, for a given maxPods: addresses in the node subnet, addresses (or blocks) in
 * the pod subnet, blocks of the pod CIDR, and private IPs counted against the VNet's 65,536 limit. Every unit
 * (block sizes, batch, caps) comes from the model's `podAddressing` fact in the knowledge base.
 * Sources: the KB facts of each model (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 * and the model pages; Azure/azure-container-networking:cns/ipampool for dynamic allocation).
 */
import { MODELS, modelFactsOf, type ModelId, type PodAddressing } from "../../kb/index.js";

export interface PerNode {
  /** Addresses the node takes in the node subnet: 1, or 1 + maxPods for Node Subnet. */
  readonly nodeSubnet: number;
  /** Addresses the node takes in the pod subnet (pod-subnet models), else 0. */
  readonly podSubnet: number;
  /** Blocks (a /28 each) the node takes in the pod subnet (static block), else 0. */
  readonly podSubnetBlocks: number;
  /** Blocks (a /24 each) of the pod CIDR the node takes (kubenet, Overlay), else 0. */
  readonly podCidrBlocks: number;
  /** Private IPs counted against the VNet limit (a static block counts once). */
  readonly vnetIps: number;
}

type Of<K extends PodAddressing["kind"]> = Extract<PodAddressing, { kind: K }>;

function addressingOf<K extends PodAddressing["kind"]>(model: ModelId, kind: K): Of<K> | undefined {
  const a = MODELS[model].podAddressing.value;
  return a.kind === kind ? (a as Of<K>) : undefined;
}

/** The block length a model's podAddressing fact states; the KB's model lint guarantees it is there. */
function blockBitsOf(model: ModelId, kind: "pod-subnet-block" | "pod-cidr-block"): number {
  const a = addressingOf(model, kind);
  if (!a) throw new Error(`knowledge base: ${model}'s podAddressing is not a ${kind}`);
  return a.bits;
}

/** Addresses in one block of `bits` (IPv4). */
export function blockSize(bits: number): number {
  return typeof bits === "number" ? 2 ** (32 - bits) : Number.NaN;
}

/** The prefix length of a static-block pod subnet's blocks (/28). */
export const STATIC_BLOCK_BITS = blockBitsOf("azure-cni-pod-subnet-static", "pod-subnet-block");
/** Pod-subnet addresses in one static block (16 for a /28). */
export const STATIC_BLOCK_SIZE = blockSize(STATIC_BLOCK_BITS);
/** The prefix length of the pod CIDR block each kubenet or Overlay node takes (/24). */
export const POD_CIDR_BLOCK_BITS = blockBitsOf("azure-cni-overlay", "pod-cidr-block");

/** A whole, non-negative count: NaN, negatives and fractions' remainders read as 0, anything huge as 2^53 − 1. */
export function wholeCount(n: number | undefined): number {
  return typeof n === "number" && n > 0 ? Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER) : 0;
}
const count = wholeCount;

/** Blocks a static-block node takes: ceil((maxPods + 1) / block size) (one address is the node's primary IP). */
export function staticBlocksPerNode(maxPods: number): number {
  return Math.ceil((count(maxPods) + 1) / STATIC_BLOCK_SIZE);
}

/**
 * Pod-subnet addresses a dynamic-allocation node holds when full. The node agent (CNS) asks for
 * batch·ceil(minFreeFraction + used/batch) secondary IPs but never more than the node's IP limit,
 * min(maxPods, 250); the node's network container also has a primary IP in the pod subnet. So a full node
 * holds min(batch·ceil((maxPods + minFree)/batch), maxPods, 250) + 1 = maxPods + 1 addresses (DERIVED from
 * Azure/azure-container-networking:cns/ipampool/v2/monitor.go; see the KB fact's derivation and alternative).
 */
export function dynamicAddressesPerNode(
  maxPods: number,
  addressing = addressingOf("azure-cni-pod-subnet-dynamic", "pod-subnet-batch"),
): number {
  const pods = count(maxPods);
  if (!addressing) return pods + 1;
  const { batch, minFree, requestCap, requestCapIsMaxPods, primaryIpsPerNode } = addressing;
  const requested = batch * Math.ceil((pods + minFree) / batch);
  return Math.min(requested, requestCap, requestCapIsMaxPods ? pods : Number.POSITIVE_INFINITY) + primaryIpsPerNode;
}

/** What one node of `model` with `maxPods` takes (a maxPods that is not a whole number ≥ 0 is read as 0). */
export function addressesPerNode(model: ModelId, maxPods: number): PerNode {
  const pods = count(maxPods);
  const addressing = modelFactsOf(model)?.podAddressing.value;
  const none = { nodeSubnet: 1, podSubnet: 0, podSubnetBlocks: 0, podCidrBlocks: 0, vnetIps: 1 };
  switch (addressing?.kind) {
    case "node-subnet":
      return { ...none, nodeSubnet: 1 + pods, vnetIps: 1 + pods };
    case "pod-cidr-block":
      return { ...none, podCidrBlocks: 1 };
    case "pod-subnet-batch": {
      const podSubnet = dynamicAddressesPerNode(pods, addressing);
      return { ...none, podSubnet, vnetIps: 1 + podSubnet };
    }
    case "pod-subnet-block": {
      const blocks = Math.ceil((pods + 1) / blockSize(addressing.bits));
      return { ...none, podSubnet: blocks * blockSize(addressing.bits), podSubnetBlocks: blocks, vnetIps: 1 + blocks };
    }
    default:
      return none;
  }
}

/** Which pod range a model draws from. */
export function podRangeKind(model: ModelId): "node-subnet" | "pod-cidr" | "pod-subnet" | "cni-defined" {
  const k = modelFactsOf(model)?.podAddressing.value.kind;
  return k === "node-subnet"
    ? "node-subnet"
    : k === "pod-cidr-block"
      ? "pod-cidr"
      : k === "pod-subnet-batch" || k === "pod-subnet-block"
        ? "pod-subnet"
        : "cni-defined";
}
