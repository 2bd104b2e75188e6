/**
 * What recommend works on: one candidate per IPAM model and dataplane, the
 * requirements made concrete (nodes, max pods, surge, version), and what each
 * candidate would need from the address space (from the capacity engine).
 */
import { parsePrefix, type Prefix } from "../../ip/index.js";
import {
  DATAPLANE_IDS,
  MODEL_IDS,
  MODELS,
  RECOMMENDED_MAX_SURGE,
  tryParseKubernetesVersion,
  type DataplaneId,
  type KubernetesVersion,
  type MaxSurge,
  type ModelId,
} from "../../kb/index.js";
import { needs, sizeProblems, type Needs, type PoolTarget, type SizeProblem } from "../capacity/index.js";
import type { Requirements } from "../plan/index.js";

export interface Candidate {
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
}

/** Requirements with every number decided, and what was assumed to decide it. */
export interface Target {
  readonly requirements: Requirements;
  /** Nodes at peak (autoscaler maximum, or the count). */
  readonly peakNodes: number;
  /** Nodes now (the autoscaler minimum when both are given). */
  readonly nodes: number;
  /** Max pods per node the user asked for; the model default when undefined. */
  readonly maxPods?: number;
  readonly maxSurge: MaxSurge;
  readonly kubernetesVersion?: KubernetesVersion;
  readonly kubernetesVersionText?: string;
  readonly addressSpace: readonly Prefix[];
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
 * Decides the numbers. Throws RangeError for requirements that contradict
 * themselves (maxNodes below nodes) or an address space that does not parse:
 * callers validate input first; this is the engine's contract.
 */
export function targetOf(requirements: Requirements, kubernetesVersion?: string | number): Target {
  const assumptions: string[] = [];
  const r = requirements;
  if (r.nodes !== undefined && r.maxNodes !== undefined && r.maxNodes < r.nodes)
    throw new RangeError(`maxNodes ${r.maxNodes} is below nodes ${r.nodes}`);
  let nodes = r.nodes ?? r.maxNodes;
  if (nodes === undefined) {
    nodes = 3;
    assumptions.push("no node count given: 3 nodes");
  }
  const peakNodes = r.maxNodes ?? nodes;
  const maxPods = r.maxPodsPerNode ?? r.podsPerNode;
  if (maxPods === undefined) assumptions.push("no pods per node given: each model's default max pods");
  const version = kubernetesVersion === undefined ? undefined : tryParseKubernetesVersion(kubernetesVersion);
  if (kubernetesVersion !== undefined && version === undefined)
    throw new RangeError(`Kubernetes version ${JSON.stringify(kubernetesVersion)} is not like 1.33`);
  if (version === undefined) assumptions.push("no Kubernetes version given: current AKS behaviour");
  const addressSpace = (r.addressSpace ?? []).map((c) => parsePrefix(c));
  assumptions.push(
    `max surge ${RECOMMENDED_MAX_SURGE.value.kind === "percent" ? `${RECOMMENDED_MAX_SURGE.value.percent}%` : RECOMMENDED_MAX_SURGE.value.count}, Microsoft's recommendation for production, for sizing and in an emitted plan`,
  );
  return {
    requirements: r,
    peakNodes,
    nodes,
    ...(maxPods !== undefined ? { maxPods } : {}),
    maxSurge: RECOMMENDED_MAX_SURGE.value,
    ...(version ? { kubernetesVersion: version, kubernetesVersionText: String(kubernetesVersion) } : {}),
    addressSpace,
    assumptions,
  };
}

/** The capacity engine's pool target for the requirements. */
export function poolTargets(t: Target): PoolTarget[] {
  return [{ name: "system", nodes: t.peakNodes, maxPods: t.maxPods, maxSurge: t.maxSurge }];
}

/** What the candidate's model needs, and the platform limits the target breaks under it. */
export function candidateNeeds(c: Candidate, t: Target): { needs: Needs; problems: SizeProblem[] } {
  const pools = poolTargets(t);
  const n = needs(c.model, pools);
  return { needs: n, problems: sizeProblems(c.model, pools, n) };
}
