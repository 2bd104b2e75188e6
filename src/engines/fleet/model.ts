/**
 * The fleet as a graph: every network (the hub, the connected networks, each
 * cluster's VNet) with the ranges it holds, and what each can route to. Peering
 * is not transitive (kb FLEET.peeringTransitive), so reachability is exactly what
 * the fleet file states: peerings (with or without gateway transit), Virtual
 * Network Manager connectivity configurations, gateway connections of
 * on-premises networks, and cluster meshes. Built once; never throws for user input.
 */
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import type { CidrField, FieldPath, FleetCluster, FleetPlan, Plan, ResolvedPlan, UsedPrefix } from "../plan/index.js";
import { resolvePlan } from "../plan/index.js";
import { gatewayTransit, reachability } from "./model-links.js";

/** `used`: the used space (options.used), one pseudo-network no name reaches. */
export type NetworkKind = "hub" | "vnet" | "onPremises" | "other" | "cluster" | "used";

export interface FleetNetworkNode {
  readonly index: number;
  readonly name: string;
  readonly kind: NetworkKind;
  /** Where it is defined in the fleet file. */
  readonly path: FieldPath;
  readonly gateway: boolean;
  /** For clusters: the cluster's index in `fleet.clusters`. */
  readonly cluster?: number;
}

/** What an item of the overlap search is. */
export const ItemKind = {
  /** A VNet address space or a network's routed prefixes. */
  space: 0,
  subnet: 1,
  /** A pod CIDR routed beyond its cluster (meshed, on-premises routes, kubenet): routed space. */
  routedPods: 2,
  /** An Overlay pod CIDR that stays in its cluster: may be reused, must not overlap what the cluster reaches. */
  localPods: 3,
  /** A service CIDR: never leaves its cluster. */
  services: 4,
  /** Used space (from `used`, `usedFrom`, `--used`): taken by something the fleet file may not describe. */
  used: 5,
  /**
   * Used space that names its network (`used[].network`): a range of that network (of the fleet file, or a network
   * known only from used space), judged like an address space; its path is `used[k]`, not under the network.
   */
  usedOf: 6,
} as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

export const ITEM_WORDS: Record<ItemKind, string> = {
  0: "address space",
  1: "subnet",
  2: "routed pod CIDR",
  3: "pod CIDR",
  4: "service CIDR",
  5: "used space",
  6: "used space",
};

/**
 * One problem in the fleet's structure (bad CIDR, unknown name, unreadable plan, more overlapping pairs than are
 * searched), with its path.
 */
export interface ModelProblem {
  readonly code:
    "cidr-invalid" | "name-unknown" | "name-duplicate" | "plan-unreadable" | "plan-invalid" | "overlaps-too-many";
  readonly path: FieldPath;
  readonly data: Readonly<Record<string, string | number>>;
}

/** A cluster plan loaded by the caller (referenced by path), or why it could not be. */
export type FleetLoadedPlan = Plan | { readonly error: string };

export interface FleetModelOptions {
  /** Plans referenced by path in `clusters[].plan`, keyed by that path as written. */
  readonly plans?: ReadonlyMap<string, FleetLoadedPlan>;
  /** Used space to search for overlaps too: items of one pseudo-network (kind `used`) at the end. */
  readonly used?: readonly UsedPrefix[];
}

export interface ClusterNode {
  readonly index: number;
  readonly name: string;
  readonly network: number;
  readonly entry: FleetCluster;
  /** The plan (inline or loaded), undefined when it could not be read. */
  readonly plan?: Plan;
  readonly resolved?: ResolvedPlan;
  /** Where the plan lives: the file path as written, or "inline". */
  readonly planRef: string;
  /** Whether its pod CIDR is routed beyond it (meshed, podsRoutedOnPremises, kubenet). */
  readonly podsRouted: boolean;
  /** Why its pod CIDR is routed, when it is. */
  readonly podsRoutedWhy?: string;
}

export interface FleetModel {
  readonly fleet: FleetPlan;
  readonly networks: readonly FleetNetworkNode[];
  readonly clusters: readonly ClusterNode[];
  readonly byName: ReadonlyMap<string, number>;
  /**
   * Overlap items: CIDR text with no host bits (as written when it has none), owning network, kind; where each is
   * in the fleet file and how messages name it are built on demand (`pathOf`, `labelOf`: 100,000 subnets need
   * neither unless reported).
   */
  readonly items: {
    readonly cidr: string[];
    readonly owner: number[];
    readonly kind: ItemKind[];
    /** The text as written (for labels). */
    readonly text: string[];
    /** A subnet's name ("" for other items). */
    readonly name: string[];
    /** The item's path below its base (`base[owner]`). */
    readonly tail: FieldPath[];
  };
  /** Per network, the path its items' tails hang from. */
  readonly base: readonly FieldPath[];
  /** routes[x]: the networks x holds routes to by peering or a gateway connection (gateway transit: `gatewaysOf`). */
  readonly routes: readonly Set<number>[];
  /** seenBy[x]: the networks that hold routes to x. */
  readonly seenBy: readonly Set<number>[];
  /** Connected groups (Virtual Network Manager mesh or direct connectivity), by network. */
  readonly groupsOf: readonly (readonly number[])[];
  /** The gateways each network routes through (those it uses by gateway transit, and its own). */
  readonly gatewaysOf: readonly (readonly number[])[];
  /** The gateways each on-premises or other network is connected to. */
  readonly attachedTo: readonly (readonly number[])[];
  /** The networks connected to each gateway. */
  readonly attached: readonly (readonly number[])[];
  /** The networks routing through each gateway. */
  readonly gatewayUsers: readonly (readonly number[])[];
  /** The members of each connected group. */
  readonly groupMembers: readonly (readonly number[])[];
  /** Whether each connected group refuses overlapping members (`connectedGroupAddressOverlap: Disallowed`). */
  readonly groupDisallowsOverlap: readonly boolean[];
  /** Meshes (Cilium cluster mesh, Fleet cross-cluster networking), by network. */
  readonly meshesOf: readonly (readonly number[])[];
  readonly problems: readonly ModelProblem[];
}

function planOf(
  entry: FleetCluster,
  i: number,
  opts: FleetModelOptions,
  problems: ModelProblem[],
): { plan?: Plan; ref: string } {
  const p = entry.plan;
  if (p === undefined) return { plan: { ...EMPTY_PLAN, name: entry.name }, ref: "none" };
  if (typeof p !== "string") return { plan: p, ref: "inline" };
  const loaded = opts.plans?.get(p);
  if (loaded === undefined) {
    problems.push({ code: "plan-unreadable", path: ["clusters", i, "plan"], data: { file: p, reason: "not loaded" } });
    return { ref: p };
  }
  if ("error" in loaded && typeof loaded.error === "string") {
    problems.push({ code: "plan-unreadable", path: ["clusters", i, "plan"], data: { file: p, reason: loaded.error } });
    return { ref: p };
  }
  return { plan: loaded as Plan, ref: p };
}

const EMPTY_PLAN: Plan = {
  apiVersion: "aksnet/v1",
  kind: "ClusterPlan",
  network: {},
  connectedNetworks: [],
  nodePools: [],
  reserved: {},
};

/** Builds the fleet graph. Problems (bad CIDRs, unknown names) are returned, never thrown. */
export function fleetModel(fleet: FleetPlan, opts: FleetModelOptions = {}): FleetModel {
  const problems: ModelProblem[] = [];
  const g = graphBuilder(problems);
  const { networks, byName, items, base } = g;
  const networkSections = [
    ...(fleet.hub ? [{ n: fleet.hub, path: ["hub"] as FieldPath, hub: true }] : []),
    ...fleet.networks.map((n, i) => ({ n, path: ["networks", i] as FieldPath, hub: false })),
  ];
  for (const { n, path, hub } of networkSections) {
    const kind: NetworkKind = hub ? "hub" : n.kind;
    const idx = g.addNetwork({ name: n.name, kind, path, gateway: n.gateway === true });
    base[idx] = path;
    n.cidrs.forEach((c, k) => g.addItem(idx, c, ItemKind.space, ["cidrs", k]));
    n.subnets.forEach((s, k) => g.addItem(idx, s.cidr, ItemKind.subnet, ["subnets", k, "cidr"], s.name));
  }
  const clusters = clusterNodes(fleet, opts, g);
  addUsed(opts.used ?? [], { networks, base, byName, addItem: g.addItem });
  const { usesGateway, ...reach } = reachability(fleet, g, clusters, networkSections);
  return {
    fleet,
    networks,
    clusters,
    byName,
    items,
    base,
    ...reach,
    ...gatewayTransit(networks, reach.routes, usesGateway, reach.attached),
    problems,
  };
}

type Graph = ReturnType<typeof graphBuilder>;

/** The networks and their ranges (items) as they are added, with a problem for a duplicate name or a bad CIDR. */
function graphBuilder(problems: ModelProblem[]) {
  const networks: FleetNetworkNode[] = [];
  const byName = new Map<string, number>();
  const items = {
    cidr: [] as string[],
    owner: [] as number[],
    kind: [] as ItemKind[],
    text: [] as string[],
    name: [] as string[],
    tail: [] as FieldPath[],
  };
  const base: FieldPath[] = [];

  const addNetwork = (n: Omit<FleetNetworkNode, "index">): number => {
    const index = networks.length;
    const prev = byName.get(n.name);
    if (prev !== undefined)
      problems.push({
        code: "name-duplicate",
        path: [...n.path, "name"],
        data: { name: n.name, first: pathWords(networks[prev]?.path ?? []) },
      });
    else byName.set(n.name, index);
    networks.push({ ...n, index });
    return index;
  };
  /** Adds a range: `prefix` when the text was parsed already (a resolved plan's field), else parsed here. */
  const addItem = (owner: number, text: string, kind: ItemKind, tail: FieldPath, name = "", prefix?: Prefix): void => {
    let p = prefix;
    if (p === undefined) {
      const r = tryParsePrefix(text);
      if (!r.ok) {
        const path = [...(base[owner] ?? []), ...tail];
        problems.push({ code: "cidr-invalid", path, data: { cidr: text, reason: r.error.reason } });
        return;
      }
      p = r.value;
    }
    const masked = p.masked();
    items.cidr.push(masked === p ? text : masked.toString());
    items.owner.push(owner);
    items.kind.push(kind);
    items.text.push(text);
    items.name.push(name);
    items.tail.push(tail);
  };
  return { problems, networks, byName, items, base, addNetwork, addItem };
}

/** The clusters as networks, with their plans resolved once per plan object and their ranges as items. */
function clusterNodes(fleet: FleetPlan, opts: FleetModelOptions, g: Graph): ClusterNode[] {
  const { problems, base } = g;
  // Meshes first: a meshed cluster's pod CIDR is routed.
  const meshOfCluster = new Map<string, string>();
  for (const m of fleet.meshes) for (const c of m.clusters) if (!meshOfCluster.has(c)) meshOfCluster.set(c, m.name);
  const clusters: ClusterNode[] = [];
  const resolvedOf = new Map<Plan, ResolvedPlan>();
  fleet.clusters.forEach((entry, i) => {
    const path: FieldPath = ["clusters", i];
    const idx = g.addNetwork({ name: entry.name, kind: "cluster", path, gateway: false, cluster: i });
    const { plan, ref } = planOf(entry, i, opts, problems);
    let resolved: ResolvedPlan | undefined;
    if (plan) {
      // A plan file named by many clusters is one object: resolved once.
      resolved = resolvedOf.get(plan);
      try {
        if (!resolved) resolvedOf.set(plan, (resolved = resolvePlan(plan)));
      } catch (e) {
        problems.push({ code: "plan-invalid", path: [...path, "plan"], data: { reason: String(e) } });
      }
    }
    const mesh = meshOfCluster.get(entry.name);
    const kubenet = resolved?.model === "kubenet";
    const podsRoutedWhy = mesh
      ? `its pods reach other clusters' pods directly (mesh ${mesh})`
      : entry.podsRoutedOnPremises
        ? "its pod CIDR is routed beyond the cluster (podsRoutedOnPremises)"
        : kubenet
          ? "kubenet routes its pod CIDR in the VNet's route table"
          : undefined;
    const podsRouted = podsRoutedWhy !== undefined;
    clusters.push({
      index: i,
      name: entry.name,
      network: idx,
      entry,
      ...(plan ? { plan } : {}),
      ...(resolved ? { resolved } : {}),
      planRef: ref,
      podsRouted,
      ...(podsRoutedWhy ? { podsRoutedWhy } : {}),
    });
    base[idx] = ref === "inline" ? [...path, "plan"] : path;
    if (!resolved) return;
    // A resolved field's path is under the plan; an unparsable one is the cluster check's finding.
    const add = (f: CidrField, kind: ItemKind, name = "") => {
      if (f.prefix) g.addItem(idx, f.text, kind, f.path, name, f.prefix);
    };
    for (const f of resolved.vnetAddressSpace) add(f, ItemKind.space);
    for (const s of resolved.subnets) add(s, ItemKind.subnet, s.name);
    // A cluster without a VNet yet has only defaulted pod and service CIDRs: allocate chooses them.
    if (resolved.vnetAddressSpace.length === 0) return;
    if (resolved.model === "azure-cni-overlay" || resolved.model === "kubenet" || resolved.model === "byo-cni")
      for (const f of resolved.podCidrs) add(f, podsRouted ? ItemKind.routedPods : ItemKind.localPods);
    for (const f of resolved.serviceCidrs) add(f, ItemKind.services);
  });
  return clusters;
}

interface UsedTarget {
  readonly networks: FleetNetworkNode[];
  readonly base: FieldPath[];
  readonly byName: Map<string, number>;
  readonly addItem: (owner: number, text: string, kind: ItemKind, tail: FieldPath, name?: string, p?: Prefix) => void;
}

/**
 * The used space as items. A prefix that names its network (`network`) is a range of that network when the fleet
 * file has it, else of a network known only from used space (kind `used`, by that name, so peerings, peerWith and
 * connectivity may name it). The rest are items of one pseudo-network "used space" that nothing reaches (not in
 * byName): what it overlaps is judged apart (engines/fleet/overlaps.ts). A prefix that does not parse was reported
 * when it was read.
 */
function addUsed(used: readonly UsedPrefix[], t: UsedTarget): void {
  if (used.length === 0) return;
  let anonymous: number | undefined;
  const pseudo = (name: string, path: FieldPath): number => {
    const index = t.networks.length;
    t.networks.push({ index, name, kind: "used", path, gateway: false });
    t.base[index] = ["used"];
    return index;
  };
  used.forEach((u, k) => {
    const r = tryParsePrefix(u.cidr);
    if (!r.ok) return;
    const label = u.name ? `${u.source}: ${u.name}` : u.source;
    if (u.network === undefined) {
      anonymous ??= pseudo("used space", ["used"]);
      t.addItem(anonymous, u.cidr, ItemKind.used, [k], label, r.value);
      return;
    }
    let owner = t.byName.get(u.network);
    if (owner === undefined) t.byName.set(u.network, (owner = pseudo(u.network, ["used", k, "network"])));
    t.addItem(owner, u.cidr, ItemKind.usedOf, ["used", k], label, r.value);
  });
}

/** Where item i is in the fleet file. */
export function pathOf(m: FleetModel, i: number): FieldPath {
  if (m.items.kind[i] === ItemKind.usedOf) return m.items.tail[i] ?? [];
  return [...(m.base[m.items.owner[i] ?? 0] ?? []), ...(m.items.tail[i] ?? [])];
}

/** How messages name item i, e.g. `aks-1 subnet nodes 10.1.0.0/24`, `hub 10.0.0.0/16`. */
export function labelOf(m: FleetModel, i: number): string {
  const net = m.networks[m.items.owner[i] ?? 0];
  const text = m.items.text[i] ?? "";
  const name = net?.name ?? "";
  const kind = m.items.kind[i];
  if (kind === ItemKind.used) return `used space ${text} (${m.items.name[i] ?? ""})`;
  if (kind === ItemKind.usedOf) return `${name} ${text} (used space, ${m.items.name[i] ?? ""})`;
  if (kind === ItemKind.subnet) return `${name} subnet ${m.items.name[i] ?? ""} ${text}`;
  if (net?.kind !== "cluster") return `${name} ${text}`;
  if (kind === ItemKind.space) return `${name} VNet ${text}`;
  return `${name} ${kind === ItemKind.services ? "service" : "pod"} CIDR ${text}`;
}

/** A field path as words for messages, e.g. `networks[2]`. */
export function pathWords(path: FieldPath): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out === "" ? k : `.${k}`;
  return out;
}
