/**
 * The inspect engine: a `ClusterSnapshot` (what was read from a cluster, live
 * or from dumps, by `adapters/inspect`) → the model, dataplane and policy
 * verdicts with their evidence, per-node use, address use, headroom and, with
 * a configuration, the differences from it. Pure functions; no I/O.
 * @module
 */
export {
  type ClusterSnapshot,
  type SnapshotNode,
  type SnapshotPod,
  type SnapshotDaemonSet,
  type SnapshotNetworkContainer,
  type SnapshotNodeNetworkConfig,
  type ReadProblem,
  type ReadProblemKind,
  type ResourceKind,
} from "./snapshot.js";
export { classify, type Classification, type Evidence, type Confidence, type Weight } from "./classify.js";
export { podPlacement, holdsPodAddress, type PodPlacement } from "./placement.js";
export { nodeUse, poolUse, podAddressesIn, type NodeUse, type PoolUse } from "./node-use.js";
export { rangeUse, type AddressUse, type RangeRole, type RangeSource } from "./address-use.js";
export { headroom, poolSurge, type Headroom, type HeadroomCheck } from "./headroom.js";
export {
  configuredCluster,
  findingsAgainstCluster,
  type ConfiguredCluster,
  type ConfiguredPool,
  type LoadedConfiguration,
} from "./configured-cluster.js";
export { inspectReport, type InspectReport, type ReportSource, type ConfiguredComparison } from "./report.js";
