/**
 * Recommendation: rank every network model × dataplane for stated requirements,
 * with the reasons for and against each, what it locks in, and the plan to emit.
 * @module
 */
export {
  recommend,
  type RecommendInput,
  type Recommendation,
  type RankedCandidate,
  type RejectedCandidate,
} from "./recommend.js";
export { allCandidates, candidateId, candidateTitle, targetOf, type Candidate, type Target } from "./candidate.js";
export { FILTERS, layoutSubnets, type Filter, type Rejection } from "./filters.js";
export { SCORERS, type Scorer, type Score } from "./scorers.js";
export { lockInsOf, retirementsOf, type LockIn, type RetirementNote } from "./lock-ins.js";
export { emitPlan, policyFor, type EmitOptions } from "./emit.js";
