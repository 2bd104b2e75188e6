/**
 * The inspect report: everything `aksnet inspect` prints, as one plain value
 * (its JSON form is the public contract documented in docs/inspect.md).
 * A pure function of the snapshot and the optional configured cluster.
 */
import { classify, type Classification } from "./classify.js";
import { configuredModel, type ConfiguredCluster } from "./aks-json.js";
import { headroom, rangeUse, type Headroom, type AddressUse } from "./ranges.js";
import type { ClusterSnapshot, ReadProblem } from "./snapshot.js";
import { nodeUse, poolUse, type NodeUse, type PoolUse } from "./usage.js";

export type ReportSource = { readonly kind: "live"; readonly context: string | undefined; readonly server: string | undefined } | { readonly kind: "dump"; readonly files: readonly string[] };

export interface ConfiguredComparison {
  readonly cluster: ConfiguredCluster;
  /** The model the configuration names (network profile + pools). */
  readonly model: string | undefined;
  /** Where the configuration and what the cluster shows disagree. */
  readonly differences: readonly string[];
}

export interface InspectReport {
  readonly source: ReportSource;
  readonly verdict: Omit<Classification, "placement">;
  readonly placement: Classification["placement"];
  readonly totals: { readonly nodes: number; readonly readyNodes: number; readonly pods: number; readonly hostNetworkPods: number; readonly podAddresses: number };
  readonly pools: readonly PoolUse[];
  readonly nodes: readonly NodeUse[];
  readonly ranges: readonly AddressUse[];
  readonly headroom: Headroom;
  readonly configured: ConfiguredComparison | undefined;
  readonly problems: readonly ReadProblem[];
}

export function inspectReport(s: ClusterSnapshot, source: ReportSource, configured?: ConfiguredCluster): InspectReport {
  const { placement, ...verdict } = classify(s);
  const nodes = nodeUse(s);
  const ranges = rangeUse(s, { ...verdict, placement }, nodes, configured);
  return {
    source,
    verdict,
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
    headroom: headroom(s, verdict.model, ranges, nodes, configured),
    configured: configured ? compare(configured, verdict) : undefined,
    problems: s.problems,
  };
}

function compare(c: ConfiguredCluster, v: Omit<Classification, "placement">): ConfiguredComparison {
  const model = configuredModel(c);
  const differences: string[] = [];
  if (model && v.model !== "unknown" && model !== v.model) differences.push(`The configuration says ${model}, the cluster looks like ${v.model}.`);
  const dataplane = c.networkDataplane?.toLowerCase() ?? "azure";
  if (v.dataplane !== "unknown" && model !== "byo-cni" && dataplane !== v.dataplane) differences.push(`The configured dataplane is ${dataplane}, the cluster runs ${v.dataplane}.`);
  const policy = c.networkPolicy?.toLowerCase() ?? "none";
  if (v.policy !== "unknown" && policy !== v.policy) differences.push(`The configured network policy is ${policy}, the cluster shows ${v.policy}.`);
  return { cluster: c, model, differences };
}
