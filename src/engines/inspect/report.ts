/**
 * The inspect report: everything `aksnet inspect` prints, as one plain value
 * (its JSON form is the public contract documented in docs/inspect.md).
 * A pure function of the snapshot and the optional configured cluster.
 */
import { classify, type Classification } from "./classify.js";
import type { DataplaneValue, PolicyValue } from "./components.js";
import { lab, verdicts, type Lab, type Verdicts } from "./lab.js";
import type { Verdict } from "./verdict.js";
import { findingsAgainstCluster, type ConfiguredCluster, type LoadedConfiguration } from "./configured-cluster.js";
import type { Finding } from "../validate/index.js";
import { tryParseAddr, tryParsePrefix } from "../../ip/index.js";
import { rangeUse, type AddressUse } from "./address-use.js";
import { headroom, type Headroom } from "./headroom.js";
import type { ClusterSnapshot, ReadProblem } from "./snapshot.js";
import { nodeUse, poolUse, type NodeUse, type PoolUse } from "./node-use.js";

export type ReportSource =
  | { readonly kind: "live"; readonly context: string | undefined; readonly server: string | undefined }
  | { readonly kind: "dump"; readonly files: readonly string[] };

export interface ConfiguredComparison {
  readonly cluster: ConfiguredCluster;
  /** Where the configuration and what the cluster shows disagree, one sentence each. */
  readonly differences: readonly string[];
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
  readonly problems: readonly ReadProblem[];
}

export function inspectReport(all: ClusterSnapshot, source: ReportSource, loaded?: LoadedConfiguration): InspectReport {
  const configured = loaded?.cluster;
  // Virtual nodes are listed apart: they hold no node subnet address, belong to no pool and their pods use the ACI subnet.
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
  const nodeSubnets = (configured?.pools ?? []).flatMap((p) => (p.subnetCidr ? [p.subnetCidr] : []));
  const found = verdicts(s, classification, [...new Set(nodeSubnets)]);
  const verdict: HeadlineVerdict = { ...model, dataplane: found.dataplane.value, policy: found.networkPolicy.value };
  const nodes = nodeUse(s);
  const ranges = rangeUse(s, classification, nodes, configured);
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
    headroom: headroom(s, verdict.model, ranges, nodes, configured),
    virtualNodes,
    configured: loaded ? compare(loaded, verdict, nodes) : undefined,
    problems: s.problems,
  };
}

function compare(loaded: LoadedConfiguration, v: HeadlineVerdict, nodes: readonly NodeUse[]): ConfiguredComparison {
  const c = loaded.cluster;
  const d: string[] = [];
  if (v.model !== "unknown" && c.model !== v.model)
    d.push(`The configuration says ${c.model}, the cluster looks like ${v.model}.`);
  if (v.dataplane !== "unknown" && c.model !== "byo-cni" && c.dataplane !== v.dataplane)
    d.push(`The configured dataplane is ${c.dataplane}, the cluster runs ${v.dataplane}.`);
  if (v.policy !== "unknown" && c.policy !== v.policy)
    d.push(`The configured network policy is ${c.policy}, the cluster shows ${v.policy}.`);
  const perPool = new Map<string, NodeUse[]>();
  for (const n of nodes) perPool.set(n.pool ?? "", [...(perPool.get(n.pool ?? "") ?? []), n]);
  for (const p of c.pools) {
    const running = perPool.get(p.name) ?? [];
    if (running.length === 0) {
      d.push(`Pool ${p.name} is configured but no node of it runs.`);
      continue;
    }
    if (
      p.maxCount !== undefined &&
      (running.length > p.maxCount || (p.minCount !== undefined && running.length < p.minCount))
    )
      d.push(
        `Pool ${p.name} runs ${running.length} nodes, outside its autoscaler range ${p.minCount ?? 0}–${p.maxCount}.`,
      );
    else if (p.maxCount === undefined && running.length !== p.count)
      d.push(`Pool ${p.name} is configured for ${p.count} nodes and runs ${running.length}.`);
    const other = [...new Set(running.map((n) => n.maxPods).filter((m) => m !== undefined && m !== p.maxPods))];
    if (other.length)
      d.push(`Pool ${p.name} is configured for max pods ${p.maxPods}; its nodes allow ${other.join(", ")}.`);
    const subnet = p.subnetCidr === undefined ? undefined : tryParsePrefix(p.subnetCidr);
    if (subnet?.ok) {
      const outside = running.filter(
        (n) =>
          !n.internalIps.some((ip) => {
            const a = tryParseAddr(ip);
            return a.ok && subnet.value.contains(a.value);
          }),
      );
      if (outside.length)
        d.push(
          `${outside.length} node${outside.length === 1 ? "" : "s"} of pool ${p.name} have no address in its subnet ${p.subnet} (${p.subnetCidr}), e.g. ${outside[0]?.name}.`,
        );
    }
  }
  for (const name of perPool.keys())
    if (name && !c.pools.some((p) => p.name === name))
      d.push(`Pool ${name} runs ${perPool.get(name)?.length ?? 0} nodes but is not in the configuration.`);
  const podCidrs = c.podCidrs.map((x) => tryParsePrefix(x)).flatMap((r) => (r.ok ? [r.value] : []));
  if (podCidrs.length) {
    const stray = nodes.filter((n) =>
      n.podCidrs.some((x) => {
        const q = tryParsePrefix(x);
        return q.ok && !podCidrs.some((pc) => (pc.family === q.value.family ? pc.contains(q.value) : true));
      }),
    );
    if (stray.length)
      d.push(
        `${stray.length} node${stray.length === 1 ? "" : "s"} have a pod range outside the configured pod CIDR ${c.podCidrs.join(", ")}, e.g. ${stray[0]?.name} ${stray[0]?.podCidrs.join(", ")}.`,
      );
  }
  const running = new Map([...perPool.entries()].map(([k, ns]) => [k, ns.length]));
  return { cluster: c, differences: d, findings: findingsAgainstCluster(loaded.plan, running) };
}
