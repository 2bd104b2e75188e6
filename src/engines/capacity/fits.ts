/**
 * What fits: for one model, the most nodes and pods a node subnet (and pod range) holds, raw and keeping room
 * for upgrade surge, and what runs out first.
 *
 * Each resource bounds the node "slots" (nodes + surge nodes) it can serve. Raw capacity uses every slot for a
 * node, as Microsoft's examples do (a /24 holds 251 kubenet nodes); capacity with surge is the largest N with
 * N + surge(N) slots. The cluster's node limit (5,000, or the pricing tier's: 1,000 on Free) counts surge
 * nodes too: at the limit an upgrade cannot surge (knowledge base `UPGRADE.surgeCountsAgainstClusterLimit`).
 * Every search runs over whole numbers ≤ 2^53 − 1, so any input ends.
 */
import type { Prefix } from "../../ip/index.js";
import {
  MODELS,
  PLATFORM_LIMITS,
  TIER_NODE_LIMITS,
  UPGRADE,
  type MaxSurge,
  type ModelId,
  type SkuTier,
} from "../../kb/index.js";
import { InputChecker, type CapacityProblem } from "./input-problems.js";
import { addressesPerNode, type PerNode } from "./per-node.js";
import { podCidrBlocks, staticBlocksIn, usableAddresses } from "./range-capacity.js";
import { surgeNodes } from "./surge.js";

/** A resource that can bound the node count. */
export type Resource =
  | "node-subnet"
  | "pod-cidr"
  | "pod-subnet"
  | "route-table"
  | "vnet-ip-limit"
  | "cluster-node-limit"
  | "tier-node-limit";

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
  /** The pricing tier; without one, no tier limit below the platform's 5,000 nodes is applied. */
  readonly tier?: SkuTier | undefined;
}

export interface ResourceLimit {
  readonly resource: Resource;
  /** Node slots the resource serves (nodes + surge nodes). */
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
  /** What is wrong with the input; when not empty, nothing was computed (every count is 0). */
  readonly problems: readonly CapacityProblem[];
}

/** What is wrong with a `fits` input (the node subnet is required). */
export function fitsProblems(input: FitsInput): CapacityProblem[] {
  const c = new InputChecker();
  c.models("model", [input?.model]);
  if (input?.nodeSubnet === undefined)
    c.problems.push({
      severity: "error",
      code: "invalid-input",
      field: "nodeSubnet",
      message: "nodeSubnet is required",
    });
  c.prefix("nodeSubnet", input?.nodeSubnet, "subnet");
  c.prefix("podCidr", input?.podCidr, "range");
  c.prefix("podSubnet", input?.podSubnet, "subnet");
  c.count("maxPods", input?.maxPods, 0, 250, "pods per node");
  c.nodeSetting("maxSurge", input?.maxSurge);
  c.addresses("reserved", input?.reserved);
  c.tier("tier", input?.tier);
  return c.problems;
}

/** A whole number of slots in 0..2^53 − 1 (NaN and negatives are 0; more than a safe integer is the largest). */
function slotCount(slots: number): number {
  if (typeof slots !== "number" || !(slots > 0)) return 0;
  return Math.min(Math.floor(slots), Number.MAX_SAFE_INTEGER);
}

/** The largest N with N + surge(N) ≤ slots (N + surge(N) never decreases as N grows): a search over integers. */
export function maxNodesWithSurge(slots: number, maxSurge: MaxSurge): number {
  let lo = 0;
  let hi = slotCount(slots);
  const limit = hi;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2); // lo < mid ≤ hi, exact for safe integers
    if (mid + surgeNodes(mid, maxSurge) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function slotLimit(resource: Resource, slots: number, maxSurge: MaxSurge): ResourceLimit {
  const s = slotCount(slots);
  return { resource, slots: s, maxNodes: s, maxNodesWithSurge: maxNodesWithSurge(s, maxSurge) };
}

/** A node cap (cluster or tier): surge nodes count against it when the KB says so. */
function nodeCap(resource: Resource, cap: number, maxSurge: MaxSurge): ResourceLimit {
  if (UPGRADE.surgeCountsAgainstClusterLimit.value) return slotLimit(resource, cap, maxSurge);
  return { resource, slots: cap, maxNodes: cap, maxNodesWithSurge: cap };
}

/** The resources that bound the node count of `input.model`, in a stable order (none for an input `fits` refuses). */
export function resourceLimits(input: FitsInput): ResourceLimit[] {
  if (fitsProblems(input).length > 0) return [];
  const facts = MODELS[input.model];
  const per = addressesPerNode(input.model, input.maxPods);
  const reserved = Number.isFinite(input.reserved) ? Math.max(0, input.reserved ?? 0) : 0;
  const limits: ResourceLimit[] = [
    slotLimit("node-subnet", (usableAddresses(input.nodeSubnet) - reserved) / per.nodeSubnet, input.maxSurge),
  ];
  if (per.podCidrBlocks > 0 && input.podCidr)
    limits.push(slotLimit("pod-cidr", podCidrBlocks(input.podCidr), input.maxSurge));
  if (per.podSubnetBlocks > 0 && input.podSubnet)
    limits.push(slotLimit("pod-subnet", staticBlocksIn(input.podSubnet) / per.podSubnetBlocks, input.maxSurge));
  else if (per.podSubnet > 0 && input.podSubnet)
    limits.push(slotLimit("pod-subnet", usableAddresses(input.podSubnet) / per.podSubnet, input.maxSurge));
  if (facts.maxNodes.value.by === "route-table")
    limits.push(slotLimit("route-table", facts.maxNodes.value.count, input.maxSurge));
  limits.push(slotLimit("vnet-ip-limit", PLATFORM_LIMITS.vnetPrivateIps.value / per.vnetIps, input.maxSurge));
  const cap =
    facts.maxNodes.value.by === "platform" ? facts.maxNodes.value.count : PLATFORM_LIMITS.nodesPerCluster.value;
  limits.push(nodeCap("cluster-node-limit", cap, input.maxSurge));
  if (input.tier && TIER_NODE_LIMITS[input.tier].value < cap)
    limits.push(nodeCap("tier-node-limit", TIER_NODE_LIMITS[input.tier].value, input.maxSurge));
  return limits;
}

function tightest(limits: readonly ResourceLimit[], key: "maxNodes" | "maxNodesWithSurge"): ResourceLimit {
  return limits.reduce((best, l) => (l[key] < best[key] ? l : best));
}

/** How many nodes and pods fit, raw and with surge, and what limits each; problems instead for a bad input. */
export function fits(input: FitsInput): Fit {
  const problems = fitsProblems(input);
  if (problems.length > 0) return { ...NOTHING_FITS, problems };
  const limits = resourceLimits(input);
  const raw = tightest(limits, "maxNodes");
  const surged = tightest(limits, "maxNodesWithSurge");
  const maxPods = Number.isFinite(input.maxPods) ? Math.max(0, Math.floor(input.maxPods)) : 0;
  const podCap = MODELS[input.model].maxPodsPerCluster.value;
  const pods = (n: number) => (podCap === null ? n * maxPods : Math.min(n * maxPods, podCap));
  const podsCapped = podCap !== null && raw.maxNodes * maxPods > podCap;
  return {
    perNode: addressesPerNode(input.model, maxPods),
    maxNodes: raw.maxNodes,
    maxPods: pods(raw.maxNodes),
    limitedBy: raw.resource,
    maxNodesWithSurge: surged.maxNodesWithSurge,
    surgeNodes: surgeNodes(surged.maxNodesWithSurge, input.maxSurge),
    maxPodsWithSurge: pods(surged.maxNodesWithSurge),
    limitedByWithSurge: surged.resource,
    podsLimitedBy: podsCapped ? "cluster-pod-limit" : "max-pods-per-node",
    limits,
    problems: [],
  };
}

const NOTHING_FITS: Omit<Fit, "problems"> = {
  perNode: { nodeSubnet: 1, podSubnet: 0, podSubnetBlocks: 0, podCidrBlocks: 0, vnetIps: 1 },
  maxNodes: 0,
  maxPods: 0,
  limitedBy: "node-subnet",
  maxNodesWithSurge: 0,
  surgeNodes: 0,
  maxPodsWithSurge: 0,
  limitedByWithSurge: "node-subnet",
  podsLimitedBy: "max-pods-per-node",
  limits: [],
};
