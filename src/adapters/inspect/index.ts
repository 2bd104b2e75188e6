/**
 * Inspect: a live cluster or offline dumps → a `ClusterSnapshot` → a report
 * (model, dataplane, evidence, per-node use, address use, headroom).
 * Reading is I/O (`readLive`, `readDumps`); everything after is pure.
 * @module
 */
export {
  SnapshotBuilder,
  type ClusterSnapshot,
  type SnapshotNode,
  type SnapshotPod,
  type SnapshotDaemonSet,
  type SnapshotNodeNetworkConfig,
  type ReadProblem,
  type ReadProblemKind,
  type ResourceKind,
} from "./snapshot.js";
export { listItems, DumpSyntaxError } from "./json-items.js";
export { readDumps, DumpError } from "./dump.js";
export { readLive, KubeconfigError, type LiveOptions, type LiveResult } from "./live.js";
export { classify, type Classification, type Evidence, type Confidence } from "./classify.js";
export {
  loadConfiguration,
  findingsAgainstCluster,
  ConfiguredError,
  type ConfiguredCluster,
  type ConfiguredPool,
  type LoadedConfiguration,
} from "./configured.js";
export { inspectReport, type InspectReport, type ReportSource } from "./report.js";
export { poolSurge, type AddressUse, type Headroom, type HeadroomCheck } from "./ranges.js";
