/**
 * The engines: pure functions over the IP core and the knowledge base
 * (plan, capacity, validate, recommend, migrate, inspect).
 * @module
 */
export * from "./plan/index.js";
export * from "./capacity/index.js";
export * from "./validate/index.js";
export {
  recommend,
  emitPlan,
  FILTERS,
  SCORERS,
  type Recommendation,
  type RecommendInput,
  type RankedCandidate,
  type RejectedCandidate,
} from "./recommend/index.js";
export {
  planMigration,
  choosePodCidr,
  type Migration,
  type MigrationTarget,
  type MigrateOptions,
  type ClusterFacts,
} from "./migrate/index.js";
export * from "./inspect/index.js";
