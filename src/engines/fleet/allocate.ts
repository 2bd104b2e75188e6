/**
 * `allocateFleet`: for each cluster without addresses, its VNet and subnets
 * (the whole-VNet layout of engines/layout) placed from the pools, around
 * everything used: every network of the fleet, the used space, the pools'
 * exclusions, and the pod and service CIDRs clusters reuse (a VNet may not
 * overlap its own cluster's Overlay pod or service CIDR, and those are reused
 * fleet-wide). Overlay pod CIDRs and service CIDRs are reused where AKS allows
 * it; meshed, routed and kubenet pod CIDRs get distinct ranges from a pods pool.
 * Each written plan names the networks its cluster reaches as connectedNetworks
 * and is checked with the check engine. Never throws for user input.
 */
import { PrefixAllocator, addrSetOfText, tryParsePrefix, type Prefix } from "../../ip/index.js";
import { FLEET } from "../../kb/index.js";
import { layoutPlan } from "../layout/index.js";
import type { FieldPath, FleetPlan, FleetPlanInput, Plan, UsedPrefix } from "../plan/index.js";
import { parseFleetPlan } from "../schema/index.js";
import type { Finding } from "../validate/index.js";
import {
  checkWritten,
  DEFAULT_POD_BITS,
  mergeConnected,
  POD_CANDIDATES,
  reachedNetworks,
  reusedRange,
  sameNetwork,
  SERVICE_CANDIDATES,
  sizeOf,
  tenthAddress,
  translated,
  v4,
  withExtra,
  type Template,
} from "./allocate-parts.js";
import { fleetModel, ItemKind, type ClusterNode, type FleetLoadedPlan } from "./model.js";
import { poolForecasts, type PoolForecast } from "./pools.js";

export interface FleetAllocateOptions {
  readonly plans?: ReadonlyMap<string, FleetLoadedPlan>;
  readonly used?: readonly UsedPrefix[];
  /** Check each written plan with the check engine (default true). */
  readonly checkPlans?: boolean;
}

export type AllocationStatus = "existing" | "allocated" | "unplaced";

export interface ClusterAllocation {
  readonly name: string;
  readonly status: AllocationStatus;
  /** The pool the VNet came from (null: existing or unplaced). */
  readonly pool: string | null;
  readonly vnet: readonly string[];
  readonly subnets: readonly { readonly name: string; readonly cidr: string }[];
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
  /** "reused" (may be the same in other clusters) or "distinct" (meshed, routed or kubenet), null without one. */
  readonly podCidrKind: "reused" | "distinct" | null;
  /** Why it could not be placed (unplaced only). */
  readonly reason: string | null;
  /**
   * The cluster's plan as written (allocated clusters: with the VNet, subnets, pod/service CIDRs, connected networks).
   */
  readonly plan: Plan | null;
  /** Errors the check engine finds in the written plan (allocated clusters; should be none). */
  readonly checkErrors: readonly Finding[];
}

export interface AllocateProblem {
  readonly code: "fleet-invalid" | "cluster-unplaced" | "no-pool" | "plan-fails-check" | "mesh-too-large";
  readonly path: FieldPath;
  readonly message: string;
}

export interface FleetAllocateResult {
  /** Every cluster has addresses and every written plan passes check. */
  readonly ok: boolean;
  readonly clusters: readonly ClusterAllocation[];
  /** The pools after allocation. */
  readonly pools: readonly PoolForecast[];
  readonly problems: readonly AllocateProblem[];
  readonly assumptions: readonly string[];
  /** The fleet with every allocated cluster's plan inline (the CLI may point clusters at written files instead). */
  readonly fleet: FleetPlan | null;
}

/** Allocates addresses for every cluster of the fleet that has none. */
export function allocateFleet(
  input: FleetPlan | FleetPlanInput | unknown,
  options: FleetAllocateOptions = {},
): FleetAllocateResult {
  const parsed = parseFleetPlan(input);
  if (!parsed.fleet) return invalidFleet(parsed.problems);
  const fleet = parsed.fleet;
  const model = fleetModel(fleet, options.plans ? { plans: options.plans } : {});
  const problems: AllocateProblem[] = model.problems.map((p) => ({
    code: "fleet-invalid",
    path: p.path,
    message: `${p.code}: ${Object.values(p.data).join(", ")}`,
  }));
  const assumptions: string[] = [];
  problems.push(...meshLimitProblems(fleet));
  if (model.groupMembers.length > 0)
    assumptions.push(
      "VNets are placed apart in every connected group, also where connectedGroupAddressOverlap is Allowed (Azure's " +
        "default): members that overlap cannot reach each other's overlapping addresses.",
    );
  const used: UsedPrefix[] = [
    ...fleet.used.map((u) => ({ cidr: u.cidr, source: u.source ?? "fleet file" })),
    ...(options.used ?? []),
  ];
  const space = reservedSpace(fleet, model, used, problems, assumptions);
  const ctx: Ctx = {
    fleet,
    model,
    options,
    allocators: poolAllocators(fleet, space.taken),
    defaultPod: space.defaultPod,
    defaultService: space.defaultService,
    problems,
    templates: new Map(),
    newPlans: new Map(),
  };
  const results = model.clusters.map((c) => allocateOne(ctx, c));
  const pools = forecastAfter(model, used, results);
  assumptions.push(
    `Overlay pod CIDRs and service CIDRs are reused across clusters where AKS allows it (default pod CIDR ` +
      `${space.defaultPod}, service CIDR ${space.defaultService}); VNets are placed outside them.`,
    "Each VNet is the smallest block holding its subnets with their room to grow (growth 2 unless clusters[].growth " +
      "or defaults.growth says otherwise).",
  );
  return {
    ok: problems.length === 0 && results.every((r) => r.status !== "unplaced"),
    clusters: results,
    pools,
    problems,
    assumptions,
    fleet: {
      ...fleet,
      clusters: fleet.clusters.map((entry, i) => {
        const p = ctx.newPlans.get(i);
        return p ? { ...entry, plan: p } : entry;
      }),
    },
  };
}

function invalidFleet(problems: readonly { path: FieldPath; message: string }[]): FleetAllocateResult {
  return {
    ok: false,
    clusters: [],
    pools: [],
    problems: problems.map((p) => ({ code: "fleet-invalid", path: p.path, message: p.message })),
    assumptions: [],
    fleet: null,
  };
}

type Model = ReturnType<typeof fleetModel>;

/** What one run of the allocation shares: the fleet, its pools' allocators, the reused ranges, what it found. */
interface Ctx {
  readonly fleet: FleetPlan;
  readonly model: Model;
  readonly options: FleetAllocateOptions;
  readonly allocators: ReadonlyMap<string, PrefixAllocator[]>;
  readonly defaultPod: string;
  readonly defaultService: string;
  readonly problems: AllocateProblem[];
  /** Each plan's size and first layout, by plan file and growth (or plan object). */
  readonly templates: Map<unknown, Template>;
  /** The plans written, by cluster index. */
  readonly newPlans: Map<number, Plan>;
}

/**
 * What every VNet avoids: routed space (which a reused pod or service CIDR must stay clear of too), the reused
 * default pod and service CIDRs, and the clusters' own pod and service ranges.
 */
function reservedSpace(
  fleet: FleetPlan,
  model: Model,
  used: readonly UsedPrefix[],
  problems: AllocateProblem[],
  assumptions: string[],
) {
  const routedText: string[] = [];
  const { cidr, kind } = model.items;
  for (let i = 0; i < cidr.length; i++)
    if (kind[i] === ItemKind.space || kind[i] === ItemKind.routedPods) routedText.push(cidr[i] as string);
  for (const u of used) {
    const r = tryParsePrefix(u.cidr);
    if (r.ok) routedText.push(r.value.masked().toString());
    else
      problems.push({
        code: "fleet-invalid",
        path: ["used"],
        message: `${u.cidr} (${u.source}) is not a CIDR: ${r.error.reason}`,
      });
  }
  const routed = addrSetOfText(routedText);
  const vnetPools = addrSetOfText(
    fleet.pools.filter((p) => p.for === "vnets").flatMap((p) => p.cidrs.filter((c) => tryParsePrefix(c).ok)),
  );
  const defaultPod = fleet.defaults.podCidr ?? reusedRange("pod", POD_CANDIDATES, [], routed, vnetPools, assumptions);
  const defaultService =
    fleet.defaults.serviceCidr ??
    reusedRange("service", SERVICE_CANDIDATES, [defaultPod], routed, vnetPools, assumptions);
  const takenText: string[] = [...routedText, defaultPod, defaultService];
  for (let i = 0; i < cidr.length; i++)
    if (kind[i] === ItemKind.localPods || kind[i] === ItemKind.services) takenText.push(cidr[i] as string);
  return { defaultPod, defaultService, taken: addrSetOfText(takenText) };
}

/** One allocator per pool supernet (minus exclusions and what is taken), vnets and pods pools apart. */
function poolAllocators(fleet: FleetPlan, taken: ReturnType<typeof addrSetOfText>): Map<string, PrefixAllocator[]> {
  const allocators = new Map<string, PrefixAllocator[]>();
  for (const pool of fleet.pools) {
    const list: PrefixAllocator[] = [];
    for (const c of pool.cidrs) {
      const r = tryParsePrefix(c);
      if (!r.ok || r.value.family !== 4) continue;
      const excl = pool.exclude.flatMap((e) => {
        const x = tryParsePrefix(e);
        return x.ok ? [x.value.masked()] : [];
      });
      list.push(new PrefixAllocator(r.value.masked(), withExtra(taken, excl)));
    }
    allocators.set(pool.name, list);
  }
  return allocators;
}

/** The pools a cluster takes from: the one it names, else those of its location, then those of none. */
function poolsFor(ctx: Ctx, c: ClusterNode, purpose: "vnets" | "pods"): { name: string; list: PrefixAllocator[] }[] {
  const named = purpose === "vnets" ? (c.entry.pool ?? ctx.fleet.defaults.pool) : undefined;
  const all = ctx.fleet.pools.filter((p) => p.for === purpose);
  const location = c.entry.location ?? c.plan?.location;
  const ordered = named
    ? all.filter((p) => p.name === named)
    : [
        ...all.filter((p) => p.location !== undefined && p.location === location),
        ...all.filter((p) => p.location === undefined),
      ];
  return ordered.map((p) => ({ name: p.name, list: ctx.allocators.get(p.name) ?? [] }));
}

function take(
  ctx: Ctx,
  c: ClusterNode,
  purpose: "vnets" | "pods",
  bits: number,
): { pool: string; prefix: Prefix } | undefined {
  for (const { name, list } of poolsFor(ctx, c, purpose))
    for (const a of list) {
      if (bits < a.parent.bits) continue;
      const p = a.allocate(bits);
      if (p) return { pool: name, prefix: p };
    }
  return undefined;
}

function allocateOne(ctx: Ctx, c: ClusterNode): ClusterAllocation {
  const base = {
    name: c.name,
    podCidrs: c.resolved?.podCidrs.map((f) => f.text) ?? [],
    serviceCidrs: c.resolved?.serviceCidrs.map((f) => f.text) ?? [],
    podCidrKind: null,
    checkErrors: [],
  };
  const r = c.resolved;
  if (!c.plan || !r || r.vnetAddressSpace.length > 0) return notAllocated(c, base);
  const path: FieldPath = ["clusters", c.index];
  const unplaced = (code: AllocateProblem["code"], reason: string, pool: string | null = null, vnet: string[] = []) => {
    ctx.problems.push({ code, path, message: `${c.name}: ${reason}` });
    return { ...base, status: "unplaced" as const, pool, vnet, subnets: [], reason, plan: null };
  };
  const t = templateOf(ctx, c, c.plan);
  if (t.problem) return unplaced("cluster-unplaced", t.problem);
  const bits = c.entry.vnetPrefixLength ?? t.bits;
  if (poolsFor(ctx, c, "vnets").length === 0)
    return unplaced("no-pool", "no vnets pool to allocate from (pools[].for: vnets, its pool or its location)");
  const got = take(ctx, c, "vnets", bits);
  if (!got) return unplaced("cluster-unplaced", `no free /${bits} left in its pools`);
  const vnet = got.prefix.toString();
  const pods = podCidrsOf(ctx, c, r.model, c.plan);
  if ("reason" in pods) return unplaced("cluster-unplaced", pods.reason, null, [vnet]);
  const { withNetwork, serviceCidrs } = withNetworkOf(ctx, c, c.plan, pods.podCidrs);
  const laid = laidOut(t, got.prefix, bits, withNetwork);
  if ("reason" in laid) return unplaced("cluster-unplaced", laid.reason, got.pool, [vnet]);
  const plan = laid.plan.vnet ? { ...laid.plan, vnet: { ...laid.plan.vnet, name: `${c.name}-vnet` } } : laid.plan;
  const checkErrors = checkErrorsOf(ctx, c, plan, t);
  ctx.newPlans.set(c.index, plan);
  return {
    ...base,
    status: "allocated",
    pool: got.pool,
    vnet: [vnet],
    subnets: plan.vnet?.subnets.map((s) => ({ name: s.name, cidr: s.cidr })) ?? [],
    podCidrs: pods.podCidrs ?? [],
    serviceCidrs,
    podCidrKind: pods.kind,
    reason: null,
    plan,
    checkErrors,
  };
}

/** A cluster whose plan could not be read (unplaced), or that has its VNet already (existing). */
function notAllocated(
  c: ClusterNode,
  base: Pick<ClusterAllocation, "name" | "podCidrs" | "serviceCidrs" | "podCidrKind" | "checkErrors">,
): ClusterAllocation {
  const r = c.resolved;
  if (!c.plan || !r)
    return {
      ...base,
      status: "unplaced",
      pool: null,
      vnet: [],
      subnets: [],
      reason: "its plan could not be read",
      plan: null,
    };
  return {
    ...base,
    status: "existing",
    pool: null,
    vnet: r.vnetAddressSpace.map((f) => f.text),
    subnets: r.subnets.map((s) => ({ name: s.name, cidr: s.text })),
    reason: null,
    plan: c.plan,
  };
}

/** The written plan's error findings, each a problem (checked resolved: built here in the schema's output shape). */
function checkErrorsOf(ctx: Ctx, c: ClusterNode, plan: Plan, t: Template): readonly Finding[] {
  const checkErrors = ctx.options.checkPlans === false ? [] : checkWritten(plan, t);
  if (checkErrors.length > 0)
    ctx.problems.push({
      code: "plan-fails-check",
      path: ["clusters", c.index],
      message:
        `${c.name}: the written plan has ${checkErrors.length} error finding(s), first: ` +
        `${checkErrors[0]?.message ?? ""}`,
    });
  return checkErrors;
}

/** The plan's size (and, once laid out, its first layout), shared by clusters of the same plan file and growth. */
function templateOf(ctx: Ctx, c: ClusterNode, plan: Plan): Template {
  const growth = c.entry.growth ?? ctx.fleet.defaults.growth ?? 2;
  const key = typeof c.entry.plan === "string" ? `${c.entry.plan}\u0000${growth}` : plan;
  let t = ctx.templates.get(key);
  if (!t) ctx.templates.set(key, (t = sizeOf(plan, growth)));
  return t;
}

/** Pod CIDRs: reused unless routed (then distinct, from a pods pool); none for the pod subnet models. */
function podCidrsOf(
  ctx: Ctx,
  c: ClusterNode,
  model: string,
  plan: Plan,
): { podCidrs: Plan["network"]["podCidrs"]; kind: "reused" | "distinct" | null } | { reason: string } {
  const overlayLike = model === "azure-cni-overlay" || model === "kubenet" || model === "byo-cni";
  if (!overlayLike) return { podCidrs: plan.network.podCidrs, kind: null };
  if (!c.podsRouted) return { podCidrs: plan.network.podCidrs ?? [ctx.defaultPod], kind: "reused" };
  const want = tryParsePrefix(plan.network.podCidrs?.[0] ?? "");
  const wantBits = want.ok && want.value.family === 4 ? want.value.bits : DEFAULT_POD_BITS;
  const pods = take(ctx, c, "pods", wantBits);
  if (!pods)
    return {
      reason:
        `its pod CIDR must be distinct (${c.podsRoutedWhy ?? "routed"}) and no pods pool has a free ` +
        `/${wantBits} (add a pool with for: pods)`,
    };
  return { podCidrs: [pods.prefix.toString()], kind: "distinct" };
}

/** The plan with its pod, service and DNS addresses and the networks the cluster reaches. */
function withNetworkOf(ctx: Ctx, c: ClusterNode, plan: Plan, podCidrs: Plan["network"]["podCidrs"]) {
  const serviceCidrs = plan.network.serviceCidrs ?? [ctx.defaultService];
  const dnsServiceIp = plan.network.dnsServiceIp ?? tenthAddress(serviceCidrs[0] ?? ctx.defaultService);
  const withNetwork: Plan = {
    ...plan,
    name: plan.name ?? c.name,
    network: {
      ...plan.network,
      ...(podCidrs ? { podCidrs: [...podCidrs] } : {}),
      serviceCidrs: [...serviceCidrs],
      ...(dnsServiceIp ? { dnsServiceIp } : {}),
    },
    connectedNetworks: mergeConnected(plan.connectedNetworks, reachedNetworks(ctx.model, c)),
  };
  return { withNetwork, serviceCidrs };
}

/** The layout in the VNet: the template's first layout translated when it has the same size, else laid out anew. */
function laidOut(t: Template, prefix: Prefix, bits: number, withNetwork: Plan): { plan: Plan } | { reason: string } {
  const vnet = prefix.toString();
  const start = v4(prefix);
  if (t.laid && t.laid.bits === bits && sameNetwork(t.laid.plan, withNetwork))
    return {
      plan: {
        ...translated(t.laid.plan, t.laid.start, start, vnet),
        name: withNetwork.name,
        connectedNetworks: withNetwork.connectedNetworks,
      },
    };
  const laid = layoutPlan({ ...withNetwork, vnet: undefined }, { addressSpaces: [vnet], growth: t.growth });
  if (!laid.ok) return { reason: laid.problems[0]?.message ?? "the layout did not fit" };
  if (!t.laid) t.laid = { start, bits, plan: laid.plan };
  return { plan: laid.plan };
}

/** The forecast after allocation: the model's ranges plus the VNets and distinct pod CIDRs just placed. */
function forecastAfter(model: Model, used: readonly UsedPrefix[], results: readonly ClusterAllocation[]) {
  const sizes = [...new Set(results.flatMap((r) => r.vnet.map((v) => Number(v.slice(v.indexOf("/") + 1)))))].sort(
    (a, b) => a - b,
  );
  const placed = results.filter((r) => r.status === "allocated");
  const extra = {
    vnets: placed.flatMap((r) => r.vnet),
    pods: placed.flatMap((r) => (r.podCidrKind === "distinct" ? r.podCidrs : [])),
  };
  return poolForecasts(model, used, sizes.length > 0 ? sizes : [16, 20, 22, 24], [], extra);
}

/** Meshes over their limit: Cilium cluster mesh 255 clusters, Fleet Manager cross-cluster networking 255 members. */
function meshLimitProblems(fleet: FleetPlan): AllocateProblem[] {
  return fleet.meshes.flatMap((m, i) => {
    const max =
      m.kind === "ciliumClusterMesh" ? FLEET.ciliumClusterMeshMaxClusters.value : FLEET.crossClusterMaxMembers.value;
    const count = new Set(m.clusters).size;
    if (count <= max) return [];
    const what = m.kind === "ciliumClusterMesh" ? "Cilium cluster mesh" : "Fleet Manager cross-cluster network";
    return [
      {
        code: "mesh-too-large" as const,
        path: ["meshes", i, "clusters"],
        message:
          `${what} ${m.name} has ${count} clusters; at most ${max} can be connected: split it (allocation ` +
          `still places them).`,
      },
    ];
  });
}
