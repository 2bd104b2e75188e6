/**
 * Tells the network model, dataplane and network policy engine of a cluster
 * from a snapshot: a pure function that weighs every signal it finds and
 * reports each one as evidence, with a confidence for the verdict.
 *
 * Signals and their sources (all checked 2026-11-22 against
 * /work/shared/reference/aks-networking.md §6):
 * - node labels `kubernetes.azure.com/azure-cni-overlay`, `…/podnetwork-type`
 *   (overlay | vnet | vnetblock), `…/ebpf-dataplane`, `…/network-policy`:
 *   Azure/karpenter-provider-azure:pkg/providers/labels/labels.go,
 *   Azure/karpenter-provider-azure:designs/0006-requirements-and-labels.md;
 * - NodeNetworkConfig network container types vnet | vnetblock | overlay:
 *   Azure/azure-container-networking:crd/nodenetworkconfig/api/v1alpha/nodenetworkconfig.go;
 * - DaemonSets cilium, kube-proxy, azure-cns, azure-npm, calico-node (calico-system):
 *   articles/aks/azure-cni-powered-by-cilium.md, Azure/azure-container-networking:cns/azure-cns.yaml,
 *   Azure/azure-container-networking:npm/azure-npm.yaml, Azure/AKS:CHANGELOG.md (2023-09-10, 2025-03-16);
 * - `spec.podCIDR` and the `NetworkUnavailable=False, reason RouteCreated`
 *   condition the Azure route controller writes on kubenet nodes: recorded in
 *   /work/shared/fixtures/aks-kubenet-nodelist-2021.json (edgexr/edge-cloud-platform).
 */
import type { ModelId } from "../../kb/index.js";
import { tryParseAddr, tryParsePrefix } from "../../ip/index.js";
import type { ClusterSnapshot, SnapshotNetworkContainer, SnapshotNodeNetworkConfig } from "./snapshot.js";
import { podPlacement, type PodPlacement } from "./placement.js";

export type Confidence = "high" | "medium" | "low";

/** How much one signal says: an AKS-written marker, a strong hint, or a hint shared by several models. */
export type Weight = "decisive" | "strong" | "supporting";

export interface Evidence {
  /** What was looked at, e.g. `node label kubernetes.azure.com/podnetwork-type`. */
  readonly signal: string;
  /** What was seen, e.g. `overlay on 3 of 3 nodes`. */
  readonly observed: string;
  /** The models this is consistent with (empty: says nothing about the model). */
  readonly models: readonly ModelId[];
  readonly weight: Weight;
}

export type DataplaneVerdict = "azure" | "cilium" | "unknown";
export type PolicyVerdict = "none" | "azure" | "calico" | "cilium" | "unknown";

export interface Classification {
  readonly model: ModelId | "unknown";
  readonly dataplane: DataplaneVerdict;
  readonly policy: PolicyVerdict;
  readonly confidence: Confidence;
  /** Every signal found, strongest first. */
  readonly evidence: readonly Evidence[];
  /** Dataplane and policy signals. */
  readonly dataplaneEvidence: readonly Evidence[];
  /** Signals that contradict the verdict, and what could not be judged because a resource was unreadable. */
  readonly caveats: readonly string[];
  readonly placement: PodPlacement;
}

const SCORE: Record<Weight, number> = { decisive: 10, strong: 4, supporting: 1 };
const ALL_MODELS: readonly ModelId[] = [
  "kubenet",
  "azure-cni-node-subnet",
  "azure-cni-pod-subnet-dynamic",
  "azure-cni-pod-subnet-static",
  "azure-cni-overlay",
  "byo-cni",
];
const CNS_MODELS: readonly ModelId[] = [
  "azure-cni-overlay",
  "azure-cni-pod-subnet-dynamic",
  "azure-cni-pod-subnet-static",
  "azure-cni-node-subnet",
];

const L = {
  overlay: "kubernetes.azure.com/azure-cni-overlay",
  podNetworkType: "kubernetes.azure.com/podnetwork-type",
  ebpf: "kubernetes.azure.com/ebpf-dataplane",
  policy: "kubernetes.azure.com/network-policy",
} as const;

const POD_NETWORK_TYPES: Record<string, ModelId> = {
  overlay: "azure-cni-overlay",
  vnet: "azure-cni-pod-subnet-dynamic",
  vnetblock: "azure-cni-pod-subnet-static",
};

function countBy<T>(xs: readonly T[], key: (x: T) => string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) {
    const k = key(x);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

const fmt = (n: number) => n.toLocaleString("en-US");

function describeCounts(m: Map<string, number>, total: number, noun: string): string {
  return [...m.entries()].map(([v, n]) => `${v} on ${fmt(n)} of ${fmt(total)} ${noun}`).join(", ");
}

export function classify(s: ClusterSnapshot): Classification {
  const evidence: Evidence[] = [];
  const dp: Evidence[] = [];
  const caveats: string[] = [];
  const nodes = s.nodes;
  const n = nodes.length;
  const readDs = s.read.includes("daemonsets");
  const readNnc = s.read.includes("nodenetworkconfigs");
  const ds = (ns: string, name: string) => s.daemonSets.some((d) => d.namespace === ns && d.name === name);

  // Node labels written by AKS.
  const overlayLabel = countBy(nodes, (x) => x.labels[L.overlay]);
  if (overlayLabel.get("true"))
    evidence.push({
      signal: `node label ${L.overlay}`,
      observed: describeCounts(overlayLabel, n, "nodes"),
      models: ["azure-cni-overlay"],
      weight: "decisive",
    });
  const pnt = countBy(nodes, (x) => x.labels[L.podNetworkType]);
  for (const [value, count] of pnt) {
    const model = POD_NETWORK_TYPES[value];
    evidence.push({
      signal: `node label ${L.podNetworkType}`,
      observed: `${value} on ${fmt(count)} of ${fmt(n)} nodes`,
      models: model ? [model] : [],
      weight: model ? "decisive" : "supporting",
    });
  }

  // NodeNetworkConfigs: only CNS-managed modes have them. A `vnet` container whose subnet holds the node's own
  // address hands out node-subnet addresses (CNS on node subnet clusters from 1.32), not a separate pod subnet.
  const nodeIps = new Map(nodes.map((x) => [x.name, x.internalIps]));
  const inOwnSubnet = (nnc: SnapshotNodeNetworkConfig, c: SnapshotNetworkContainer) => {
    const subnet = c.subnetAddressSpace === undefined ? undefined : tryParsePrefix(c.subnetAddressSpace);
    if (!subnet?.ok) return false;
    return (nodeIps.get(nnc.name) ?? []).some((ip) => {
      const a = tryParseAddr(ip);
      return a.ok && subnet.value.contains(a.value);
    });
  };
  const containers = s.nodeNetworkConfigs.flatMap((nnc) =>
    nnc.containers.map((c) => ({ c, own: (c.type ?? "vnet") === "vnet" && inOwnSubnet(nnc, c) })),
  );
  const ownSubnet = containers.filter((x) => x.own).length;
  if (ownSubnet > 0)
    evidence.push({
      signal: "NodeNetworkConfig subnet",
      observed: `${fmt(ownSubnet)} vnet network container${ownSubnet === 1 ? "" : "s"} draw from the subnet holding the node's own address`,
      models: ["azure-cni-node-subnet"],
      weight: "decisive",
    });
  const nncTypes = countBy(
    containers.filter((x) => !x.own).map((x) => x.c),
    (c) => c.type ?? "vnet",
  );
  for (const [value, count] of nncTypes) {
    const model = POD_NETWORK_TYPES[value];
    evidence.push({
      signal: "NodeNetworkConfig network container type",
      observed: `${value} in ${fmt(count)} network containers`,
      models: model ? [model] : CNS_MODELS,
      weight: model ? "decisive" : "supporting",
    });
  }

  // Node pod ranges and the kubenet route controller.
  const withPodCidr = nodes.filter((x) => x.podCidrs.length > 0).length;
  const routeCreated = nodes.filter((x) => x.networkUnavailableReason === "RouteCreated").length;
  if (n > 0 && withPodCidr === n && routeCreated > 0) {
    evidence.push({
      signal: "node spec.podCIDR and NetworkUnavailable condition",
      observed: `every node has a pod range; RouteCreated on ${fmt(routeCreated)} of ${fmt(n)} nodes (routes in the cluster route table)`,
      models: ["kubenet"],
      weight: "strong",
    });
  } else if (n > 0 && withPodCidr > 0) {
    evidence.push({
      signal: "node spec.podCIDR",
      observed: `set on ${fmt(withPodCidr)} of ${fmt(n)} nodes`,
      models: ["kubenet", "azure-cni-overlay", "byo-cni"],
      weight: "supporting",
    });
  } else if (n > 0) {
    evidence.push({
      signal: "node spec.podCIDR",
      observed: "set on no node",
      models: [
        "azure-cni-node-subnet",
        "azure-cni-pod-subnet-dynamic",
        "azure-cni-pod-subnet-static",
        "azure-cni-overlay",
      ],
      weight: "supporting",
    });
  }

  // Where pod addresses fall.
  const placement = podPlacement(s);
  if (placement.podsWithIp > 0) {
    const p = placement;
    if (p.inNodePodRange === p.podsWithIp)
      evidence.push({
        signal: "pod addresses",
        observed: `all ${fmt(p.podsWithIp)} pod addresses are inside their node's pod range`,
        models: ["kubenet", "azure-cni-overlay", "byo-cni"],
        weight: "supporting",
      });
    else if (p.inNodeAddressSpan * 2 > p.podsWithIp && withPodCidr === 0)
      evidence.push({
        signal: "pod addresses",
        observed: `${fmt(p.inNodeAddressSpan)} of ${fmt(p.podsWithIp)} pod addresses lie among the node addresses (${p.nodeAddressSpan ?? "?"})`,
        models: ["azure-cni-node-subnet"],
        weight: "strong",
      });
    else if (p.inNodeAddressSpan === 0)
      evidence.push({
        signal: "pod addresses",
        observed: `no pod address lies among the node addresses (${p.nodeAddressSpan ?? "?"})`,
        models: [
          "azure-cni-pod-subnet-dynamic",
          "azure-cni-pod-subnet-static",
          "azure-cni-overlay",
          "kubenet",
          "byo-cni",
        ],
        weight: "supporting",
      });
  }

  // DaemonSets.
  const cns = ds("kube-system", "azure-cns");
  const ebpfNodes = nodes.filter((x) => x.labels[L.ebpf] === "cilium").length;
  const cilium = ds("kube-system", "cilium");
  const kubeProxy = ds("kube-system", "kube-proxy");
  if (readDs) {
    if (cns)
      evidence.push({
        signal: "DaemonSet kube-system/azure-cns",
        observed: "present (Azure Container Networking Service manages pod addresses)",
        models: CNS_MODELS,
        weight: "supporting",
      });
    else
      evidence.push({
        signal: "DaemonSet kube-system/azure-cns",
        observed: "absent",
        models: ["kubenet", "azure-cni-node-subnet", "byo-cni"],
        weight: "supporting",
      });
    const foreignCni =
      (cilium && ebpfNodes === 0) ||
      ["calico-node", "flannel", "kube-flannel-ds", "weave-net", "antrea-agent"].some((x) =>
        s.daemonSets.some((d) => d.name === x && d.namespace === "kube-system"),
      );
    if (foreignCni && !cns && routeCreated === 0)
      evidence.push({
        signal: "DaemonSets",
        observed: "a CNI not managed by AKS runs in kube-system and azure-cns is absent",
        models: ["byo-cni"],
        weight: "strong",
      });
  } else
    caveats.push(
      "DaemonSets could not be read: the dataplane and policy engine are judged from node labels alone, and azure-cns / kube-proxy presence is unknown.",
    );
  const nncProblem = s.problems.find((p) => p.resource === "nodenetworkconfigs");
  if (nncProblem?.kind === "absent")
    evidence.push({
      signal: "NodeNetworkConfig CRD (acn.azure.com)",
      observed: "not installed",
      models: ["kubenet", "azure-cni-node-subnet", "byo-cni"],
      weight: "strong",
    });
  else if (!readNnc && nncProblem && nncProblem.kind !== "not-in-dump")
    caveats.push(
      `NodeNetworkConfigs were not read (${nncProblem.kind}): the Overlay / pod subnet markers they carry and the pod subnet use per node are unknown.`,
    );

  // Score the models.
  const score = new Map<ModelId, number>(ALL_MODELS.map((m) => [m, 0]));
  for (const e of evidence) for (const m of e.models) score.set(m, (score.get(m) ?? 0) + SCORE[e.weight]);
  const ranked = [...score.entries()].sort(
    (a, b) => b[1] - a[1] || ALL_MODELS.indexOf(a[0]) - ALL_MODELS.indexOf(b[0]),
  );
  const [top, second] = ranked;
  let model: ModelId | "unknown" = top && top[1] > 0 ? top[0] : "unknown";
  if (top && second && top[1] === second[1]) model = "unknown";
  const decisive = evidence.filter((e) => e.weight === "decisive");
  const decisiveFor = new Set(decisive.flatMap((e) => e.models));
  const contradicting = evidence.filter(
    (e) => model !== "unknown" && e.models.length > 0 && !e.models.includes(model) && e.weight !== "supporting",
  );
  for (const e of contradicting) caveats.push(`${e.signal}: ${e.observed} does not fit ${model}.`);
  if (decisiveFor.size > 1)
    caveats.push(
      `Nodes carry markers of more than one model (${[...decisiveFor].join(", ")}): pools may differ, or a migration is in progress.`,
    );
  let confidence: Confidence;
  if (model === "unknown") confidence = "low";
  else if (decisiveFor.size === 1 && decisiveFor.has(model) && contradicting.length === 0) confidence = "high";
  else if (
    model === "kubenet" &&
    evidence.some((e) => e.weight === "strong" && e.models.length === 1 && e.models[0] === "kubenet") &&
    contradicting.length === 0
  )
    confidence = "high";
  else if (
    contradicting.length === 0 &&
    evidence.some((e) => e.weight !== "supporting" && e.models.includes(model as ModelId))
  )
    confidence = "medium";
  else confidence = "low";
  if (model === "azure-cni-node-subnet" && cns)
    caveats.push(
      "azure-cns also runs on node subnet clusters from Kubernetes 1.32 (Azure/AKS:CHANGELOG.md, 2025-03-16), so its presence does not rule this model out.",
    );

  // Dataplane.
  let dataplane: DataplaneVerdict = "unknown";
  if (ebpfNodes > 0)
    dp.push({
      signal: `node label ${L.ebpf}`,
      observed: `cilium on ${fmt(ebpfNodes)} of ${fmt(n)} nodes`,
      models: [],
      weight: "decisive",
    });
  if (readDs) {
    dp.push({
      signal: "DaemonSet kube-system/cilium",
      observed: cilium ? "present" : "absent",
      models: [],
      weight: "strong",
    });
    dp.push({
      signal: "DaemonSet kube-system/kube-proxy",
      observed: kubeProxy ? "present (iptables service routing)" : "absent",
      models: [],
      weight: "strong",
    });
  }
  if (ebpfNodes > 0 || (readDs && cilium && !kubeProxy)) dataplane = "cilium";
  else if (readDs && kubeProxy && !cilium) dataplane = "azure";
  else if (!readDs && n > 0 && ebpfNodes === 0) dataplane = "azure";
  if (readDs && cilium && kubeProxy)
    caveats.push(
      "Both cilium and kube-proxy DaemonSets run: a dataplane migration may be in progress, or Cilium is self-managed (bring your own CNI).",
    );
  if (model === "byo-cni") dataplane = "unknown";

  // Policy engine.
  let policy: PolicyVerdict = readDs ? "none" : "unknown";
  const policyLabel = countBy(nodes, (x) => x.labels[L.policy]);
  if (policyLabel.size > 0)
    dp.push({
      signal: `node label ${L.policy}`,
      observed: describeCounts(policyLabel, n, "nodes"),
      models: [],
      weight: "strong",
    });
  const npm = ds("kube-system", "azure-npm");
  const calico = s.daemonSets.some(
    (d) => d.name === "calico-node" && (d.namespace === "calico-system" || d.namespace === "kube-system"),
  );
  if (readDs && npm)
    dp.push({
      signal: "DaemonSet kube-system/azure-npm",
      observed: "present (Azure Network Policy Manager)",
      models: [],
      weight: "strong",
    });
  if (readDs && calico)
    dp.push({
      signal: "DaemonSet calico-system/calico-node",
      observed: "present (Calico)",
      models: [],
      weight: "strong",
    });
  if (dataplane === "cilium") policy = "cilium";
  else if (npm) policy = "azure";
  else if (calico) policy = "calico";
  else {
    const only = [...policyLabel.keys()];
    if (only.length === 1 && ["none", "azure", "calico", "cilium"].includes(only[0] as string))
      policy = only[0] as PolicyVerdict;
  }

  const rank: Record<Weight, number> = { decisive: 0, strong: 1, supporting: 2 };
  evidence.sort((a, b) => rank[a.weight] - rank[b.weight]);
  return { model, dataplane, policy, confidence, evidence, dataplaneEvidence: dp, caveats, placement };
}
