/**
 * The inspect report: everything `aksnet inspect` prints, as one plain value
 * (its JSON form is the public contract documented in docs/inspect.md).
 * A pure function of the snapshot and the optional configured cluster.
 */
import { classify, type Classification } from "./classify.js";
import { checkSnapshot } from "./snapshot-check.js";
import { runRules } from "../validate/index.js";
import { DRIFT_RULES } from "./rules/index.js";
import { nodesByPool } from "./rules/inputs.js";
import type { DataplaneValue, PolicyValue } from "./components.js";
import { lab, verdicts, type Lab, type Verdicts } from "./lab.js";
import type { Verdict } from "./verdict.js";
import { findingsAgainstCluster, type ConfiguredCluster, type LoadedConfiguration } from "./configured-cluster.js";
import type { Finding } from "../validate/index.js";
import { rangeUse, type AddressUse } from "./address-use.js";
import { headroom, type Headroom } from "./headroom.js";
import { azureNodeSubnets, withAzure, withAzureRanges, type AzureSide } from "./azure-side.js";
import type { ClusterSnapshot, ReadProblem } from "./snapshot.js";
import { nodeUse, poolUse, type NodeUse, type PoolUse } from "./node-use.js";

export type ReportSource =
  | { readonly kind: "live"; readonly context: string | undefined; readonly server: string | undefined }
  | { readonly kind: "dump"; readonly files: readonly string[] };

export interface ConfiguredComparison {
  readonly cluster: ConfiguredCluster;
  /** Where the configuration and what the cluster shows disagree, one sentence each (the drift findings' messages). */
  readonly differences: readonly string[];
  /** The drift rules' findings (docs/rules/: cluster-network-differs, pool-differs-from-cluster, …). */
  readonly drift: readonly Finding[];
  /** `aksnet check` findings for the configuration with each pool at the node count the cluster runs. */
  readonly findings: readonly Finding[];
}

/** The headline verdict: the model with its evidence, and the dataplane and policy values of `verdicts`. */
export interface HeadlineVerdict extends Omit<Classification, "placement"> {
  readonly dataplane: Verdict<DataplaneValue>["value"];
  readonly policy: Verdict<PolicyValue>["value"];
}

export interface InspectReport {
  readonly source: ReportSource;
  readonly verdict: HeadlineVerdict;
  /** Every verdict with the objects that prove it, or why it is unknown and the command that settles it. */
  readonly verdicts: Verdicts;
  /** The AKS networking lab's questions, answered in its words. */
  readonly lab: Lab;
  readonly placement: Classification["placement"];
  readonly totals: {
    readonly nodes: number;
    readonly readyNodes: number;
    readonly pods: number;
    readonly hostNetworkPods: number;
    readonly podAddresses: number;
  };
  readonly pools: readonly PoolUse[];
  readonly nodes: readonly NodeUse[];
  readonly ranges: readonly AddressUse[];
  readonly headroom: Headroom;
  /** Virtual nodes (ACI), left out of everything above: name and the pods they run. */
  readonly virtualNodes: readonly { readonly name: string; readonly pods: number }[];
  readonly configured: ConfiguredComparison | undefined;
  /**
   * With `--azure` / `--azure-from`: the cluster's Azure side (its subnets' real free addresses, the scan's checks).
   */
  readonly azure: AzureSide | undefined;
  readonly problems: readonly ReadProblem[];
}

/**
 * The report of a snapshot. The snapshot is checked first (`checkSnapshot`): a malformed one (from a library
 * caller) loses its malformed parts, each loss a problem in the report; nothing throws.
 */
export function inspectReport(
  snapshot: ClusterSnapshot,
  source: ReportSource,
  loaded?: LoadedConfiguration,
  azure?: AzureSide,
): InspectReport {
  const all = checkSnapshot(snapshot);
  const configured = loaded?.cluster;
  // Virtual nodes are listed apart: they hold no node subnet address, belong to no pool and their pods use the ACI
  // subnet.
  const virtualNames = new Set(all.nodes.filter((n) => n.virtual).map((n) => n.name));
  const s: ClusterSnapshot = virtualNames.size
    ? {
        ...all,
        nodes: all.nodes.filter((n) => !n.virtual),
        pods: all.pods.filter((p) => p.node === undefined || !virtualNames.has(p.node)),
      }
    : all;
  const virtualNodes = [...virtualNames].map((name) => ({
    name,
    pods: all.pods.filter((p) => p.node === name && p.phase !== "Succeeded" && p.phase !== "Failed").length,
  }));
  const classification = classify(s);
  const { placement, ...model } = classification;
  const nodeSubnets = [
    ...(configured?.pools ?? []).flatMap((p) => (p.subnetCidr ? [p.subnetCidr] : [])),
    ...azureNodeSubnets(azure),
  ];
  const found = verdicts(s, classification, [...new Set(nodeSubnets)]);
  const verdict: HeadlineVerdict = { ...model, dataplane: found.dataplane.value, policy: found.networkPolicy.value };
  const nodes = nodeUse(s);
  const ranges = withAzureRanges(rangeUse(s, classification, nodes, configured), azure);
  return {
    source,
    verdict,
    verdicts: found,
    lab: lab(s, found),
    placement,
    totals: {
      nodes: nodes.length,
      readyNodes: s.nodes.filter((n) => n.ready).length,
      pods: nodes.reduce((a, n) => a + n.pods, 0),
      hostNetworkPods: nodes.reduce((a, n) => a + n.hostNetworkPods, 0),
      podAddresses: nodes.reduce((a, n) => a + n.podAddresses, 0),
    },
    pools: poolUse(nodes),
    nodes,
    ranges,
    headroom: withAzure(headroom(s, verdict.model, ranges, nodes, configured), azure),
    virtualNodes,
    configured: loaded ? compare(loaded, verdict, nodes) : undefined,
    azure: azure && typeof azure === "object" && azure.cluster ? azure : undefined,
    problems: s.problems,
  };
}

function compare(loaded: LoadedConfiguration, v: HeadlineVerdict, nodes: readonly NodeUse[]): ConfiguredComparison {
  const drift = runRules(DRIFT_RULES, { plan: loaded.resolved, verdict: v, nodes });
  const running = new Map([...nodesByPool(nodes).entries()].map(([k, ns]) => [k, ns.length]));
  return {
    cluster: loaded.cluster,
    differences: drift.map((f) => f.message),
    drift,
    findings: findingsAgainstCluster(loaded.plan, running),
  };
}
