/**
 * `checkFleet`: every cluster's own findings (the check engine on its plan) plus
 * the fleet's: overlaps between networks that reach each other, names, meshes,
 * and each pool's free space with how many more clusters of each size fit.
 * Never throws for user input.
 */
import { FLEET } from "../../kb/index.js";
import type { FleetPlan, FleetPlanInput, UsedPrefix } from "../plan/index.js";
import { parseFleetPlan } from "../schema/index.js";
import { compareFindings, runRules, schemaFinding, summarize, validate, type Finding } from "../validate/index.js";
import { fleetModel, ItemKind, type ClusterNode, type FleetModel, type FleetLoadedPlan } from "./model.js";
import { fleetConflicts } from "./overlaps.js";
import { poolForecasts, type PoolForecast } from "./pools.js";
import { FLEET_RULES } from "./rules/index.js";
import { guardArgs } from "../../ip/index.js";
import { FLEET_MODEL } from "./model-param.js";

export interface FleetCheckOptions {
  /** Cluster plans referenced by path in `clusters[].plan`, loaded by the caller, keyed by the path as written. */
  readonly plans?: ReadonlyMap<string, FleetLoadedPlan>;
  /** Used space read from files or a scan (the fleet file's own `used` entries are added). */
  readonly used?: readonly UsedPrefix[];
  /** Run each cluster's own check (default true). */
  readonly clusterChecks?: boolean;
  /** Prefix lengths to forecast (default: the fleet's VNet sizes, else /16, /20, /22, /24). */
  readonly sizes?: readonly number[];
}

export interface FleetClusterResult {
  readonly name: string;
  /** The plan file as written in the fleet file, "inline", or "none". */
  readonly plan: string;
  readonly model: string | null;
  readonly vnet: readonly string[];
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  /** Why its pod CIDR must be distinct (null: it may be reused). */
  readonly podsRouted: string | null;
  readonly findings: readonly Finding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface FleetCheckResult {
  /** No error findings, in the fleet or in any cluster. */
  readonly ok: boolean;
  readonly name: string | null;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
  readonly counts: {
    readonly clusters: number;
    readonly networks: number;
    readonly ranges: number;
    readonly overlappingPairs: number;
    readonly used: number;
  };
  /** The fleet's own findings; paths are fields of the fleet file. */
  readonly findings: readonly Finding[];
  readonly clusters: readonly FleetClusterResult[];
  readonly pools: readonly PoolForecast[];
  readonly assumptions: readonly string[];
}

const DEFAULT_SIZES = [16, 20, 22, 24];

function clusterResult(c: ClusterNode, run: boolean): FleetClusterResult {
  const r = c.resolved;
  const findings = run && r ? validate(r) : [];
  return {
    name: c.name,
    plan: c.planRef,
    model: r?.model ?? null,
    vnet: r?.vnetAddressSpace.map((f) => f.text) ?? [],
    podCidrs: r?.podCidrs.map((f) => f.text) ?? [],
    serviceCidrs: r?.serviceCidrs.map((f) => f.text) ?? [],
    podsRouted: c.podsRoutedWhy ?? null,
    findings,
    summary: summarize(findings),
  };
}

/** The VNet sizes of the fleet's clusters, most used first. */
export const vnetSizes = guardArgs("vnetSizes", [FLEET_MODEL], function vnetSizes(m: FleetModel): number[] {
  const count = new Map<number, number>();
  for (const c of m.clusters)
    for (const f of c.resolved?.vnetAddressSpace ?? []) {
      if (f.prefix && f.prefix.family === 4) count.set(f.prefix.bits, (count.get(f.prefix.bits) ?? 0) + 1);
    }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([b]) => b);
});

function invalidFleet(problems: readonly Parameters<typeof schemaFinding>[0][]): FleetCheckResult {
  const findings = problems.map(schemaFinding).sort(compareFindings);
  return {
    ok: false,
    name: null,
    summary: summarize(findings),
    counts: { clusters: 0, networks: 0, ranges: 0, overlappingPairs: 0, used: 0 },
    findings,
    clusters: [],
    pools: [],
    assumptions: [],
  };
}

/** What the check assumed: reuse of pod and service CIDRs, reachability as stated, clusters not yet placed. */
function checkAssumptions(fleet: FleetPlan, model: ReturnType<typeof fleetModel>): string[] {
  const assumptions: string[] = [
    `Overlay pod CIDRs and service CIDRs may be reused by clusters that do not route them ` +
      `(${FLEET.overlayPodCidrReusable.source[0]?.url ?? ""}); meshed clusters, kubenet and pod CIDRs routed ` +
      `on-premises keep theirs distinct.`,
    "Reachability is what the fleet file states: peerings, gateway transit, Virtual Network Manager connectivity, " +
      "gateway connections; peering is not transitive.",
  ];
  if (model.clusters.some((c) => !c.entry.peerWith) && fleet.defaults.peerWith.length === 0 && fleet.hub)
    assumptions.push(
      "No cluster names peerWith and defaults.peerWith is empty: clusters are not taken as peered with the hub.",
    );
  const unplaced = model.clusters.filter((c) => c.resolved && c.resolved.vnetAddressSpace.length === 0).length;
  if (unplaced > 0)
    assumptions.push(
      `${unplaced} cluster(s) have no VNet yet: their pod and service CIDRs are left out until aksnet fleet allocate ` +
        `chooses them.`,
    );
  return assumptions;
}

/** Checks a fleet (as written, or parsed). */
export function checkFleet(
  input: FleetPlan | FleetPlanInput | unknown,
  options: FleetCheckOptions = {},
): FleetCheckResult {
  const parsed = parseFleetPlan(input);
  if (!parsed.fleet) return invalidFleet(parsed.problems);
  const fleet = parsed.fleet;
  const used: UsedPrefix[] = [
    ...fleet.used.map((u) => ({
      cidr: u.cidr,
      source: u.source ?? "fleet file",
      ...(u.name ? { name: u.name } : {}),
      ...(u.network ? { network: u.network } : {}),
    })),
    ...(options.used ?? []),
  ];
  const model = fleetModel(fleet, { ...(options.plans ? { plans: options.plans } : {}), used });
  const { conflicts, pairs, tooMany } = fleetConflicts(model);
  const sizes = vnetSizes(model);
  const problems = [...model.problems];
  if (tooMany !== undefined) problems.push({ code: "overlaps-too-many", path: [], data: { reason: tooMany } });
  const forecasts = poolForecasts(model, used, options.sizes ?? (sizes.length > 0 ? sizes : DEFAULT_SIZES), problems);
  const findings = runRules(FLEET_RULES, {
    model: { ...model, problems },
    conflicts,
    forecasts,
    commonVnetBits: sizes[0] ?? 16,
  });
  const clusters = model.clusters.map((c) => clusterResult(c, options.clusterChecks !== false));
  const total = summarize(findings);
  const summary = { ...total };
  for (const c of clusters) {
    summary.errors += c.summary.errors;
    summary.warnings += c.summary.warnings;
    summary.infos += c.summary.infos;
  }
  const assumptions = checkAssumptions(fleet, model);
  return {
    ok: summary.errors === 0,
    name: fleet.name ?? null,
    summary,
    counts: {
      clusters: model.clusters.length,
      networks: model.networks.filter((x) => x.kind !== "used").length,
      ranges: model.items.kind.filter((k) => k !== ItemKind.used && k !== ItemKind.usedOf).length,
      overlappingPairs: pairs,
      used: used.length,
    },
    findings,
    clusters,
    pools: forecasts,
    assumptions,
  };
}
