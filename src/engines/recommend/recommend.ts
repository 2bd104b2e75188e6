/**
 * `recommend`: every model × dataplane, filtered by hard requirements (each
 * rejection with its reason and source), the rest scored by small named scorers
 * and ranked, each with reasons for and against, what it locks in and the
 * retirements that apply. Pure; an impossible requirement is a result, not a throw.
 */
import { MODELS, type DataplaneId, type MaxSurge, type ModelId } from "../../kb/index.js";
import { planOf, type Requirements } from "../plan/index.js";
import { validate } from "../validate/index.js";
import { emitPlan } from "./emit.js";
import {
  allCandidates,
  candidateId,
  candidateNeeds,
  candidateTitle,
  type Candidate,
  type Target,
} from "./candidate.js";
import { targetOf, type InputProblem } from "./target.js";
import { defaultsThatRuleOut, type DefaultNote } from "./defaults.js";
import { FILTERS, type Rejection } from "./filters.js";
import { lockInsOf, retirementsOf, type LockIn, type RetirementNote } from "./lock-ins.js";
import { scoresOf, type Score } from "./scorers.js";

export interface RecommendInput {
  readonly requirements: Requirements;
  readonly kubernetesVersion?: string | number;
  /** The day retirements are judged on (YYYY-MM-DD); the clock's date when absent. */
  readonly today?: string;
  /** The surge to size with (a plan's own, see `recommendInputOf`); Microsoft's recommended 33% when absent. */
  readonly maxSurge?: MaxSurge;
  /** What the caller took from a plan's pools, in words: listed first among the target's assumptions. */
  readonly fromPlan?: readonly string[];
}

export interface RankedCandidate {
  readonly rank: number;
  /** `model/dataplane`, e.g. `azure-cni-overlay/cilium`. */
  readonly id: string;
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
  readonly title: string;
  readonly total: number;
  readonly scores: readonly Score[];
  readonly for: readonly string[];
  readonly against: readonly string[];
  readonly lockIns: readonly LockIn[];
  readonly retirements: readonly RetirementNote[];
  /** What the candidate needs for the target (prefix lengths are null when nothing fits). */
  readonly needs: {
    readonly nodeSubnetBits: number | null;
    readonly podSubnetBits: number | null;
    readonly podCidrBits: number | null;
  };
}

export interface RejectedCandidate {
  readonly id: string;
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
  readonly title: string;
  readonly reasons: readonly Rejection[];
  /** Defaults the user never chose that rule the candidate out, each with a value that would let it in. */
  readonly defaults: readonly DefaultNote[];
}

export interface Recommendation {
  readonly target: Target;
  readonly ranked: readonly RankedCandidate[];
  readonly rejected: readonly RejectedCandidate[];
}

/** Requirements the engine cannot work with: nothing is ranked. */
export interface RecommendRefusal {
  readonly problems: readonly InputProblem[];
}

/** Every reason the candidate cannot meet the target (empty when it can). */
export function rejections(c: Candidate, t: Target): Rejection[] {
  const out = FILTERS.flatMap((f) => {
    const r = f.reject(c, t);
    return r ? [{ filter: f.id, ...r }] : [];
  });
  return out.length > 0 ? out : validatorRejections(c, t);
}

/**
 * The validator as the last filter: the candidate's plan (as `emitPlan` writes it)
 * must have no error finding, so every rule `aksnet check` knows also rules
 * candidates out, and every emitted plan passes `check` by construction.
 */
function validatorRejections(c: Candidate, t: Target): Rejection[] {
  const e = emitPlan(c, t);
  if ("problem" in e)
    return [
      {
        filter: "layout",
        reason: `no plan can be laid out: ${e.problem}`,
        source: "aksnet: capacity engine and IP free-space search",
      },
    ];
  return validate(planOf(e.plan))
    .filter((f) => f.severity === "error")
    .map((f) => ({ filter: `check:${f.ruleId}`, reason: f.message, source: f.docsUrl }));
}

/**
 * Ranks the candidates for the requirements. Never throws for input: requirements it
 * cannot work with come back as `problems` (see `targetOf`), with nothing ranked.
 */
export function recommend(given: RecommendInput): Recommendation | RecommendRefusal {
  // From JavaScript anything may come: what is not an object states no requirement (issue #12, library-hostile).
  const input: RecommendInput = typeof given === "object" && given !== null ? given : { requirements: {} };
  const decided = targetOf(input.requirements, input.kubernetesVersion, input.today, input.maxSurge);
  if ("problems" in decided) return { problems: decided.problems };
  const t: Target = input.fromPlan?.length
    ? {
        ...decided.target,
        assumptions: [...input.fromPlan.map((x) => `from the plan: ${x}`), ...decided.target.assumptions],
      }
    : decided.target;
  const rejected: RejectedCandidate[] = [];
  const passed: Candidate[] = [];
  for (const c of allCandidates()) {
    const reasons = rejections(c, t);
    if (reasons.length > 0)
      rejected.push({
        id: candidateId(c),
        model: c.model,
        dataplane: c.dataplane,
        title: candidateTitle(c),
        reasons,
        defaults: defaultsThatRuleOut(c, t, rejections),
      });
    else passed.push(c);
  }
  const scored = passed.map((c) => {
    const scores = scoresOf(c, t, passed);
    const { needs } = candidateNeeds(c, t);
    return {
      id: candidateId(c),
      model: c.model,
      dataplane: c.dataplane,
      title: candidateTitle(c),
      total: scores.reduce((a, s) => a + s.weight * s.score, 0),
      scores,
      for: scores.flatMap((s) => s.for),
      against: scores.flatMap((s) => s.against),
      lockIns: lockInsOf(c, t),
      retirements: retirementsOf(c, t),
      needs: {
        nodeSubnetBits: needs.nodeSubnet.prefixLength,
        podSubnetBits: needs.podSubnet?.prefixLength ?? null,
        podCidrBits: needs.podCidr?.prefixLength ?? null,
      },
    };
  });
  const guidance = (x: (typeof scored)[number]) => x.scores.find((s) => s.scorer === "guidance")?.score ?? 0;
  scored.sort((a, b) => b.total - a.total || guidance(b) - guidance(a) || a.id.localeCompare(b.id));
  return { target: t, ranked: scored.map((s, i) => ({ rank: i + 1, ...s })), rejected };
}

/** The model's title, for callers that show a model id. */
export function modelTitle(model: ModelId): string {
  return MODELS[model].title;
}
