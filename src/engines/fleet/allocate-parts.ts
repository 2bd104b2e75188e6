/**
 * The pieces of `allocateFleet`: the fleet-wide reused pod and service CIDRs,
 * a template's size (laid out once per plan file), moving a laid-out plan to
 * another VNet block, checking what is written, and the networks a cluster
 * reaches as its plan's connectedNetworks.
 */
import type { AddrSet } from "../../ip/index.js";
import { Addr, addrSetOf, addrSetOfText, prefixFrom, tryParsePrefix, type Prefix } from "../../ip/index.js";
import { DEFAULT_CIDRS } from "../../kb/index.js";
import { layoutPlan } from "../layout/index.js";
import type { Plan } from "../plan/index.js";
import type { Finding } from "../validate/index.js";
import { ItemKind, type ClusterNode, type FleetModel } from "./model.js";
import { reachedBy } from "./reach.js";
import { checkPlanFully, checkTranslated, type CheckedTemplate } from "./plan-check.js";

const SCRATCH = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];
/** Fleet-wide reused ranges to try, AKS's defaults first (kb DEFAULT_CIDRS), then other private /16s. */
export const POD_CANDIDATES = [
  DEFAULT_CIDRS.podCidr.value,
  "100.64.0.0/16",
  "192.168.0.0/16",
  "172.16.0.0/16",
  "10.245.0.0/16",
];
export const SERVICE_CANDIDATES = [
  DEFAULT_CIDRS.serviceCidr.value,
  "172.17.0.0/16",
  "192.168.0.0/16",
  "100.65.0.0/16",
  "10.1.0.0/16",
];

/**
 * The range every cluster reuses (no cluster routes it): the first candidate clear of routed space, preferring
 * one outside the VNet pools too so the pools stay whole.
 */
export function reusedRange(
  what: string,
  candidates: readonly string[],
  avoid: readonly string[],
  routed: AddrSet,
  pools: AddrSet,
  assumptions: string[],
): string {
  const clear = (c: string, alsoPools: boolean) => {
    const s = addrSetOfText([c]);
    return (
      !s.overlaps(routed) && !avoid.some((a) => s.overlaps(addrSetOfText([a]))) && (!alsoPools || !s.overlaps(pools))
    );
  };
  const pick = candidates.find((c) => clear(c, true)) ?? candidates.find((c) => clear(c, false));
  const first = candidates[0] as string;
  if (pick === undefined) {
    assumptions.push(
      `No ${what} CIDR candidate is clear of the fleet's routed space; ${first} is used and check will report it.`,
    );
    return first;
  }
  if (pick !== first)
    assumptions.push(
      `The AKS default ${what} CIDR ${first} overlaps the fleet's networks or pools; clusters reuse ${pick} instead ` +
        `(set defaults.${what}Cidr to choose).`,
    );
  return pick;
}
export const DEFAULT_POD_BITS = 16;

export interface Template {
  /** The VNet size the layout needs (growth included). */
  readonly bits: number;
  readonly growth: number;
  readonly problem?: string;
  /** A laid-out copy at some VNet, for translation: VNet start and the plan. */
  laid?: { readonly start: number; readonly bits: number; readonly plan: Plan };
  /** Written plans of this template checked in full, the latest first (engines/fleet/plan-check.ts). */
  checked?: CheckedTemplate[];
}

/** How many fully checked plans of a template later plans are compared with. */
const CHECKED_KEPT = 8;

/**
 * The error findings of a written plan: those of a fully checked plan of its template when only its place (with
 * the same relations to every fixed range) and its names differ, else of a full check.
 */
export function checkWritten(plan: Plan, t: Template): readonly Finding[] {
  for (const c of t.checked ?? []) {
    const errors = checkTranslated(plan, c);
    if (errors) return errors;
  }
  const r = checkPlanFully(plan);
  if (r.template) (t.checked ??= []).unshift(r.template);
  if (t.checked && t.checked.length > CHECKED_KEPT) t.checked.pop();
  return r.errors;
}

export function v4(p: Prefix): number {
  return p.addr.v4;
}

function cidrAt(start: number, bits: number): string {
  return prefixFrom(Addr.of4(start), bits).toString();
}

/** Moves the plan's subnets from one VNet start to another (a layout does not depend on where the VNet is). */
export function translated(plan: Plan, from: number, to: number, vnet: string): Plan {
  const vnetSection = plan.vnet;
  if (!vnetSection) return plan;
  return {
    ...plan,
    vnet: {
      ...vnetSection,
      addressSpace: [vnet],
      subnets: vnetSection.subnets.map((s) => {
        const r = tryParsePrefix(s.cidr);
        if (!r.ok || r.value.family !== 4) return s;
        return { ...s, cidr: cidrAt(v4(r.value.masked()) - from + to, r.value.bits) };
      }),
    },
  };
}

export function sizeOf(plan: Plan, growth: number): Template {
  const r = layoutPlan({ ...plan, vnet: undefined }, { addressSpaces: SCRATCH, growth });
  const firstProblem = r.problems[0];
  if (!r.ok && firstProblem) return { bits: 0, growth, problem: firstProblem.message };
  const kept = r.growth.kept;
  const g = Math.ceil(Math.log2(Math.max(1, kept)));
  let total = 0;
  for (const s of r.subnets) if (s.prefixLength !== null) total += 2 ** (32 - Math.max(0, s.prefixLength - g));
  const bits = total <= 0 ? 28 : 32 - Math.ceil(Math.log2(total));
  return { bits: Math.min(bits, 29), growth };
}

export function withExtra(taken: AddrSet, extra: readonly Prefix[]): AddrSet {
  return extra.length === 0 ? taken : addrSetOf([taken, ...extra]);
}

/** The service CIDR's tenth address, where AKS's default DNS service IP sits in its default range (10.0.0.10). */
export function tenthAddress(serviceCidr: string): string | undefined {
  const r = tryParsePrefix(serviceCidr);
  if (!r.ok || r.value.family !== 4 || r.value.bits > 28) return undefined;
  return Addr.of4(v4(r.value.masked()) + 10).toString();
}

export function sameNetwork(a: Plan, b: Plan): boolean {
  return JSON.stringify(a.network) === JSON.stringify(b.network);
}

/** The networks a cluster reaches, as plan connectedNetworks (so its own check sees them). */
export function reachedNetworks(
  m: FleetModel,
  c: ClusterNode,
): { name: string; cidrs: string[]; kind?: "peering" | "onPremises" | "other" }[] {
  const out: { name: string; cidrs: string[]; kind?: "peering" | "onPremises" | "other" }[] = [];
  const spaces = new Map<number, string[]>();
  const { owner, kind, cidr } = m.items;
  const want = new Set(reachedBy(m, c.network));
  if (want.size === 0) return out;
  for (let i = 0; i < owner.length; i++) {
    const o = owner[i] as number;
    if (!want.has(o)) continue;
    const k = kind[i];
    if (k !== ItemKind.space && k !== ItemKind.routedPods) continue;
    const list = spaces.get(o) ?? [];
    list.push(cidr[i] as string);
    spaces.set(o, list);
  }
  for (const o of want) {
    const n = m.networks[o];
    const cidrs = spaces.get(o);
    if (!n || !cidrs || cidrs.length === 0) continue;
    out.push({
      name: n.name,
      cidrs,
      kind: n.kind === "onPremises" ? "onPremises" : n.kind === "other" ? "other" : "peering",
    });
  }
  return out;
}

export function mergeConnected(
  mine: Plan["connectedNetworks"],
  reached: { name: string; cidrs: string[]; kind?: "peering" | "onPremises" | "other" }[],
): Plan["connectedNetworks"] {
  const names = new Set(mine.map((n) => n.name));
  return [...mine, ...reached.filter((r) => !names.has(r.name))];
}
