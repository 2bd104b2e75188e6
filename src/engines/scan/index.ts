/**
 * The scan engine: an estate snapshot (clusters, their VNets and subnets with
 * Azure's used-address figures) and each cluster's ARM record as a plan → per
 * cluster and pool, whether the next upgrade and the autoscaler's scale-out fit,
 * in the words of the AKS errors (`SubnetIsFull`, `InsufficientSubnetSize`).
 * Pure: the Azure reads are `adapters/azure`. Reference: docs/scan.md.
 * @module
 */
export { scanEstate } from "./scan.js";
export {
  checkSnapshot,
  type EstateSnapshot,
  type EstateCluster,
  type EstateApiServer,
  type EstatePool,
  type EstateVnet,
  type EstateSubnet,
  type SubnetUsage,
  type Missing,
  type SnapshotProblem,
} from "./snapshot.js";
export { CHECKS, type CheckId, type CheckMeta, type RangeRole, type Verdict } from "./checks.js";
export { type CheckResult } from "./evaluate.js";
export { subnetFigures, type SubnetFigures, type UsedSource } from "./subnet-figures.js";
export type {
  ScanInput,
  ScanReport,
  ScanSummary,
  ClusterReport,
  ClusterApiServerReport,
  ClusterPlanInput,
  PoolReport,
  PodCidrReport,
  SubnetReport,
  VnetReport,
} from "./report.js";
