/**
 * Plans: the schema, structural parsing and default resolution.
 * @module
 */
export * from "./schema.js";
export * from "./schema-vnet.js";
export * from "./schema-fleet.js";
export { parseFleetPlan, isFleetDocument, type ParseFleetPlanResult } from "./parse-fleet.js";
export { parsePlan, formatPath, type FieldPath, type SchemaProblem, type ParsePlanResult } from "./parse.js";
export { resolvePlan } from "./resolve-plan.js";
export { cidrField } from "./resolve-network.js";
export { sizeTargetOfPlan } from "./size-target.js";
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
export { planJsonSchema, planJsonSchemaText, fleetJsonSchema, fleetJsonSchemaText } from "./json-schema.js";
export { poolTarget, poolModel, nodesWithSurge } from "./pools.js";
