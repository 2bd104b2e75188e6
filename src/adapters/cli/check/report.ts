/**
 * What `aksnet check` reports, independent of the output format: the findings
 * located in the input files, the summary, the model, the assumptions and the
 * loader's notes. Schema problems become findings of the pseudo-rule
 * `plan-schema`, so every format (and SARIF) points at them.
 */
import type { Assumption, ResolvedPlan } from "../../../engines/plan/index.js";
import { schemaFinding, type Finding } from "../../../engines/validate/index.js";
import type { LoadedPlan, Location, PlanFormat } from "../../importers/index.js";
import type { SuppressedFinding } from "../policy/index.js";

export interface LocatedFinding extends Finding {
  readonly location: Location;
}

export interface CheckReport {
  readonly files: readonly { readonly file: string; readonly format: PlanFormat }[];
  readonly findings: readonly LocatedFinding[];
  /** Findings an inline comment or the baseline suppressed (docs/ci.md); not counted in errors/warnings/infos. */
  readonly suppressed: readonly SuppressedFinding<LocatedFinding>[];
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly suppressed: number;
  };
  /** Absent when the plan did not pass the schema. */
  readonly resolved?: ResolvedPlan;
  readonly assumptions: readonly Assumption[];
  readonly notes: readonly string[];
}

/** What every `check` formatter gets: the report, and whether to add the resolved plan. */
export interface CheckView {
  readonly report: CheckReport;
  readonly showResolved: boolean;
}

export function schemaFindings(loaded: LoadedPlan): LocatedFinding[] {
  return loaded.problems.map((p) => ({
    ...schemaFinding(p),
    location: { file: p.file, line: p.line, column: p.column },
  }));
}

/** A JSON-friendly copy of the resolved plan (prefixes as text, no raw plan). */
export function resolvedForOutput(r: ResolvedPlan): Record<string, unknown> {
  const cidr = (c: { text: string; problem?: string }) => (c.problem ? { text: c.text, problem: c.problem } : c.text);
  return {
    ...(r.kubernetesVersion ? { kubernetesVersion: r.kubernetesVersion.text } : {}),
    model: r.model,
    plugin: r.plugin,
    ...(r.pluginMode ? { pluginMode: r.pluginMode } : {}),
    dataplane: r.dataplane,
    policy: r.policy,
    ipFamilies: r.ipFamilies,
    podCidrs: r.podCidrs.map(cidr),
    serviceCidrs: r.serviceCidrs.map(cidr),
    dnsServiceIp: r.dnsServiceIp.text,
    outboundType: r.outboundType,
    vnet: {
      addressSpace: r.vnetAddressSpace.map(cidr),
      subnets: r.subnets.map((s) => ({
        name: s.name,
        cidr: cidr(s),
        ...(s.delegation ? { delegation: s.delegation } : {}),
      })),
    },
    connectedNetworks: r.connectedNetworks.map((c) => ({ name: c.name, cidrs: c.cidrs.map(cidr) })),
    nodePools: r.pools.map((p) => ({
      name: p.name,
      mode: p.mode,
      os: p.os,
      count: p.count,
      ...(p.autoscale ? { minCount: p.minCount, maxCount: p.maxCount } : {}),
      peakCount: p.peakCount,
      maxPods: p.maxPods,
      maxSurge: p.maxSurge.text,
      surgeNodes: p.maxSurge.nodes,
      ...(p.subnet ? { subnet: p.subnet } : {}),
      ...(p.podSubnet ? { podSubnet: p.podSubnet, podIpAllocation: p.podIpAllocation } : {}),
    })),
  };
}
