/**
 * The scan's working steps: index the snapshot, read each cluster's plan and
 * pools' placement, and the figures of every range the pools draw from.
 */
import { podCidrBlocks } from "../capacity/index.js";
import { isResolvedPlan, resolvePlan, type ResolvedPlan } from "../plan/index.js";
import { validate, type Finding } from "../validate/index.js";
import { demandsOf, placePools, type Demand, type PoolPlacement } from "./demands.js";
import type { RangeState } from "./evaluate.js";
import { subnetFigures } from "./subnet-figures.js";
import type { ClusterPlanInput } from "./report.js";
import type { EstateCluster, EstateSnapshot, EstateSubnet, EstateVnet, Missing } from "./snapshot.js";

const lower = (s: string) => s.toLowerCase();

export interface Context {
  readonly vnets: ReadonlyMap<string, EstateVnet>;
  readonly subnets: ReadonlyMap<string, { subnet: EstateSubnet; vnet: EstateVnet }>;
  readonly missing: readonly Missing[];
}

export function indexOf(s: EstateSnapshot): Context {
  const vnets = new Map<string, EstateVnet>();
  const subnets = new Map<string, { subnet: EstateSubnet; vnet: EstateVnet }>();
  for (const v of s.vnets) {
    vnets.set(lower(v.id), v);
    for (const subnet of v.subnets) subnets.set(lower(subnet.id), { subnet, vnet: v });
  }
  return { vnets, subnets, missing: s.missing };
}

/** Why a subnet is not in the snapshot: the matching `missing` entry, else not found in scope. */
function absentWhy(id: string, ctx: Context): string {
  const key = lower(id);
  const m = ctx.missing.find((x) => x.id !== undefined && key.startsWith(lower(x.id)));
  const vnet = key.replace(/\/subnets\/[^/]*$/, "");
  if (m) return `${m.what} was not read (${m.reason})`;
  if (ctx.vnets.has(vnet)) return "the subnet is not in its VNet as read";
  return "its VNet was not found in the scan's scope";
}

export interface ClusterWork {
  readonly cluster: EstateCluster;
  readonly plan?: ResolvedPlan;
  readonly problems: readonly string[];
  readonly placed: readonly PoolPlacement[];
  readonly demands: readonly Demand[];
  readonly findings: readonly Finding[];
}

export function prepare(c: EstateCluster, input: ClusterPlanInput | undefined, ctx: Context): ClusterWork {
  const problems = [...(input?.problems ?? [])];
  if (!input?.plan) {
    if (problems.length === 0) problems.push("its ARM record was not read as a plan");
    return { cluster: c, problems, placed: [], demands: [], findings: [] };
  }
  try {
    const plan = isResolvedPlan(input.plan) ? input.plan : resolvePlan(input.plan);
    const placed = placePools(c, plan, ctx.vnets);
    return { cluster: c, plan, problems, placed, demands: demandsOf(c, plan, placed), findings: validate(plan) };
  } catch (e) {
    // A library caller's plan that is not a parsed plan: a problem, never a throw.
    problems.push(`its plan could not be read (${e instanceof Error ? e.message : String(e)})`);
    return { cluster: c, problems, placed: [], demands: [], findings: [] };
  }
}

export function rangeStates(work: readonly ClusterWork[], ctx: Context): Map<string, RangeState> {
  const states = new Map<string, RangeState>();
  for (const w of work)
    for (const d of w.demands) {
      if (states.has(d.key)) continue;
      if (d.role === "pod-cidr") {
        const prefix = w.plan!.podCidrs.find((x) => x.prefix?.family === 4)!.prefix!;
        const blocks = podCidrBlocks(prefix);
        const used = w.demands.filter((x) => x.key === d.key).reduce((a, x) => a + x.nodes * x.perNode, 0);
        const name = prefix.toString();
        states.set(d.key, {
          key: d.key,
          id: name,
          role: d.role,
          name,
          prefix: name,
          usable: blocks,
          used,
          free: Math.max(0, blocks - used),
        });
        continue;
      }
      const hit = ctx.subnets.get(d.key);
      const id =
        hit?.subnet.id ??
        w.placed.flatMap((p) => [p.nodeSubnetId, p.podSubnetId]).find((x) => x && lower(x) === d.key) ??
        d.key;
      if (!hit) {
        const name = id.split("/").pop() ?? id;
        states.set(d.key, {
          key: d.key,
          id,
          role: d.role,
          name,
          prefix: "",
          usable: null,
          used: null,
          free: null,
          unknownWhy: absentWhy(id, ctx),
        });
        continue;
      }
      const f = subnetFigures(hit.subnet);
      states.set(d.key, {
        key: d.key,
        id,
        role: d.role,
        name: hit.subnet.name,
        prefix: f.prefixes.join(", "),
        usable: f.usable,
        used: f.used,
        free: f.free,
        ...(f.free === null && f.note ? { unknownWhy: f.note } : {}),
      });
    }
  return states;
}
