/**
 * Migration planning: blockers, checks, the pod CIDR and the ordered steps to
 * move a cluster to Azure CNI Overlay or to the Cilium dataplane.
 * @module
 */
export {
  planMigration,
  planAvoid,
  type Migration,
  type MigrationTarget,
  type MigrateOptions,
  type ClusterFacts,
  type Blocker,
  type Check,
  type Warning,
  type Step,
  type PodCidrChoice,
  type ModelState,
} from "./migrate.js";
export { choosePodCidr, firstOverlap, reservedAvoid, type Avoid } from "./pod-cidr.js";
