/**
 * The engines: pure functions over the IP core and the knowledge base
 * (plan, schema, capacity, validate, recommend, migrate, inspect, fleet).
 * @module
 */
export * from "./plan/index.js";
export * from "./schema/index.js";
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
export * from "./views/index.js";
export * from "./fleet/index.js";
export {
  scanEstate,
  checkSnapshot as checkEstateSnapshot,
  subnetFigures,
  CHECKS as SCAN_CHECKS,
  type EstateSnapshot,
  type EstateCluster,
  type EstatePool,
  type EstateVnet,
  type EstateSubnet,
  type SubnetUsage,
  type Missing as EstateMissing,
  type ScanInput,
  type ScanReport,
  type ScanSummary,
  type ClusterReport,
  type ClusterPlanInput,
  type PoolReport,
  type PodCidrReport,
  type SubnetReport,
  type VnetReport,
  type CheckResult as ScanCheckResult,
  type CheckId as ScanCheckId,
  type Verdict as ScanVerdict,
} from "./scan/index.js";
export {
  layoutPlan,
  layoutView,
  applyEdits,
  placeSubnets,
  subnetPurposes,
  subnetDemand,
  type LayoutOptions,
  type LayoutResult,
  type LayoutSubnet,
  type LayoutProblem,
  type LayoutKind,
  type LayoutView,
  type PlanEdit,
  type PlacementRequest,
} from "./layout/index.js";
