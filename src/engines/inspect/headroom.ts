/**
 * Headroom: how many more nodes fit in every known range and limit, and
 * whether the next upgrade surge and the autoscaler maximums fit, in the words
 * of the AKS errors. A pure function of the snapshot, the address use and the
 * configured cluster.
 */
import {
  PLATFORM_LIMITS,
  defaultMaxSurge,
  tryParseKubernetesVersion,
  type ModelId,
  formatCount,
} from "../../kb/index.js";
import {
  addressesPerNode,
  formatMaxSurge,
  STATIC_BLOCK_SIZE,
  surgeNodes,
  tryParseMaxSurge,
} from "../capacity/index.js";
import type { AddressUse } from "./address-use.js";
import { NODE_SUBNET_BLIND_SPOT } from "./azure-side.js";
import type { ConfiguredCluster } from "./configured-cluster.js";
import type { NodeUse } from "./node-use.js";
import type { ClusterSnapshot } from "./snapshot.js";
import { guardArgs, listParam, MODEL, SNAPSHOT } from "./guard-args.js";

export interface HeadroomCheck {
  readonly name: string;
  /** Extra nodes the step needs. */
  readonly needsNodes: number;
  readonly fits: boolean;
  /**
   * The AKS error code the user would meet when it does not fit; undefined when no documented code applies (a full pod
   * CIDR, the route or VNet limits).
   */
  readonly error: "SubnetIsFull" | "InsufficientSubnetSize" | undefined;
  readonly message: string;
}

export interface Headroom {
  /** How many more nodes fit in every known range (undefined: no range is known). */
  readonly moreNodes: number | undefined;
  /** The range (or limit) that sets `moreNodes`. */
  readonly limitedBy: string | undefined;
  readonly checks: readonly HeadroomCheck[];
  readonly notes: readonly string[];
}

/**
 * The surge nodes of one pool: its configured max surge, or the knowledge base's default for the version (saying so).
 */
export function poolSurge(
  maxSurge: string | undefined,
  poolNodes: number,
  kubernetesVersion: string | undefined,
  configured = true,
): { nodes: number; assumed: string | undefined } {
  const given = maxSurge === undefined ? undefined : tryParseMaxSurge(maxSurge);
  if (given) return { nodes: surgeNodes(poolNodes, given), assumed: undefined };
  const version = kubernetesVersion === undefined ? undefined : tryParseKubernetesVersion(kubernetesVersion);
  const d = defaultMaxSurge(version);
  const nodes = surgeNodes(poolNodes, d.value);
  const alt = d.alternatives?.[0];
  const altNodes = alt ? surgeNodes(poolNodes, alt.value) : 0;
  const altText = alt ? `; ${alt.note}, which would be ${altNodes} node${altNodes === 1 ? "" : "s"} here` : "";
  const what = !configured
    ? "not known without --aks-json"
    : maxSurge === undefined
      ? "unset"
      : `"${typeof maxSurge === "string" ? maxSurge : "?"}" unreadable`;
  return {
    nodes,
    assumed:
      `max surge ${what}: ` +
      `assumed ${formatMaxSurge(d.value)} (${nodes} node${nodes === 1 ? "" : "s"}), the AKS default for Kubernetes ` +
      `${typeof kubernetesVersion === "string" ? kubernetesVersion : "1.32 and later"}${altText}`,
  };
}

/**
 * The error AKS reports when a VNet subnet cannot hold the new nodes (SupportArticles-docs error-code-subnetisfull.md,
 * insufficientsubnetsize-error-advanced-networking.md, checked 2026-11-22). A full pod CIDR has no documented code.
 */
const ERROR_FOR: Record<AddressUse["role"], HeadroomCheck["error"]> = {
  "node-subnet": "SubnetIsFull",
  "pod-cidr": undefined,
  "pod-subnet": "SubnetIsFull",
};

/** A bound on how many more nodes the cluster takes: a range, the kubenet route table, the VNet's private IPs. */
interface Limit {
  readonly name: string;
  readonly more: number;
  readonly error: HeadroomCheck["error"];
  readonly range?: AddressUse;
}

/** Every bound on more nodes the snapshot shows, unsorted. */
function limitsOf(
  s: ClusterSnapshot,
  model: ModelId | "unknown",
  ranges: readonly AddressUse[],
  nodes: readonly NodeUse[],
): Limit[] {
  const limits: Limit[] = ranges.map((r) => ({
    name: `${r.role} ${r.cidr}`,
    more: Math.floor(r.free / r.perNode),
    error: ERROR_FOR[r.role],
    range: r,
  }));
  if (model === "kubenet")
    limits.push({
      name: `kubenet route table (${PLATFORM_LIMITS.routesPerRouteTable.value} routes)`,
      more: Math.max(0, PLATFORM_LIMITS.routesPerRouteTable.value - s.nodes.length),
      error: undefined,
    });
  if (
    model === "azure-cni-node-subnet" ||
    model === "azure-cni-pod-subnet-dynamic" ||
    model === "azure-cni-pod-subnet-static"
  ) {
    // Pod addresses are VNet private IPs here: the VNet's 65,536 limit caps the cluster (static blocks count once
    // each).
    const cap = PLATFORM_LIMITS.vnetPrivateIps.value;
    const maxPods = Math.max(0, ...nodes.map((n) => n.maxPods ?? 0));
    const per = addressesPerNode(model, maxPods).vnetIps;
    const podUse = ranges
      .filter((r) => r.role === "pod-subnet")
      .reduce((a, r) => a + (model === "azure-cni-pod-subnet-static" ? r.used / STATIC_BLOCK_SIZE : r.used), 0);
    const used =
      model === "azure-cni-node-subnet"
        ? nodes.reduce((a, n) => a + addressesPerNode(model, n.maxPods ?? maxPods).vnetIps, 0)
        : nodes.length + podUse;
    limits.push({
      name:
        `VNet private IP limit (${formatCount(cap)}; ${formatCount(used)} used by this cluster, other VNet users ` +
        `not counted)`,
      more: Math.max(0, Math.floor((cap - used) / per)),
      error: undefined,
    });
  }
  return limits;
}

/** What the reader must know about how the ranges were read, per model. */
function rangeNotes(model: ModelId | "unknown", ranges: readonly AddressUse[]): string[] {
  const notes: string[] = [];
  if (model === "byo-cni" && ranges.length)
    notes.push(
      "Bring your own CNI: the pod CIDR headroom counts the /24 node ranges AKS hands out; whether pods use them is " +
        "up to your CNI (Cilium cluster-pool, Calico IPAM may not).",
    );
  for (const r of ranges)
    if (r.source === "assumed-default")
      notes.push(
        `The pod CIDR was not given: assumed ${r.cidr}, the AKS default, because every node pod range lies in it; ` +
          `pass --aks-json to use the configured one.`,
      );
  if (!ranges.some((r) => r.role === "node-subnet"))
    notes.push(
      `${NODE_SUBNET_BLIND_SPOT}: node subnet headroom (InsufficientSubnetSize / SubnetIsFull on the node subnet) is ` +
        `not judged; pass --azure for Azure's figures, or --plan with the VNet's subnet CIDRs.`,
    );
  if (model === "azure-cni-node-subnet")
    notes.push(
      "On Azure CNI node subnet every node reserves 1 + maxPods addresses of the node subnet, so the node subnet is " +
        "the range that runs out first; only the VNet-wide limit is judged here.",
    );
  return notes;
}

export const headroom = guardArgs(
  "headroom",
  [SNAPSHOT, MODEL, listParam("ranges", "the address use (rangeUse)"), listParam("nodes", "the node use (nodeUse)")],
  function headroom(
    s: ClusterSnapshot,
    model: ModelId | "unknown",
    ranges: readonly AddressUse[],
    nodes: readonly NodeUse[],
    configured: ConfiguredCluster | undefined,
  ): Headroom {
    const notes = rangeNotes(model, ranges);
    const limits = limitsOf(s, model, ranges, nodes);
    limits.sort((a, b) => a.more - b.more);
    // The cluster node limit bounds scale-out; whether surge nodes count against it is not documented, so the upgrade
    // checks leave it out.
    const clusterCap = PLATFORM_LIMITS.nodesPerCluster.value;
    const clusterMore = Math.max(0, clusterCap - s.nodes.length);
    const clusterLimit = { name: `cluster node limit (${formatCount(clusterCap)})`, more: clusterMore };
    const tightest = limits[0];
    const overall =
      tightest === undefined || clusterMore < tightest.more
        ? tightest || s.nodes.length
          ? clusterLimit
          : undefined
        : tightest;
    const checks: HeadroomCheck[] = [];
    const pools = poolsOf(nodes, configured);
    const version = configured?.kubernetesVersion ?? s.nodes[0]?.kubeletVersion?.replace(/^v/, "");
    const surges = surgesOf(pools, version, configured !== undefined);
    notes.push(...surges.notes, ...poolNotes(pools, configured));
    if (surges.overPoolCap.length) checks.push(scaleSetCheck(surges.overPoolCap));
    if (tightest && surges.surge > 0) checks.push(upgradeCheck(tightest, surges.surge, pools.length));
    const scaleOut = pools.reduce((a, p) => a + (p.maxCount !== undefined ? Math.max(0, p.maxCount - p.count) : 0), 0);
    if (pools.some((p) => p.maxCount !== undefined) && (tightest || scaleOut > clusterMore)) {
      const check = autoscalerCheck(tightest, scaleOut, surges.surgeAtMax, clusterLimit);
      if (check) checks.push(check);
    }
    return { moreNodes: overall?.more, limitedBy: overall?.name, checks, notes };
  },
);

interface PoolSeen {
  readonly name: string;
  readonly count: number;
  readonly maxSurge: string | undefined;
  readonly maxCount: number | undefined;
}

/** Configured pools, with the node count the cluster runs now where it runs the pool; else the pools seen. */
function poolsOf(nodes: readonly NodeUse[], configured: ConfiguredCluster | undefined): PoolSeen[] {
  const seen = new Map(poolsSeen(nodes).map((p) => [p.name, p.count]));
  return configured?.pools.length
    ? configured.pools.map((p) => ({
        name: p.name,
        count: seen.get(p.name) ?? p.count,
        maxSurge: p.maxSurge,
        maxCount: p.maxCount,
      }))
    : poolsSeen(nodes);
}

/**
 * Every pool's surge counts at once, as the capacity engine sizes (`nodeSubnetAddressesNeeded`): the conservative
 * reading, since the sources used do not say whether a cluster upgrade surges its pools one after another or
 * together. Also the pools whose scale set would pass its instance limit with the surge.
 */
function surgesOf(pools: readonly PoolSeen[], version: string | undefined, configured: boolean) {
  let surge = 0;
  let surgeAtMax = 0;
  const poolCap = PLATFORM_LIMITS.nodesPerPool.value;
  const overPoolCap: string[] = [];
  const notes: string[] = [];
  for (const p of pools) {
    const sg = poolSurge(p.maxSurge, p.count, version, configured);
    if (sg.assumed) notes.push(`Pool ${p.name}: ${sg.assumed}.`);
    surge += sg.nodes;
    const atMax = poolSurge(p.maxSurge, Math.max(p.count, p.maxCount ?? 0), version, configured).nodes;
    surgeAtMax += atMax;
    // A scale set holds at most 1,000 instances including surge nodes; AKS rejects such an upgrade up front.
    if (p.count + sg.nodes > poolCap)
      overPoolCap.push(`pool ${p.name} runs ${formatCount(p.count)} nodes + ${sg.nodes} surge`);
    else if (p.maxCount !== undefined && p.maxCount + atMax > poolCap)
      overPoolCap.push(`pool ${p.name} at its maximum ${formatCount(p.maxCount)} + ${atMax} surge`);
  }
  return { surge, surgeAtMax, overPoolCap, notes };
}

/** Where the pools' settings came from, and which max surges were assumed. */
function poolNotes(pools: readonly PoolSeen[], configured: ConfiguredCluster | undefined): string[] {
  if (pools.length && !configured)
    return [
      "Pools and their surge settings are taken from the node labels; pass --aks-json for the configured max surge " +
        "and autoscaler limits.",
    ];
  if (!configured) return [];
  return configured.pools
    .filter((p) => p.maxSurgeDefaulted)
    .map(
      (p) =>
        `Pool ${p.name}: max surge unset in the configuration: assumed ${p.maxSurge}, the plan resolver's default ` +
        `for the version (see assumptions).`,
    );
}

function scaleSetCheck(overPoolCap: readonly string[]): HeadroomCheck {
  return {
    name: "scale set size (surge included)",
    needsNodes: 0,
    fits: false,
    error: undefined,
    message:
      `A scale set holds at most ${formatCount(PLATFORM_LIMITS.nodesPerPool.value)} instances including surge ` +
      `nodes, so AKS rejects the upgrade: ${overPoolCap.join("; ")}.`,
  };
}

/** Why a step that needs `needs` more nodes does not fit in the tightest limit. */
function failMessage(tightest: Limit | undefined, needs: number, what: string, error: HeadroomCheck["error"]): string {
  if (!tightest) return `${what} needs ${needs} more nodes.`;
  if (tightest.range?.role === "pod-cidr")
    return (
      `${what} needs ${formatCount(needs)} more /24 block${needs === 1 ? "" : "s"} of the pod CIDR but ` +
      `${tightest.name} has ${formatCount(tightest.more)}: new nodes would get no pod range (the pod CIDR can ` +
      `only be expanded on Overlay: az aks update --pod-cidr).`
    );
  if (error === "SubnetIsFull")
    return (
      `${what} would fail with SubnetIsFull: ${tightest.name} does not have enough capacity for ` +
      `${formatCount(needs * (tightest.range?.perNode ?? 1))} IP addresses ` +
      `(${formatCount(tightest.range?.free ?? 0)} free).`
    );
  return `${what} needs ${formatCount(needs)} more nodes but ${tightest.name} allows ${formatCount(tightest.more)}.`;
}

function upgradeCheck(tightest: Limit, surge: number, pools: number): HeadroomCheck {
  const fits = surge <= tightest.more;
  const what =
    `The next upgrade (surge of ${surge} node${surge === 1 ? "" : "s"} over ${pools} ` +
    `pool${pools === 1 ? "" : "s"})`;
  return {
    name: "next upgrade (surge)",
    needsNodes: surge,
    fits,
    error: fits ? undefined : tightest.error,
    message: fits
      ? `${what} fits: ${formatCount(tightest.more)} more nodes fit.`
      : failMessage(tightest, surge, what, tightest.error),
  };
}

function autoscalerCheck(
  tightest: Limit | undefined,
  scaleOut: number,
  surgeAtMax: number,
  clusterLimit: { readonly name: string; readonly more: number },
): HeadroomCheck | undefined {
  const needs = scaleOut + surgeAtMax;
  const what =
    `Scaling every autoscaled pool to its maximum (${formatCount(scaleOut)} more nodes) plus the ` +
    `upgrade surge at that size (${surgeAtMax})`;
  if (scaleOut > clusterLimit.more)
    return {
      name: "autoscaler maximums",
      needsNodes: needs,
      fits: false,
      error: undefined,
      message: `${what} would pass the ${clusterLimit.name}: ${formatCount(clusterLimit.more)} more nodes are allowed.`,
    };
  if (!tightest) return undefined;
  const fits = needs <= tightest.more;
  const err = tightest.error === "SubnetIsFull" ? "InsufficientSubnetSize" : tightest.error;
  return {
    name: "autoscaler maximums",
    needsNodes: needs,
    fits,
    error: fits ? undefined : err,
    message: fits
      ? `${what} fits.`
      : err === "InsufficientSubnetSize"
        ? `${what} would fail with InsufficientSubnetSize: ${tightest.name} has room for ` +
          `${formatCount(tightest.more)} more nodes, ${formatCount(needs)} are needed.`
        : failMessage(tightest, needs, what, err),
  };
}

function poolsSeen(nodes: readonly NodeUse[]): PoolSeen[] {
  const m = new Map<string, number>();
  for (const n of nodes) m.set(n.pool ?? "(no pool label)", (m.get(n.pool ?? "(no pool label)") ?? 0) + 1);
  return [...m.entries()].sort().map(([name, count]) => ({ name, count, maxSurge: undefined, maxCount: undefined }));
}
