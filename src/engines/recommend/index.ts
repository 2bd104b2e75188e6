/**
 * Recommendation: rank every network model × dataplane for stated requirements,
 * with the reasons for and against each, what it locks in, and the plan to emit.
 * Requirements the engine cannot work with come back as `problems` (never a throw).
 * `recommendInputOf(plan)`: the input for a plan, its pools' nodes, max pods and surge where its
 * requirements are silent.
 * @module
 */
export {
  recommend,
  rejections,
  type RecommendInput,
  type Recommendation,
  type RecommendRefusal,
  type RankedCandidate,
  type RejectedCandidate,
} from "./recommend.js";
export {
  allCandidates,
  candidateId,
  candidateTitle,
  comparisonMaxPods,
  splitPools,
  type Candidate,
  type PoolShare,
  type Target,
} from "./candidate.js";
export { targetOf, type InputProblem } from "./target.js";
export { recommendInputOf, type PlanRecommendInput } from "./from-plan.js";
export { type DefaultNote } from "./defaults.js";
export { FILTERS, layoutSubnets, type Filter, type Rejection } from "./filters.js";
export { SCORERS, type Scorer, type Score } from "./scorers.js";
export { lockInsOf, retirementsOf, componentRetirements, type LockIn, type RetirementNote } from "./lock-ins.js";
export { emitPlan, policyFor, type EmitOptions } from "./emit.js";
