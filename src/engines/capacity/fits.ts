/**
 * What fits: for one model, the most nodes and pods a node subnet (and pod
 * range) holds, raw and keeping room for upgrade surge, and what runs out first.
 *
 * Each resource bounds the node "slots" (nodes + surge nodes) it can serve. Raw
 * capacity uses every slot for a node, as Microsoft's examples do (a /24 holds
 * 251 kubenet nodes); capacity with surge is the largest N with N + surge(N)
 * slots. The cluster node limit (5,000) bounds N alone: whether surge nodes count
 * against it is not documented.
 */
import { MODELS } from "../../kb/models/index.js";
import { PLATFORM_LIMITS } from "../../kb/platform-limits.js";
import { type MaxSurge } from "../../kb/defaults.js";
import { type ModelId } from "../../kb/ids.js";
import type { Prefix } from "../../ip/prefix.js";
import { addressesPerNode, type PerNode } from "./per-node.js";
import { podCidrBlocks, staticBlocksIn, usableAddresses } from "./ranges.js";
import { surgeNodes } from "./surge.js";

/** A resource that can bound the node count. */
export type Resource =
  "node-subnet" | "pod-cidr" | "pod-subnet" | "route-table" | "vnet-ip-limit" | "cluster-node-limit";

export interface FitsInput {
  readonly model: ModelId;
  readonly nodeSubnet: Prefix;
  /** kubenet and Overlay: the pod CIDR. Ignored by other models. */
  readonly podCidr?: Prefix | undefined;
  /** Pod-subnet models: the pod subnet; absent means "large enough", so it never limits. */
  readonly podSubnet?: Prefix | undefined;
  readonly maxPods: number;
  readonly maxSurge: MaxSurge;
  /** Node-subnet addresses taken by other tenants (internal load balancers, private endpoints). */
  readonly reserved?: number | undefined;
}

export interface ResourceLimit {
  readonly resource: Resource;
  /** Node slots the resource serves (nodes + surge nodes), or the node cap itself for the cluster limit. */
  readonly slots: number;
  readonly maxNodes: number;
  readonly maxNodesWithSurge: number;
}

export interface Fit {
  readonly perNode: PerNode;
  readonly maxNodes: number;
  readonly maxPods: number;
  readonly limitedBy: Resource;
  readonly maxNodesWithSurge: number;
  readonly surgeNodes: number;
  readonly maxPodsWithSurge: number;
  readonly limitedByWithSurge: Resource;
  /** What caps the pod count: nodes × maxPods, or a documented per-cluster pod limit. */
  readonly podsLimitedBy: "max-pods-per-node" | "cluster-pod-limit";
  /** Every resource's bound, in a stable order. */
  readonly limits: readonly ResourceLimit[];
}

/** The largest N with N + surge(N) ≤ slots (N + surge(N) never decreases as N grows). */
export function maxNodesWithSurge(slots: number, maxSurge: MaxSurge): number {
  let lo = 0;
  let hi = Math.max(0, Math.floor(slots));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (mid + surgeNodes(mid, maxSurge) <= slots) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function slotLimit(resource: Resource, slots: number, maxSurge: MaxSurge): ResourceLimit {
  const s = Math.max(0, slots);
  return { resource, slots: s, maxNodes: s, maxNodesWithSurge: maxNodesWithSurge(s, maxSurge) };
}

/** The resources that bound the node count of `input.model`, in a stable order. */
export function resourceLimits(input: FitsInput): ResourceLimit[] {
  const facts = MODELS[input.model];
  const per = addressesPerNode(input.model, input.maxPods);
  const limits: ResourceLimit[] = [];
  limits.push(
    slotLimit(
      "node-subnet",
      Math.floor((usableAddresses(input.nodeSubnet) - (input.reserved ?? 0)) / per.nodeSubnet),
      input.maxSurge,
    ),
  );
  if (per.podCidrBlocks > 0 && input.podCidr)
    limits.push(slotLimit("pod-cidr", podCidrBlocks(input.podCidr), input.maxSurge));
  if (per.podSubnetBlocks > 0 && input.podSubnet)
    limits.push(
      slotLimit("pod-subnet", Math.floor(staticBlocksIn(input.podSubnet) / per.podSubnetBlocks), input.maxSurge),
    );
  else if (per.podSubnet > 0 && input.podSubnet)
    limits.push(slotLimit("pod-subnet", Math.floor(usableAddresses(input.podSubnet) / per.podSubnet), input.maxSurge));
  if (facts.maxNodes.value.by === "route-table")
    limits.push(slotLimit("route-table", facts.maxNodes.value.count, input.maxSurge));
  limits.push(
    slotLimit("vnet-ip-limit", Math.floor(PLATFORM_LIMITS.vnetPrivateIps.value / per.vnetIps), input.maxSurge),
  );
  const cap =
    facts.maxNodes.value.by === "platform" ? facts.maxNodes.value.count : PLATFORM_LIMITS.nodesPerCluster.value;
  limits.push({ resource: "cluster-node-limit", slots: cap, maxNodes: cap, maxNodesWithSurge: cap });
  return limits;
}

function tightest(limits: readonly ResourceLimit[], key: "maxNodes" | "maxNodesWithSurge"): ResourceLimit {
  return limits.reduce((best, l) => (l[key] < best[key] ? l : best));
}

/** How many nodes and pods fit, raw and with surge, and what limits each. */
export function fits(input: FitsInput): Fit {
  const limits = resourceLimits(input);
  const raw = tightest(limits, "maxNodes");
  const surged = tightest(limits, "maxNodesWithSurge");
  const podCap = MODELS[input.model].maxPodsPerCluster.value;
  const pods = (n: number) => (podCap === null ? n * input.maxPods : Math.min(n * input.maxPods, podCap));
  const podsCapped = podCap !== null && raw.maxNodes * input.maxPods > podCap;
  return {
    perNode: addressesPerNode(input.model, input.maxPods),
    maxNodes: raw.maxNodes,
    maxPods: pods(raw.maxNodes),
    limitedBy: raw.resource,
    maxNodesWithSurge: surged.maxNodesWithSurge,
    surgeNodes: surgeNodes(surged.maxNodesWithSurge, input.maxSurge),
    maxPodsWithSurge: pods(surged.maxNodesWithSurge),
    limitedByWithSurge: surged.resource,
    podsLimitedBy: podsCapped ? "cluster-pod-limit" : "max-pods-per-node",
    limits,
  };
}
