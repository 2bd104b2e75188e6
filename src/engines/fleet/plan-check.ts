/**
 * Checking the plans `allocateFleet` writes, without re-running every rule on
 * a thousand copies of one template. A plan translated from a checked plan of
 * the same template (its VNet moved from block V1 to block V2 of the same size,
 * every subnet moved with it, nothing else changed but its names) has the same
 * error findings when every range the rules compare the VNet's ranges with —
 * the plan's other addresses (pod and service CIDRs, DNS service IP, connected
 * networks, anything else it names) and every range in the knowledge base — is
 * either disjoint from both V1 and V2 or contains both: then every overlap and
 * containment between a moved range and a fixed one is the same, and moved
 * ranges keep their sizes, alignment and relations among themselves. Names are
 * the only other change, so the name rule runs on every plan. Anything that
 * does not meet these conditions is checked in full.
 */
import { facts, RESERVED_RANGES } from "../../kb/index.js";
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import type { Plan, ResolvedPlan } from "../plan/index.js";
import { resolvePlan } from "../plan/index.js";
import { RULES, validate, type Finding } from "../validate/index.js";

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?$/;

function collect(v: unknown, out: Prefix[], depth = 0): void {
  if (depth > 12) return;
  if (typeof v === "string") {
    if (!IPV4.test(v)) return;
    const r = tryParsePrefix(v.includes("/") ? v : `${v}/32`);
    if (r.ok) out.push(r.value.masked());
  } else if (Array.isArray(v)) for (const x of v) collect(x, out, depth + 1);
  else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) collect(x, out, depth + 1);
}

let kbRanges: Prefix[] | undefined;
/** Every IPv4 range or address the knowledge base names (values and fact paths), once. */
function knowledgeRanges(): Prefix[] {
  if (kbRanges) return kbRanges;
  const out: Prefix[] = [];
  for (const f of facts()) {
    collect(f.fact.value, out);
    collect(f.fact.alternatives?.map((a) => a.value) ?? [], out);
  }
  collect(
    RESERVED_RANGES.map((r) => r.cidr),
    out,
  );
  return (kbRanges = out);
}

/** The plan's addresses that do not move with its VNet: everything but the address space and the subnets. */
function fixedRanges(plan: Plan): Prefix[] {
  const out = [...knowledgeRanges()];
  const { vnet, ...rest } = plan;
  collect(rest, out);
  if (vnet) {
    const { addressSpace: _space, subnets: _subnets, ...vnetRest } = vnet;
    collect(vnetRest, out);
  }
  return out;
}

/** Whether every fixed range relates to both blocks alike: disjoint from both, or containing both. */
function sameRelations(a: Prefix, b: Prefix, fixed: readonly Prefix[]): boolean {
  for (const f of fixed) {
    const oa = f.overlaps(a);
    const ob = f.overlaps(b);
    if (!oa && !ob) continue;
    if (!(f.contains(a) && f.contains(b))) return false;
  }
  return true;
}

/** A fully checked plan that later plans of its template are compared with. */
export interface CheckedTemplate {
  readonly vnet: Prefix;
  readonly resolved: ResolvedPlan;
  readonly errors: readonly Finding[];
  /** The plan's fields that do not move with the VNet, as JSON, and its fixed ranges. */
  readonly key: string;
  readonly fixed: readonly Prefix[];
}

const NAME_RULE = RULES.filter((r) => r.meta.id === "name-invalid");

function fixedKey(plan: Plan): string {
  const { name: _name, vnet, ...rest } = plan;
  if (!vnet) return JSON.stringify(rest);
  const { name: _vnetName, addressSpace: _space, subnets, ...vnetRest } = vnet;
  return JSON.stringify([rest, vnetRest, subnets.map((s) => ({ ...s, cidr: undefined }))]);
}

function singleVnet(plan: Plan): Prefix | undefined {
  const space = plan.vnet?.addressSpace ?? [];
  if (space.length !== 1) return undefined;
  const r = tryParsePrefix(space[0] ?? "");
  if (!r.ok || r.value.family !== 4) return undefined;
  const v = r.value.masked();
  for (const s of plan.vnet?.subnets ?? []) {
    const x = tryParsePrefix(s.cidr);
    if (!x.ok || !v.contains(x.value)) return undefined;
  }
  return v;
}

/** Checks a plan in full; the result can serve as the template of plans translated from it. */
export function checkPlanFully(plan: Plan): { errors: Finding[]; template?: CheckedTemplate } {
  const resolved = resolvePlan(plan);
  const errors = validate(resolved).filter((f) => f.severity === "error");
  const vnet = singleVnet(plan);
  if (!vnet || errors.length > 0) return { errors };
  return { errors, template: { vnet, resolved, errors, key: fixedKey(plan), fixed: fixedRanges(plan) } };
}

/**
 * The error findings of `plan`, a copy of the template's plan moved to another VNet block and renamed: the
 * template's (none) plus the name rule's, when the conditions above hold; else undefined (check it in full).
 */
export function checkTranslated(plan: Plan, t: CheckedTemplate): Finding[] | undefined {
  const vnet = singleVnet(plan);
  if (!vnet || vnet.bits !== t.vnet.bits || !sameRelations(t.vnet, vnet, t.fixed)) return undefined;
  if (fixedKey(plan) !== t.key) return undefined;
  return validate({ ...t.resolved, plan }, { rules: NAME_RULE }).filter((f) => f.severity === "error");
}
