/**
 * The drift rules: the configuration against the running cluster. Run by `driftFindings`; their pages are
 * generated into docs/rules/ with `aksnet check`'s rules (scripts/gen-rule-docs.ts).
 */
import type { Rule } from "../../validate/index.js";
import clusterNetworkDiffers from "./cluster-network-differs.js";
import nodeOutsidePoolSubnet from "./node-outside-pool-subnet.js";
import podRangeOutsidePodCidr from "./pod-range-outside-pod-cidr.js";
import poolDiffersFromCluster from "./pool-differs-from-cluster.js";
import type { DriftInputs } from "./inputs.js";

export type { DriftInputs } from "./inputs.js";

/** Every drift rule, in id order. */
export const DRIFT_RULES: readonly Rule<string, DriftInputs>[] = [
  clusterNetworkDiffers,
  nodeOutsidePoolSubnet,
  podRangeOutsidePodCidr,
  poolDiffersFromCluster,
];
