/**
 * Plans: the schema, structural parsing and default resolution.
 * @module
 */
export * from "./schema.js";
export { parsePlan, formatPath, type SchemaProblem, type ParsePlanResult } from "./parse.js";
export { resolvePlan, parseKubernetesVersion, surgeNodes, cidrField } from "./resolve.js";
export { isResolvedPlan, type Assumption, type CidrField, type ResolvedSubnet, type ResolvedPool, type ResolvedPlan, type MaxSurge, type KubernetesVersion } from "./resolved.js";
