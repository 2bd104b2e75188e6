/**
 * `layoutPlan`: every subnet a plan needs, placed in its VNet's address space.
 * Existing subnets stay where they are; new ones go largest first at the first
 * free aligned block, around connected networks, the service and pod ranges and
 * the ranges AKS reserves, each with room to grow in place when the space allows
 * (`growth` 2 = the block twice its size is kept free). The result lists every
 * subnet (existing, placed, or not placed and why) and the edits that write the
 * laid-out plan. Never throws for user input: problems are data.
 */
import { parsePrefix, tryParsePrefix, type Prefix } from "../../ip/index.js";
import { RESERVED_RANGES, SUBNET_GROWTH, sourceUrls, formatCount } from "../../kb/index.js";
import { usableAddresses } from "../capacity/index.js";
import { guardPlan, isResolvedPlan, resolvePlan, type FieldPath, type Plan, type ResolvedPlan } from "../plan/index.js";
import { subnetDemand, type Demand } from "./demand.js";
import { applyEdits } from "./edits.js";
import { neededSubnets, type Need, type PlanEdit } from "./needs.js";
import { placeSubnets, type PlaceResult, type Placement, type PlacementRequest, type Unplaced } from "./place.js";
import { subnetPurposes, type LayoutKind } from "./purpose.js";

export interface LayoutOptions {
  /** Room to grow as a factor: 1 none, 2 double, 4 … (default: the plan's layout.growth, else 2). */
  readonly growth?: number | undefined;
  /** CIDRs to place new subnets in (default: the plan's layout.addressSpace, else vnet.addressSpace). */
  readonly addressSpaces?: readonly string[] | undefined;
}

export type LayoutStatus = "existing" | "placed" | "unplaced";

export interface LayoutSubnet {
  readonly name: string;
  readonly kind: LayoutKind;
  readonly status: LayoutStatus;
  /** The subnet's CIDR (null when it could not be placed). */
  readonly cidr: string | null;
  /** The prefix length it was sized to (placed and unplaced), or has (existing). */
  readonly prefixLength: number | null;
  /** Addresses it must hold, when sized from use (null: a rule fixes the size). */
  readonly addressesNeeded: number | null;
  /** Azure's usable addresses in it (size − 5). */
  readonly usable: number | null;
  /** The widest prefix it can be widened to in place, given what is around it after the layout. */
  readonly canGrowTo: string | null;
  readonly delegation: string | null;
  /** Why it is needed (new subnets) or what it is taken for (existing ones). */
  readonly why: string;
  /** How its size was found. */
  readonly sizing: readonly string[];
  readonly sources: readonly string[];
}

export interface LayoutProblem {
  readonly code:
    | "no-address-space"
    | "address-space-invalid"
    | "growth-invalid"
    | "subnet-kind-conflict"
    | "subnet-size-unknown"
    | "subnet-too-large"
    | "existing-too-small"
    | "no-room";
  /** The plan field the problem is about, as keys and indexes; options appear as their flag (["--growth"]). */
  readonly path: FieldPath;
  readonly message: string;
}

export interface LayoutResult {
  /** Whether every needed subnet was placed and nothing stopped the layout. */
  readonly ok: boolean;
  readonly addressSpaces: readonly string[];
  readonly growth: { readonly asked: number; readonly kept: number };
  /** Every subnet of the VNet after the layout, in address order (unplaced ones last). */
  readonly subnets: readonly LayoutSubnet[];
  /** What else the new subnets avoid: connected networks, service and pod ranges, reserved ranges. */
  readonly avoided: readonly { readonly cidr: string; readonly what: string }[];
  readonly problems: readonly LayoutProblem[];
  readonly assumptions: readonly string[];
  /** The edits that turn the input plan into the laid-out plan (apply with `applyEdits` or to the YAML). */
  readonly edits: readonly PlanEdit[];
  /** The laid-out plan (the input plan with the edits applied). */
  readonly plan: Plan;
}

const MAX_GROWTH_BITS = 8;

function growthBits(factor: number): number {
  return Math.min(MAX_GROWTH_BITS, Math.ceil(Math.log2(factor)));
}

interface Inputs {
  readonly spaces: Prefix[];
  readonly spaceTexts: string[];
  readonly growth: number;
  readonly problems: LayoutProblem[];
  readonly assumptions: string[];
}

function readInputs(plan: Plan, options: LayoutOptions): Inputs {
  const problems: LayoutProblem[] = [];
  const assumptions: string[] = [];
  let growth = options.growth ?? plan.layout?.growth ?? 2;
  if (!Number.isInteger(growth) || growth < 1 || growth > 2 ** MAX_GROWTH_BITS) {
    problems.push({
      code: "growth-invalid",
      path: options.growth !== undefined ? ["--growth"] : ["layout", "growth"],
      message:
        `growth ${String(growth)} is not a whole number from 1 to ${2 ** MAX_GROWTH_BITS}: 1 keeps no room, 2 ` +
        `room to double, 4 to quadruple`,
    });
    growth = 1;
  }
  if (options.growth === undefined && plan.layout?.growth === undefined)
    assumptions.push(
      "growth 2: each new subnet keeps room to double in place where the space allows (set layout.growth or --growth)",
    );
  const from: FieldPath = options.addressSpaces
    ? ["--address-space"]
    : plan.layout?.addressSpace
      ? ["layout", "addressSpace"]
      : ["vnet", "addressSpace"];
  const texts = options.addressSpaces ?? plan.layout?.addressSpace ?? plan.vnet?.addressSpace ?? [];
  const spaces: Prefix[] = [];
  const spaceTexts: string[] = [];
  texts.forEach((t, i) => {
    const r = tryParsePrefix(t);
    if (!r.ok) {
      problems.push({
        code: "address-space-invalid",
        path: [...from, i],
        message: `${JSON.stringify(t)} is not a CIDR: ${r.error.reason}`,
      });
      return;
    }
    if (r.value.family === 6) {
      assumptions.push(
        `${t}: IPv6 spaces are not laid out (a plan subnet holds one CIDR; Azure's IPv6 subnets are /64s)`,
      );
      return;
    }
    spaces.push(r.value.masked());
    spaceTexts.push(r.value.masked().toString());
  });
  if (texts.length === 0)
    problems.push({
      code: "no-address-space",
      path: ["vnet", "addressSpace"],
      message:
        "the plan has no VNet address space to place subnets in: give vnet.addressSpace, layout.addressSpace or " +
        "--address-space",
    });
  return { spaces, spaceTexts, growth, problems, assumptions };
}

/** What new subnets must not overlap, besides the existing subnets. */
function avoidedRanges(r: ResolvedPlan): { prefix: Prefix; what: string }[] {
  const out: { prefix: Prefix; what: string }[] = [];
  for (const c of r.connectedNetworks)
    for (const f of c.cidrs)
      if (f.prefix) out.push({ prefix: f.prefix.masked(), what: `connected network "${c.name}"` });
  for (const f of r.serviceCidrs) if (f.prefix) out.push({ prefix: f.prefix.masked(), what: "the service CIDR" });
  for (const f of r.podCidrs) if (f.prefix) out.push({ prefix: f.prefix.masked(), what: "the pod CIDR" });
  for (const x of RESERVED_RANGES)
    if (x.forbiddenFor.includes("vnet"))
      out.push({ prefix: parsePrefix(x.cidr), what: `reserved by AKS: ${x.reason}` });
  return out;
}

const NONE: readonly string[] = Object.freeze([]);

/** Azure's usable addresses of an IPv4 subnet (size − 5), without bigint arithmetic. */
function usable4(p: Prefix): number | null {
  return p.family === 4 ? Math.max(0, 2 ** (32 - p.bits) - 5) : null;
}

function existingSubnets(r: ResolvedPlan): { s: LayoutSubnet; p: Prefix | undefined }[] {
  const purposes = subnetPurposes(r.plan);
  return r.subnets.map((s) => {
    const p = purposes.get(s.name);
    const subnet: LayoutSubnet = {
      name: s.name,
      kind: p?.kind ?? "other",
      status: "existing",
      cidr: s.prefix ? s.prefix.toString() : s.text,
      prefixLength: s.prefix?.bits ?? null,
      addressesNeeded: null,
      usable: s.prefix ? usable4(s.prefix) : null,
      canGrowTo: null,
      delegation: s.delegation ?? null,
      why: p ? p.why : "existing subnet",
      sizing: NONE,
      sources: NONE,
    };
    return { s: subnet, p: s.prefix };
  });
}

/**
 * Existing node and pod subnets too small for what the plan puts in them. Layout never moves or resizes an existing
 * subnet, so without this it said "nothing to add" (exit 0) for a plan that check then fails.
 */
function existingTooSmall(r: ResolvedPlan, existing: readonly { s: LayoutSubnet }[]): LayoutProblem[] {
  const out: LayoutProblem[] = [];
  existing.forEach(({ s }, i) => {
    if ((s.kind !== "nodes" && s.kind !== "pods") || s.usable === null) return;
    const d = subnetDemand(r, s.name, s.kind);
    if (d.addresses === null || d.addresses <= s.usable) return;
    const to = d.prefixLength === null ? "" : ` to a /${d.prefixLength}`;
    out.push({
      code: "existing-too-small",
      path: ["vnet", "subnets", i],
      message:
        `existing subnet "${s.name}" (${s.kind}, ${s.cidr}) has ${formatCount(s.usable)} usable addresses and must ` +
        `hold ${formatCount(d.addresses)}; layout keeps existing subnets as they are: widen it${to} or point pools ` +
        `at a new subnet`,
    });
  });
  return out;
}

function request(need: Need, d: Demand, spaces: readonly Prefix[], g: number): PlacementRequest | undefined {
  if (d.prefixLength === null) return undefined;
  const widest = Math.max(d.minPrefixLength ?? 0, Math.min(...spaces.map((s) => s.bits)));
  const room = d.growable ? Math.max(0, Math.min(g, d.prefixLength - widest)) : 0;
  return { id: need.name, bits: d.prefixLength, growthBits: room, family: 4 };
}

function unsized(need: Need, d: Demand): LayoutProblem {
  if (d.addresses === null)
    return {
      code: "subnet-size-unknown",
      path: need.path,
      message:
        `subnet "${need.name}" (${need.kind}): nothing says how large it must be; give ` +
        `layout.subnets[].prefixLength or addresses`,
    };
  return {
    code: "subnet-too-large",
    path: need.path,
    message:
      `subnet "${need.name}" (${need.kind}) must hold ${formatCount(d.addresses)} addresses, more than any ` +
      `subnet its kind allows`,
  };
}

/**
 * Lays out every subnet the plan needs. A value from JavaScript that is not a plan throws a RangeError sentence
 * (`guardPlan`); options that are not an object are no options.
 */
export function layoutPlan(input: Plan | ResolvedPlan, options: LayoutOptions = {}): LayoutResult {
  const opts: LayoutOptions = typeof options === "object" && options !== null ? options : {};
  if (isResolvedPlan(input)) return layoutOf(input, opts);
  return guardPlan("layoutPlan", input, (p) => layoutOf(p, opts));
}

function layoutOf(input: Plan | ResolvedPlan, options: LayoutOptions): LayoutResult {
  const original = isResolvedPlan(input) ? input.plan : input;
  const inputs = readInputs(original, options);
  const found = neededSubnets(original);
  const problems = [...inputs.problems, ...found.conflicts.map(conflictProblem)];
  // The plan with its pools pointed at the subnets to create, so their demand counts.
  const resolved =
    found.edits.length === 0 && isResolvedPlan(input) ? input : resolvePlan(applyEdits(original, found.edits));
  const demands = new Map(found.needs.map((n) => [n.name, subnetDemand(resolved, n.name, n.kind, n)]));
  const g = growthBits(inputs.growth);
  const requests: PlacementRequest[] = [];
  for (const need of found.needs) {
    const d = demands.get(need.name)!;
    const r = inputs.spaces.length > 0 ? request(need, d, inputs.spaces, g) : undefined;
    if (r) requests.push(r);
    else if (d.prefixLength === null) problems.push(unsized(need, d));
  }
  const avoid = avoidedRanges(resolved);
  const taken = [
    ...resolved.subnets.flatMap((s) => (s.prefix ? [s.prefix.masked()] : [])),
    ...avoid.map((a) => a.prefix),
  ];
  const placed = placeSubnets(inputs.spaces, taken, requests);
  const byId = new Map(placed.placements.map((p) => [p.id, p]));
  const edits: PlanEdit[] = [...found.edits, ...addressSpaceEdits(original, inputs.spaceTexts)];
  const written = writeSubnets(found.needs, demands, byId, placed, inputs.spaceTexts);
  edits.push(...written.edits);
  problems.push(...written.problems);
  inputs.assumptions.push(...growthAssumptions(inputs.growth, g, placed, requests.length, found.needs.length));
  const existing = existingSubnets(resolved);
  problems.push(...existingTooSmall(resolved, existing));
  const all = [...existing, ...written.placed.map((s) => ({ s, p: byId.get(s.name)!.prefix }))]
    .sort((a, b) => byAddress(a.p, b.p))
    .map((x) => x.s);
  const plan = applyEdits(original, edits);
  return {
    ok: problems.length === 0 && written.unplaced.length === 0,
    addressSpaces: inputs.spaceTexts,
    growth: { asked: inputs.growth, kept: requests.length > 0 ? 2 ** placed.growthBitsOffered : inputs.growth },
    subnets: [...all, ...written.unplaced],
    avoided: avoid
      .filter((a) => inputs.spaces.some((s) => s.overlaps(a.prefix)))
      .map((a) => ({ cidr: a.prefix.toString(), what: a.what })),
    problems,
    assumptions: inputs.assumptions,
    edits,
    plan,
  };
}

function conflictProblem(c: { readonly name: string; readonly kinds: readonly string[] }): LayoutProblem {
  return {
    code: "subnet-kind-conflict",
    path: ["vnet", "subnets"],
    message: `subnet "${c.name}" is needed as ${c.kinds.join(" and as ")}; one subnet cannot be both: name two subnets`,
  };
}

/** The edits that create the VNet, or add the address spaces it lacks. */
function addressSpaceEdits(original: Plan, spaceTexts: readonly string[]): PlanEdit[] {
  if (!original.vnet)
    return [
      {
        op: "set",
        path: ["vnet"],
        value: { name: `${original.name ?? "aks"}-vnet`, addressSpace: spaceTexts, subnets: [] },
      },
    ];
  const vnet = original.vnet;
  return spaceTexts
    .filter((t) => !vnet.addressSpace.some((a) => tryParsePrefix(a).ok && parsePrefix(a).masked().toString() === t))
    .map((t) => ({ op: "append", path: ["vnet", "addressSpace"], value: t }));
}

interface Written {
  readonly placed: LayoutSubnet[];
  readonly unplaced: LayoutSubnet[];
  readonly edits: PlanEdit[];
  readonly problems: LayoutProblem[];
}

/** Each needed subnet as placed (with the edit that writes it) or unplaced (with why), in address order. */
function writeSubnets(
  needs: readonly Need[],
  demands: ReadonlyMap<string, Demand>,
  byId: ReadonlyMap<string, Placement>,
  placed: PlaceResult,
  spaceTexts: readonly string[],
): Written {
  const out: Written = { placed: [], unplaced: [], edits: [], problems: [] };
  // New subnets are written in address order, unplaced ones last.
  const inOrder = [...needs].sort((a, b) => byAddress(byId.get(a.name)?.prefix, byId.get(b.name)?.prefix));
  for (const need of inOrder) {
    const d = demands.get(need.name)!;
    const p = byId.get(need.name);
    const base = {
      name: need.name,
      kind: need.kind,
      addressesNeeded: d.addresses,
      delegation: d.delegation,
      why: need.why,
      sizing: d.breakdown,
      sources: d.sources,
    };
    if (p) {
      out.placed.push({
        ...base,
        status: "placed",
        cidr: p.prefix.toString(),
        prefixLength: p.prefix.bits,
        usable: usableAddresses(p.prefix),
        canGrowTo: p.canGrowTo.toString(),
      });
      out.edits.push(subnetEdit(need, d, p.prefix));
    } else {
      out.unplaced.push({
        ...base,
        status: "unplaced",
        cidr: null,
        prefixLength: d.prefixLength,
        usable: null,
        canGrowTo: null,
      });
      const u = placed.unplaced.find((x) => x.id === need.name);
      if (u) out.problems.push(noRoom(need, u, spaceTexts));
    }
  }
  return out;
}

function subnetEdit(need: Need, d: Demand, prefix: Prefix): PlanEdit {
  return {
    op: "append",
    path: ["vnet", "subnets"],
    value: {
      name: need.name,
      cidr: prefix.toString(),
      ...(d.delegation ? { delegation: d.delegation } : {}),
      ...(need.writePurpose ? { purpose: need.kind } : {}),
    },
  };
}

function noRoom(need: Need, u: Unplaced, spaceTexts: readonly string[]): LayoutProblem {
  return {
    code: "no-room",
    path: ["vnet", "addressSpace"],
    message: `no free /${u.bits} for subnet "${need.name}" (${need.kind}) in ${spaceTexts.join(", ")}${
      u.reason === "larger-than-space"
        ? ": it is larger than the address space"
        : " once the rest is placed and what is taken is avoided"
    }`,
  };
}

/** What the layout assumed about growth: room it could not keep, and widening in place. */
function growthAssumptions(growth: number, g: number, placed: PlaceResult, requests: number, needs: number): string[] {
  const out: string[] = [];
  if (g > 0 && placed.growthBitsOffered < g && requests > 0)
    out.push(
      `growth ${growth} did not fit: the layout keeps room for ×${2 ** placed.growthBitsOffered} (each ` +
        `subnet's own room is in canGrowTo)`,
    );
  if (needs > 0)
    out.push(
      `room to grow assumes a subnet can be widened in place (${sourceUrls(SUBNET_GROWTH.expandInPlace)[0]}); an ` +
        `older troubleshooting article says to add a pool on a larger subnet instead`,
    );
  return out;
}

/** Address order; subnets whose CIDR does not parse go last, in plan order. */
function byAddress(pa: Prefix | undefined, pb: Prefix | undefined): number {
  if (pa && pb) return pa.compare(pb);
  return pa ? -1 : pb ? 1 : 0;
}
