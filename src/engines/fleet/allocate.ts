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
  if (!parsed.fleet)
    return {
      ok: false,
      clusters: [],
      pools: [],
      problems: parsed.problems.map((p) => ({ code: "fleet-invalid", path: p.path, message: p.message })),
      assumptions: [],
      fleet: null,
    };
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

  // Routed space: what a reused pod or service CIDR must stay clear of, and what VNets must avoid.
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
  const taken = addrSetOfText(takenText);

  // One allocator per pool supernet (minus exclusions), vnets and pods pools apart.
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

  const templates = new Map<unknown, Template>();
  const results: ClusterAllocation[] = [];
  const newPlans = new Map<number, Plan>();
  for (const c of model.clusters) {
    results.push(allocateOne(c));
  }

  function poolsFor(c: ClusterNode, purpose: "vnets" | "pods"): { name: string; list: PrefixAllocator[] }[] {
    const named = purpose === "vnets" ? (c.entry.pool ?? fleet.defaults.pool) : undefined;
    const all = fleet.pools.filter((p) => p.for === purpose);
    const location = c.entry.location ?? c.plan?.location;
    const ordered = named
      ? all.filter((p) => p.name === named)
      : [
          ...all.filter((p) => p.location !== undefined && p.location === location),
          ...all.filter((p) => p.location === undefined),
        ];
    return ordered.map((p) => ({ name: p.name, list: allocators.get(p.name) ?? [] }));
  }

  function take(c: ClusterNode, purpose: "vnets" | "pods", bits: number): { pool: string; prefix: Prefix } | undefined {
    for (const { name, list } of poolsFor(c, purpose))
      for (const a of list) {
        if (bits < a.parent.bits) continue;
        const p = a.allocate(bits);
        if (p) return { pool: name, prefix: p };
      }
    return undefined;
  }

  function allocateOne(c: ClusterNode): ClusterAllocation {
    const base = {
      name: c.name,
      podCidrs: c.resolved?.podCidrs.map((f) => f.text) ?? [],
      serviceCidrs: c.resolved?.serviceCidrs.map((f) => f.text) ?? [],
      podCidrKind: null,
      checkErrors: [],
    };
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
    if (r.vnetAddressSpace.length > 0)
      return {
        ...base,
        status: "existing",
        pool: null,
        vnet: r.vnetAddressSpace.map((f) => f.text),
        subnets: r.subnets.map((s) => ({ name: s.name, cidr: s.text })),
        reason: null,
        plan: c.plan,
      };
    const growth = c.entry.growth ?? fleet.defaults.growth ?? 2;
    const key = typeof c.entry.plan === "string" ? `${c.entry.plan}\u0000${growth}` : c.plan;
    let t = templates.get(key);
    if (!t) templates.set(key, (t = sizeOf(c.plan, growth)));
    const path: FieldPath = ["clusters", c.index];
    if (t.problem) {
      problems.push({ code: "cluster-unplaced", path, message: `${c.name}: ${t.problem}` });
      return { ...base, status: "unplaced", pool: null, vnet: [], subnets: [], reason: t.problem, plan: null };
    }
    const bits = c.entry.vnetPrefixLength ?? t.bits;
    if (poolsFor(c, "vnets").length === 0) {
      const reason = "no vnets pool to allocate from (pools[].for: vnets, its pool or its location)";
      problems.push({ code: "no-pool", path, message: `${c.name}: ${reason}` });
      return { ...base, status: "unplaced", pool: null, vnet: [], subnets: [], reason, plan: null };
    }
    const got = take(c, "vnets", bits);
    if (!got) {
      const reason = `no free /${bits} left in its pools`;
      problems.push({ code: "cluster-unplaced", path, message: `${c.name}: ${reason}` });
      return { ...base, status: "unplaced", pool: null, vnet: [], subnets: [], reason, plan: null };
    }
    const vnet = got.prefix.toString();
    // Pod and service CIDRs: reused unless routed.
    const overlayLike = r.model === "azure-cni-overlay" || r.model === "kubenet" || r.model === "byo-cni";
    let podCidrs = c.plan.network.podCidrs;
    let podCidrKind: "reused" | "distinct" | null = null;
    if (overlayLike) {
      if (c.podsRouted) {
        podCidrKind = "distinct";
        const want = tryParsePrefix(c.plan.network.podCidrs?.[0] ?? "");
        const wantBits = want.ok && want.value.family === 4 ? want.value.bits : DEFAULT_POD_BITS;
        const pods = take(c, "pods", wantBits);
        if (!pods) {
          const reason =
            `its pod CIDR must be distinct (${c.podsRoutedWhy ?? "routed"}) and no pods pool has a free ` +
            `/${wantBits} (add a pool with for: pods)`;
          problems.push({ code: "cluster-unplaced", path, message: `${c.name}: ${reason}` });
          return { ...base, status: "unplaced", pool: null, vnet: [vnet], subnets: [], reason, plan: null };
        }
        podCidrs = [pods.prefix.toString()];
      } else {
        podCidrKind = "reused";
        podCidrs = c.plan.network.podCidrs ?? [defaultPod];
      }
    }
    const serviceCidrs = c.plan.network.serviceCidrs ?? [defaultService];
    const dnsServiceIp = c.plan.network.dnsServiceIp ?? tenthAddress(serviceCidrs[0] ?? defaultService);
    const connected = reachedNetworks(model, c);
    const withNetwork: Plan = {
      ...c.plan,
      name: c.plan.name ?? c.name,
      network: {
        ...c.plan.network,
        ...(podCidrs ? { podCidrs: [...podCidrs] } : {}),
        serviceCidrs: [...serviceCidrs],
        ...(dnsServiceIp ? { dnsServiceIp } : {}),
      },
      connectedNetworks: mergeConnected(c.plan.connectedNetworks, connected),
    };
    // The layout: translated from the template's first layout when there is one of the same size.
    let plan: Plan;
    const start = v4(got.prefix);
    if (t.laid && t.laid.bits === bits && sameNetwork(t.laid.plan, withNetwork)) {
      plan = {
        ...translated(t.laid.plan, t.laid.start, start, vnet),
        name: withNetwork.name,
        connectedNetworks: withNetwork.connectedNetworks,
      };
    } else {
      const laid = layoutPlan({ ...withNetwork, vnet: undefined }, { addressSpaces: [vnet], growth: t.growth });
      plan = laid.plan;
      if (!laid.ok) {
        const reason = laid.problems[0]?.message ?? "the layout did not fit";
        problems.push({ code: "cluster-unplaced", path, message: `${c.name}: ${reason}` });
        return { ...base, status: "unplaced", pool: got.pool, vnet: [vnet], subnets: [], reason, plan: null };
      }
      if (!t.laid) t.laid = { start, bits, plan };
    }
    if (plan.vnet) plan = { ...plan, vnet: { ...plan.vnet, name: `${c.name}-vnet` } };
    // Checked resolved: the plan is built here in the schema's output shape, so the schema pass is not repeated.
    const checkErrors = options.checkPlans === false ? [] : checkWritten(plan, t);
    if (checkErrors.length > 0)
      problems.push({
        code: "plan-fails-check",
        path,
        message:
          `${c.name}: the written plan has ${checkErrors.length} error finding(s), first: ` +
          `${checkErrors[0]?.message ?? ""}`,
      });
    newPlans.set(c.index, plan);
    return {
      ...base,
      status: "allocated",
      pool: got.pool,
      vnet: [vnet],
      subnets: plan.vnet?.subnets.map((s) => ({ name: s.name, cidr: s.cidr })) ?? [],
      podCidrs: podCidrs ?? [],
      serviceCidrs,
      podCidrKind,
      reason: null,
      plan,
      checkErrors,
    };
  }

  const outFleet: FleetPlan = {
    ...fleet,
    clusters: fleet.clusters.map((entry, i) => {
      const p = newPlans.get(i);
      return p ? { ...entry, plan: p } : entry;
    }),
  };
  // The forecast after allocation: the model's ranges plus the VNets and distinct pod CIDRs just placed.
  const sizes = [...new Set(results.flatMap((r) => r.vnet.map((v) => Number(v.slice(v.indexOf("/") + 1)))))].sort(
    (a, b) => a - b,
  );
  const placed = results.filter((r) => r.status === "allocated");
  const extra = {
    vnets: placed.flatMap((r) => r.vnet),
    pods: placed.flatMap((r) => (r.podCidrKind === "distinct" ? r.podCidrs : [])),
  };
  const pools = poolForecasts(model, used, sizes.length > 0 ? sizes : [16, 20, 22, 24], [], extra);
  assumptions.push(
    `Overlay pod CIDRs and service CIDRs are reused across clusters where AKS allows it (default pod CIDR ` +
      `${defaultPod}, service CIDR ${defaultService}); VNets are placed outside them.`,
    "Each VNet is the smallest block holding its subnets with their room to grow (growth 2 unless clusters[].growth " +
      "or defaults.growth says otherwise).",
  );
  return {
    ok: problems.length === 0 && results.every((r) => r.status !== "unplaced"),
    clusters: results,
    pools,
    problems,
    assumptions,
    fleet: outFleet,
  };
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
