/**
 * What recommend works on: one candidate per IPAM model and dataplane, the
 * requirements made concrete (nodes split into pools, max pods, surge, version),
 * and what each candidate would need from the address space (from the capacity engine).
 */
import type { Prefix } from "../../ip/index.js";
import {
  DATAPLANE_IDS,
  MODEL_IDS,
  MODELS,
  PLATFORM_LIMITS,
  RECOMMENDED_MAX_SURGE,
  type DataplaneId,
  type KubernetesVersion,
  type MaxSurge,
  type ModelId,
  formatCount,
} from "../../kb/index.js";
import { needs, sizeProblems, surgeNodes, type Needs, type PoolTarget, type SizeProblem } from "../capacity/index.js";
import type { Requirements } from "../plan/index.js";

export interface Candidate {
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
}

/** One node pool of the target: the first is the System pool. */
export interface PoolShare {
  readonly name: string;
  readonly mode: "System" | "User";
  /** Nodes now. */
  readonly nodes: number;
  /** Nodes at peak (the autoscaler maximum). */
  readonly peakNodes: number;
}

/** Requirements with every number decided, and what was assumed to decide it. */
export interface Target {
  readonly requirements: Requirements;
  /** Nodes at peak (autoscaler maximum, or the count). */
  readonly peakNodes: number;
  /** Nodes now (the autoscaler minimum when both are given). */
  readonly nodes: number;
  /** The pools the nodes go into: as few as the per-pool node limit (surge included) allows. */
  readonly pools: readonly PoolShare[];
  /** Max pods per node every candidate is compared at. */
  readonly maxPods: number;
  /** True when the user gave no pods per node and `maxPods` is the stated comparison value. */
  readonly maxPodsAssumed: boolean;
  readonly maxSurge: MaxSurge;
  readonly kubernetesVersion?: KubernetesVersion;
  readonly kubernetesVersionText?: string;
  /** The address space given; empty when none was (then the AKS-managed VNet default is used). */
  readonly addressSpace: readonly Prefix[];
  /** The day retirements are judged on, YYYY-MM-DD. */
  readonly today: string;
  readonly assumptions: readonly string[];
}

/** Every model × dataplane pair, in knowledge-base order. */
export function allCandidates(): Candidate[] {
  return MODEL_IDS.flatMap((model) => DATAPLANE_IDS.map((dataplane) => ({ model, dataplane })));
}

/** "Azure CNI Overlay + Cilium". */
export function candidateTitle(c: Candidate): string {
  if (c.model === "byo-cni")
    return c.dataplane === "cilium" ? `${MODELS[c.model].title} + Cilium` : MODELS[c.model].title;
  return `${MODELS[c.model].title} + ${c.dataplane === "cilium" ? "Cilium" : "Azure dataplane"}`;
}

/** "azure-cni-overlay/cilium". */
export function candidateId(c: Candidate): string {
  return `${c.model}/${c.dataplane}`;
}

/**
 * The max pods every candidate is compared at when the user gives none: the highest
 * default any model has (Overlay's 250), so that no model wins a comparison by a
 * smaller default of its own (a node-subnet model at 30 pods against Overlay at 250).
 */
export function comparisonMaxPods(): number {
  return Math.max(...MODEL_IDS.map((id) => MODELS[id].defaultMaxPods.value));
}

const n = (x: number) => formatCount(x);

/** `total` nodes split over `k` pools as evenly as possible, larger shares first. */
function shares(total: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(total / k) + (i < total % k ? 1 : 0));
}

/**
 * The pools for `nodes` now and `peakNodes` at most: the fewest pools whose nodes plus
 * surge nodes stay within the per-pool limit (AKS counts surge nodes against it),
 * never more than a cluster may have (past that, the capacity check reports the excess).
 */
export function splitPools(nodes: number, peakNodes: number, maxSurge: MaxSurge): PoolShare[] {
  const perPool = PLATFORM_LIMITS.nodesPerPool.value;
  const maxPools = PLATFORM_LIMITS.poolsPerCluster.value;
  let k = 1;
  while (k < maxPools) {
    const biggest = Math.ceil(peakNodes / k);
    if (biggest + surgeNodes(biggest, maxSurge) <= perPool) break;
    k++;
  }
  const peak = shares(peakNodes, k);
  const now = shares(nodes, k);
  return peak.map((p, i) => ({
    name: i === 0 ? "system" : `user${i}`,
    mode: i === 0 ? "System" : "User",
    nodes: Math.max(i === 0 ? 1 : 0, Math.min(now[i] ?? 0, p)),
    peakNodes: p,
  }));
}

/** The assumption sentence for a pool split, or undefined for one pool. */
export function splitAssumption(pools: readonly PoolShare[], maxSurge: MaxSurge): string | undefined {
  if (pools.length < 2) return undefined;
  const total = pools.reduce((a, p) => a + p.peakNodes, 0);
  const biggest = Math.max(...pools.map((p) => p.peakNodes));
  return (
    `${n(total)} nodes split into ${pools.length} pools of at most ${n(biggest)} ` +
    `(${n(biggest + surgeNodes(biggest, maxSurge))} with surge): AKS allows ${n(PLATFORM_LIMITS.nodesPerPool.value)} ` +
    `nodes per pool, surge nodes included (${PLATFORM_LIMITS.nodesPerPool.source.map((s) => s.url).join("; ")})`
  );
}

/** The recommended surge as AKS writes it: "33%". */
export function surgeText(s: MaxSurge = RECOMMENDED_MAX_SURGE.value): string {
  return s.kind === "percent" ? `${s.percent}%` : String(s.count);
}

/** The capacity engine's pool targets for the requirements. */
export function poolTargets(t: Target): PoolTarget[] {
  return t.pools.map((p) => ({ name: p.name, nodes: p.peakNodes, maxPods: t.maxPods, maxSurge: t.maxSurge }));
}

/** What the candidate's model needs, and the platform limits the target breaks under it. */
export function candidateNeeds(c: Candidate, t: Target): { needs: Needs; problems: SizeProblem[] } {
  const pools = poolTargets(t);
  const got = needs(c.model, pools);
  return { needs: got, problems: sizeProblems(c.model, pools, got) };
}
