/**
 * Migration planning: blockers, checks, the pod CIDR and the ordered steps to
 * move a cluster to Azure CNI Overlay or to the Cilium dataplane. Options the
 * engine cannot use come back as `problems` (never a throw).
 * @module
 */
export { planMigration, planAvoid } from "./migrate.js";
export type {
  Migration,
  MigrationRefusal,
  MigrateProblem,
  MigrationTarget,
  MigrateOptions,
  ClusterFacts,
  Blocker,
  Check,
  Warning,
  Step,
  PodCidrChoice,
  ModelState,
} from "./types.js";
export { choosePodCidr, firstOverlap, reservedAvoid, type Avoid } from "./pod-cidr.js";
