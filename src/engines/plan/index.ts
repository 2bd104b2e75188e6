/**
 * Plans: structural parsing (without zod: `structure.ts` reads the generated shape of the schema in
 * `src/engines/schema/`) and default resolution.
 * @module
 */
// The plan's types come from its zod schema (src/engines/schema); only types, so that parsing a plan loads no zod.
export type * from "../schema/index.js";
export {
  parsePlan,
  planOf,
  isFleetDocument,
  formatPath,
  problemsOf,
  PLAN_FIELDS,
  type FieldPath,
  type IssueLike,
  type SchemaProblem,
  type ParsePlanResult,
} from "./parse.js";
export type { Shape, ShapeCheck, StructureIssue } from "./structure.js";
export { resolvePlan, guardResolved } from "./resolve-plan.js";
export { guardPlan } from "./guard.js";
export { cidrField } from "./resolve-network.js";
export { sizeTargetOfPlan } from "./size-target.js";
export {
  AUTHORIZED_RANGES_EXAMINED,
  parseAuthorizedRange,
  parseAuthorizedRanges,
  type AuthorizedRange,
} from "./authorized-ranges.js";
export {
  isResolvedPlan,
  type Assumption,
  type CidrField,
  type ResolvedSubnet,
  type ResolvedPool,
  type ResolvedPlan,
  type ResolvedMaxSurge,
  type ResolvedMaxUnavailable,
  type ResolvedKubernetesVersion,
} from "./resolved-plan.js";
export { REPOSITORY_URL, docsWebUrl, schemaUrl, schemaComment } from "./project-urls.js";
export { poolTarget, poolModel, nodesWithSurge } from "./pools.js";
