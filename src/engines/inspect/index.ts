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
  type SnapshotConfigMap,
  RESOURCE_KINDS,
} from "./snapshot.js";
export { classify, type Classification, type Evidence, type Confidence, type Weight } from "./classify.js";
export { podPlacement, holdsPodAddress, type PodPlacement } from "./placement.js";
export { nodeUse, poolUse, podAddressesIn, type NodeUse, type PoolUse } from "./node-use.js";
export { rangeUse, type AddressUse, type RangeRole, type RangeSource } from "./address-use.js";
export { headroom, poolSurge, type Headroom, type HeadroomCheck } from "./headroom.js";
export { HEADROOM_META, HEADROOM_RULE_ID, headroomMessageId } from "./headroom-rule.js";
export {
  withAzure,
  withAzureRanges,
  NODE_SUBNET_BLIND_SPOT,
  apiServerOf,
  clusterVnets,
  type AzureApiServer,
  type AzureVnet,
  type AzureSide,
  type AzureSideSource,
} from "./azure-side.js";
export {
  configuredCluster,
  findingsAgainstCluster,
  type ConfiguredApiServer,
  type ConfiguredCluster,
  type ConfiguredPool,
  type LoadedConfiguration,
} from "./configured-cluster.js";
export {
  inspectReport,
  type InspectReport,
  type HeadlineVerdict,
  type ReportSource,
  type ConfiguredComparison,
} from "./report.js";
export { type Verdict, type Proof, type UnknownBecause } from "./verdict.js";
export {
  componentRuns,
  ciliumRuns,
  kubeProxyRuns,
  dataplaneVerdict,
  policyVerdict,
  type YesNo,
  type DataplaneValue,
  type PolicyValue,
} from "./components.js";
export {
  podRangeSeparate,
  nodePodRanges,
  nodePodRangeVerdict,
  type NodePodRange,
  type SeparateValue,
  type NodeRangesValue,
} from "./pod-ranges.js";
export { verdicts, lab, type Verdicts, type Lab, type LabAnswer, type NodeAnnotation } from "./lab.js";
export { READ_TARGETS } from "./read-targets.js";
export { recordSubnetRoles, vnetSubnetsOf, type VnetSubnet, type VnetSubnetEvidence } from "./vnet-subnets.js";
export { checkSnapshot } from "./snapshot-check.js";
export { DRIFT_RULES, type DriftInputs } from "./rules/index.js";
