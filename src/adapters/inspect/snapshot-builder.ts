/**
 * Raw Kubernetes objects (from the API or a dump) → a `ClusterSnapshot`: each
 * object is reduced to the few fields the networking verdict needs as it
 * arrives, so a 150,000-pod cluster never sits in memory as API objects.
 */
import {
  RESOURCE_KINDS,
  type ClusterSnapshot,
  type ReadProblem,
  type ResourceKind,
  type SnapshotConfigMap,
  type SnapshotDaemonSet,
  type SnapshotNode,
  type SnapshotNodeNetworkConfig,
  type SnapshotPod,
} from "../../engines/inspect/index.js";

type Json = Record<string, unknown>;

function obj(x: unknown): Json {
  return x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Json) : {};
}
function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
function str(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}
function nonEmpty(x: unknown): string | undefined {
  return typeof x === "string" && x !== "" ? x : undefined;
}
function int(x: unknown): number | undefined {
  if (typeof x === "number" && Number.isFinite(x)) return x;
  if (typeof x === "string" && /^\d+$/.test(x)) return Number(x);
  return undefined;
}

const AKS_LABEL = "kubernetes.azure.com/";
/** The one ConfigMap kept: the Azure CNI network monitor's (kb CLUSTER_SIGNALS.networkMonitor). */
const NETWORK_MONITOR = { namespace: "kube-system", name: "azure-cni-networkmonitor" } as const;

/** At most `max` string entries of an object, each value cut at `len` characters. */
function strings(x: unknown, max: number, len: number): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(obj(x))) {
    if (typeof v !== "string") continue;
    if (n++ >= max) break;
    out[k] = v.length > len ? `${v.slice(0, len)}…` : v;
  }
  return out;
}

export function snapshotNode(raw: unknown): SnapshotNode | undefined {
  const o = obj(raw);
  const meta = obj(o["metadata"]);
  const name = str(meta["name"]);
  if (name === undefined) return undefined;
  const allLabels = obj(meta["labels"]);
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(allLabels)) if (k.startsWith(AKS_LABEL) && typeof v === "string") labels[k] = v;
  const spec = obj(o["spec"]);
  const status = obj(o["status"]);
  const podCidrs = arr(spec["podCIDRs"]).filter((x): x is string => typeof x === "string");
  const single = str(spec["podCIDR"]);
  if (podCidrs.length === 0 && single) podCidrs.push(single);
  const conditions = arr(status["conditions"]).map(obj);
  const ready = conditions.some((c) => c["type"] === "Ready" && c["status"] === "True");
  const netCond = conditions.find((c) => c["type"] === "NetworkUnavailable");
  return {
    name,
    // Node auto-provisioning (Karpenter) nodes carry an empty agentpool label and name their pool in
    // karpenter.sh/nodepool.
    pool:
      nonEmpty(allLabels["kubernetes.azure.com/agentpool"]) ??
      nonEmpty(allLabels["agentpool"]) ??
      nonEmpty(allLabels["karpenter.sh/nodepool"]),
    os: str(allLabels["kubernetes.io/os"]),
    labels,
    annotations: strings(meta["annotations"], 32, 256),
    internalIps: arr(status["addresses"])
      .map(obj)
      .filter((a) => a["type"] === "InternalIP")
      .map((a) => str(a["address"]))
      .filter((a): a is string => a !== undefined),
    podCidrs,
    maxPods: int(obj(status["allocatable"])["pods"]),
    ready,
    networkUnavailableReason: netCond ? str(netCond["reason"]) : undefined,
    kubeletVersion: str(obj(status["nodeInfo"])["kubeletVersion"]),
    virtual: allLabels["type"] === "virtual-kubelet",
  };
}

export function snapshotPod(raw: unknown): SnapshotPod | undefined {
  const o = obj(raw);
  const meta = obj(o["metadata"]);
  const name = str(meta["name"]);
  if (name === undefined) return undefined;
  const labels = obj(meta["labels"]);
  const spec = obj(o["spec"]);
  const status = obj(o["status"]);
  const ips = arr(status["podIPs"])
    .map((x) => str(obj(x)["ip"]))
    .filter((x): x is string => x !== undefined);
  const single = str(status["podIP"]);
  if (ips.length === 0 && single) ips.push(single);
  return {
    namespace: str(meta["namespace"]) ?? "default",
    name,
    k8sApp: str(labels["k8s-app"]),
    component: str(labels["component"]),
    node: str(spec["nodeName"]),
    ips,
    hostNetwork: spec["hostNetwork"] === true,
    phase: str(status["phase"]) ?? "Unknown",
  };
}

export function snapshotDaemonSet(raw: unknown): SnapshotDaemonSet | undefined {
  const o = obj(raw);
  const meta = obj(o["metadata"]);
  const name = str(meta["name"]);
  if (name === undefined) return undefined;
  return {
    namespace: str(meta["namespace"]) ?? "default",
    name,
    desired: int(obj(o["status"])["desiredNumberScheduled"]) ?? 0,
  };
}

export function snapshotNodeNetworkConfig(raw: unknown): SnapshotNodeNetworkConfig | undefined {
  const o = obj(raw);
  const meta = obj(o["metadata"]);
  const name = str(meta["name"]);
  if (name === undefined) return undefined;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(meta["labels"]))) if (typeof v === "string") labels[k] = v;
  const status = obj(o["status"]);
  return {
    name,
    labels,
    requestedIpCount: int(obj(o["spec"])["requestedIPCount"]),
    assignedIpCount: int(status["assignedIPCount"]),
    containers: arr(status["networkContainers"]).map((x) => {
      const c = obj(x);
      return {
        type: str(c["type"]),
        subnetName: str(c["subnetName"]),
        subnetAddressSpace: str(c["subnetAddressSpace"]),
        primaryIp: str(c["primaryIP"]),
        assignedIps: arr(c["ipAssignments"]).length,
      };
    }),
  };
}

/** The network monitor's ConfigMap, reduced to its data; undefined for any other ConfigMap. */
export function snapshotConfigMap(raw: unknown): SnapshotConfigMap | undefined {
  const meta = obj(obj(raw)["metadata"]);
  if (meta["namespace"] !== NETWORK_MONITOR.namespace || meta["name"] !== NETWORK_MONITOR.name) return undefined;
  return { ...NETWORK_MONITOR, data: strings(obj(raw)["data"], 64, 1024) };
}

/** Which resource a raw object of a `List` belongs to, by its `kind` (or its shape when `kind` is absent). */
export function resourceOf(raw: unknown): ResourceKind | undefined {
  const o = obj(raw);
  switch (o["kind"]) {
    case "Node":
      return "nodes";
    case "Pod":
      return "pods";
    case "DaemonSet":
      return "daemonsets";
    case "NodeNetworkConfig":
      return "nodenetworkconfigs";
    case "ConfigMap":
      return "configmaps";
    default:
      return undefined;
  }
}

const KIND_OF: Record<ResourceKind, string> = {
  nodes: "Node",
  pods: "Pod",
  daemonsets: "DaemonSet",
  nodenetworkconfigs: "NodeNetworkConfig",
  configmaps: "ConfigMap",
};

/** The JSON type of a value, for a sentence: `a string`, `an array`, `null`. */
function jsonType(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return typeof x === "object" ? "an object" : `a ${typeof x}`;
}

/** Why an object of a known kind cannot be read: what its `metadata` lacks. */
function whyUnreadable(raw: unknown): string {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return `is ${jsonType(raw)}, not an object`;
  const meta = (raw as Json)["metadata"];
  if (meta === undefined) return "has no metadata";
  if (meta === null || typeof meta !== "object" || Array.isArray(meta))
    return `has metadata that is ${jsonType(meta)}, not an object`;
  const name = (meta as Json)["name"];
  return name === undefined ? "has no metadata.name" : `has a metadata.name that is ${jsonType(name)}, not a string`;
}

/** Items of one resource that could not be read: how many, and the first (its place among the resource's items). */
interface Unreadable {
  count: number;
  readonly first: { readonly index: number; readonly why: string };
}

/**
 * Accumulates raw objects into a snapshot. Objects may arrive in any order
 * and in any number of pages; `add` keeps only the compact form.
 */
export class SnapshotBuilder {
  private readonly nodes: SnapshotNode[] = [];
  private readonly pods: SnapshotPod[] = [];
  private readonly daemonSets: SnapshotDaemonSet[] = [];
  private readonly nncs: SnapshotNodeNetworkConfig[] = [];
  private readonly configMaps: SnapshotConfigMap[] = [];
  private readonly read = new Set<ResourceKind>();
  private readonly problemList: ReadProblem[] = [];
  /** Items of each resource offered so far, and those that could not be read. */
  private readonly offered = new Map<ResourceKind, number>();
  private readonly unreadableItems = new Map<ResourceKind, Unreadable>();

  /** `where`: what the items come from, for the sentence of an unreadable item ("the dump", "the API server"). */
  constructor(private readonly where: { readonly source: string; readonly fix: string } = DUMP_SOURCE) {}

  /**
   * Adds one raw object of the given resource (or of the resource its `kind` names). Returns false for an object it
   * does not use.
   */
  add(raw: unknown, resource: ResourceKind | undefined = resourceOf(raw)): boolean {
    if (resource === undefined || resource === "configmaps") return this.take(raw, resource);
    const index = (this.offered.get(resource) ?? 0) + 1;
    this.offered.set(resource, index);
    if (this.take(raw, resource)) return true;
    const had = this.unreadableItems.get(resource);
    if (had) had.count++;
    else this.unreadableItems.set(resource, { count: 1, first: { index, why: whyUnreadable(raw) } });
    return false;
  }

  /**
   * The problem of the resource's items that could not be read (no metadata object, no name), naming the
   * first of them; undefined when every item was read.
   */
  unreadable(resource: ResourceKind): ReadProblem | undefined {
    const u = this.unreadableItems.get(resource);
    if (!u) return undefined;
    const kind = KIND_OF[resource];
    const n = this.offered.get(resource) ?? u.count;
    const which =
      u.count === n
        ? `none of the ${n} ${kind} item(s) in ${this.where.source} could be read`
        : `${u.count} of the ${n} ${kind} items in ${this.where.source} could not be read`;
    return {
      resource,
      kind: "unreadable",
      detail:
        `${which}: ${kind} item ${u.first.index} ${u.first.why}` +
        `${u.count > 1 ? " (the first of them)" : ""}, ` +
        "and every Kubernetes object has a metadata object with a name; " +
        `they are left out (${this.where.fix}).`,
    };
  }

  /** Rolls back the record of unreadable items with the items (a failed list leaves nothing of itself). */
  private forget(resource: ResourceKind): void {
    this.offered.delete(resource);
    this.unreadableItems.delete(resource);
  }

  private take(raw: unknown, resource: ResourceKind | undefined): boolean {
    switch (resource) {
      case "nodes":
        return push(this.nodes, snapshotNode(raw));
      case "pods":
        return push(this.pods, snapshotPod(raw));
      case "daemonsets":
        return push(this.daemonSets, snapshotDaemonSet(raw));
      case "nodenetworkconfigs":
        return push(this.nncs, snapshotNodeNetworkConfig(raw));
      case "configmaps": {
        // Any kube-system ConfigMap counts as read (the dump looked there); only the network monitor's is kept.
        push(this.configMaps, snapshotConfigMap(raw));
        return obj(obj(raw)["metadata"])["namespace"] === NETWORK_MONITOR.namespace;
      }
      default:
        return false;
    }
  }

  /** Records that a resource was listed completely (even when empty). */
  markRead(resource: ResourceKind): void {
    this.read.add(resource);
  }

  problem(p: ReadProblem): void {
    this.problemList.push(p);
  }

  /** The problems recorded so far, in the order they came. */
  problems(): readonly ReadProblem[] {
    return this.problemList;
  }

  /** How many objects of the resource are held: a mark to roll back to when a list fails part-way. */
  checkpoint(resource: ResourceKind): number {
    return this.list(resource).length;
  }

  /** Drops the objects of the resource added after the checkpoint (a failed list leaves nothing of itself). */
  rollback(resource: ResourceKind, mark: number): void {
    this.list(resource).length = mark;
    this.forget(resource);
  }

  private list(resource: ResourceKind): unknown[] {
    return {
      nodes: this.nodes,
      pods: this.pods,
      daemonsets: this.daemonSets,
      nodenetworkconfigs: this.nncs,
      configmaps: this.configMaps,
    }[resource];
  }

  /** The snapshot, in a canonical order (by name / node) so live and offline reads compare equal. */
  build(): ClusterSnapshot {
    const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const order = RESOURCE_KINDS;
    return {
      nodes: [...this.nodes].sort(byName),
      pods: sortPods(this.pods),
      daemonSets: [...this.daemonSets].sort((a, b) =>
        byName({ name: `${a.namespace}/${a.name}` }, { name: `${b.namespace}/${b.name}` }),
      ),
      nodeNetworkConfigs: [...this.nncs].sort(byName),
      configMaps: [...this.configMaps].sort(byName),
      read: order.filter((r) => this.read.has(r)),
      problems: [...this.problemList].sort((a, b) => order.indexOf(a.resource) - order.indexOf(b.resource)),
    };
  }
}

/** Where items come from by default: a dump file. */
export const DUMP_SOURCE = {
  source: "the dump",
  fix: 'regenerate the dump with "kubectl get nodes,pods,daemonsets -A -o json"',
} as const;

function push<T>(to: T[], x: T | undefined): boolean {
  if (x === undefined) return false;
  to.push(x);
  return true;
}

/** Pods in a canonical order (node, addresses, host network, phase); keys are computed once. */
function sortPods(pods: readonly SnapshotPod[]): SnapshotPod[] {
  const keyed = pods.map((p) => ({
    k: `${p.node ?? ""}\u0000${p.namespace}/${p.name}\u0000${p.ips.join(",")}\u0000${p.hostNetwork ? 1 : 0}${p.phase}`,
    p,
  }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.p);
}
