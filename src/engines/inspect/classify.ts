/**
 * Tells the network model of a cluster from a snapshot: a pure function that
 * weighs every signal it finds, reports each one as evidence with the objects
 * it was read from, and gives the verdict a confidence. The signals (node
 * labels, NodeNetworkConfig types, DaemonSets, node conditions) and the models
 * they mark come from the knowledge base (CLUSTER_SIGNALS), the model list
 * from MODEL_IDS. Dataplane and policy are `components.ts`'s.
 */
import { CLUSTER_SIGNALS, MODEL_IDS, type ModelId, formatCount } from "../../kb/index.js";
import { tryParseAddr, tryParsePrefix } from "../../ip/index.js";
import type { ClusterSnapshot, SnapshotNetworkContainer, SnapshotNodeNetworkConfig } from "./snapshot.js";
import { podPlacement, type PodPlacement } from "./placement.js";
import { guardArgs, SNAPSHOT } from "./guard-args.js";

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
  /** Up to three of the objects it was read from, e.g. `node aks-system-…-vmss000000`. */
  readonly objects: readonly string[];
}

export interface Classification {
  readonly model: ModelId | "unknown";
  readonly confidence: Confidence;
  /** Every signal found, strongest first. */
  readonly evidence: readonly Evidence[];
  /** Signals that contradict the verdict, and what could not be judged because a resource was unreadable. */
  readonly caveats: readonly string[];
  readonly placement: PodPlacement;
}

const S = CLUSTER_SIGNALS;
const SCORE: Record<Weight, number> = { decisive: 10, strong: 4, supporting: 1 };
const RANK: Record<Weight, number> = { decisive: 0, strong: 1, supporting: 2 };
const FOREIGN_CNI = ["calico-node", "flannel", "kube-flannel-ds", "weave-net", "antrea-agent"];

const fmt = formatCount;
const first3 = (xs: readonly string[]) => xs.slice(0, 3);

function countBy<T>(xs: readonly T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k !== undefined) m.set(k, [...(m.get(k) ?? []), x]);
  }
  return m;
}

/** Signals in node labels AKS writes. */
function labelEvidence(s: ClusterSnapshot): Evidence[] {
  const out: Evidence[] = [];
  const n = s.nodes.length;
  const overlay = S.overlayLabel.value;
  const marked = s.nodes.filter((x) => x.labels[overlay.key] === overlay.value);
  if (marked.length)
    out.push({
      signal: `node label ${overlay.key}`,
      observed: `${overlay.value} on ${fmt(marked.length)} of ${fmt(n)} nodes`,
      models: ["azure-cni-overlay"],
      weight: "decisive",
      objects: first3(marked.map((x) => `node ${x.name}`)),
    });
  const pnt = S.podNetworkTypeLabel.value;
  for (const [value, nodes] of countBy(s.nodes, (x) => x.labels[pnt.key])) {
    const model = pnt.models[value];
    out.push({
      signal: `node label ${pnt.key}`,
      observed: `${value} on ${fmt(nodes.length)} of ${fmt(n)} nodes`,
      models: model ? [model] : [],
      weight: model ? "decisive" : "supporting",
      objects: first3(nodes.map((x) => `node ${x.name}`)),
    });
  }
  return out;
}

/** Whether a `vnet` container draws from the subnet holding the node's own address (node subnet under CNS). */
function inOwnSubnet(s: ClusterSnapshot, nnc: SnapshotNodeNetworkConfig, c: SnapshotNetworkContainer): boolean {
  if ((c.type ?? "vnet") !== "vnet" || c.subnetAddressSpace === undefined) return false;
  const subnet = tryParsePrefix(c.subnetAddressSpace);
  if (!subnet.ok) return false;
  const ips = s.nodes.find((x) => x.name === nnc.name)?.internalIps ?? [];
  return ips.some((ip) => {
    const a = tryParseAddr(ip);
    return a.ok && subnet.value.contains(a.value);
  });
}

/** Signals in NodeNetworkConfigs (only CNS-managed modes have them) and in their absence. */
function nncEvidence(s: ClusterSnapshot): Evidence[] {
  const out: Evidence[] = [];
  const containers = s.nodeNetworkConfigs.flatMap((nnc) =>
    nnc.containers.map((c) => ({ nnc, c, own: inOwnSubnet(s, nnc, c) })),
  );
  const own = containers.filter((x) => x.own);
  if (own.length)
    out.push({
      signal: "NodeNetworkConfig subnet",
      observed:
        `${fmt(own.length)} vnet network container${own.length === 1 ? "" : "s"} draw from the subnet ` +
        `holding the node's own address`,
      models: ["azure-cni-node-subnet"],
      weight: "decisive",
      objects: first3(own.map((x) => `nodenetworkconfig ${x.nnc.name}`)),
    });
  const types = S.nncContainerTypes.value;
  for (const [value, xs] of countBy(
    containers.filter((x) => !x.own),
    (x) => x.c.type ?? "vnet",
  )) {
    const model = types[value];
    out.push({
      signal: "NodeNetworkConfig network container type",
      observed: `${value} in ${fmt(xs.length)} network containers`,
      models: model ? [model] : S.cnsModels.value,
      weight: model ? "decisive" : "supporting",
      objects: first3(xs.map((x) => `nodenetworkconfig ${x.nnc.name}`)),
    });
  }
  if (s.problems.find((p) => p.resource === "nodenetworkconfigs")?.kind === "absent")
    out.push({
      signal: "NodeNetworkConfig CRD (acn.azure.com)",
      observed: "not installed",
      models: ["kubenet", "azure-cni-node-subnet", "byo-cni"],
      weight: "strong",
      objects: ["the API server's acn.azure.com/v1alpha nodenetworkconfigs (404)"],
    });
  return out;
}

/** Signals in node pod ranges and the kubenet route controller's condition. */
function routeEvidence(s: ClusterSnapshot): Evidence[] {
  const n = s.nodes.length;
  if (n === 0) return [];
  const withRange = s.nodes.filter((x) => x.podCidrs.length > 0);
  const route = S.kubenetRouteCondition.value;
  const routed = s.nodes.filter((x) => x.networkUnavailableReason === route.reason);
  if (withRange.length === n && routed.length > 0)
    return [
      {
        signal: "node spec.podCIDR and NetworkUnavailable condition",
        observed:
          `every node has a pod range; ${route.reason} on ${fmt(routed.length)} of ${fmt(n)} nodes (routes ` +
          `in the cluster route table)`,
        models: ["kubenet"],
        weight: "strong",
        objects: first3(routed.map((x) => `node ${x.name}`)),
      },
    ];
  if (withRange.length > 0)
    return [
      {
        signal: "node spec.podCIDR",
        observed: `set on ${fmt(withRange.length)} of ${fmt(n)} nodes`,
        models: ["kubenet", "azure-cni-overlay", "byo-cni"],
        weight: "supporting",
        objects: first3(withRange.map((x) => `node ${x.name}`)),
      },
    ];
  return [
    {
      signal: "node spec.podCIDR",
      observed: "set on no node",
      models: [
        "azure-cni-node-subnet",
        "azure-cni-pod-subnet-dynamic",
        "azure-cni-pod-subnet-static",
        "azure-cni-overlay",
      ],
      weight: "supporting",
      objects: [`node list (${fmt(n)} nodes)`],
    },
  ];
}

/** Signals in where pod addresses fall. */
function placementEvidence(p: PodPlacement, withPodCidr: boolean): Evidence[] {
  if (p.podsWithIp === 0) return [];
  const objects = [`pod list (${fmt(p.podsWithIp)} pods with their own address)`];
  if (p.inNodePodRange === p.podsWithIp)
    return [
      {
        signal: "pod addresses",
        observed: `all ${fmt(p.podsWithIp)} pod addresses are inside their node's pod range`,
        models: ["kubenet", "azure-cni-overlay", "byo-cni"],
        weight: "supporting",
        objects,
      },
    ];
  if (p.inNodeAddressSpan * 2 > p.podsWithIp && !withPodCidr)
    return [
      {
        signal: "pod addresses",
        observed:
          `${fmt(p.inNodeAddressSpan)} of ${fmt(p.podsWithIp)} pod addresses lie among the node addresses ` +
          `(${p.nodeAddressSpan ?? "?"})`,
        models: ["azure-cni-node-subnet"],
        weight: "strong",
        objects,
      },
    ];
  if (p.inNodeAddressSpan === 0)
    return [
      {
        signal: "pod addresses",
        observed: `no pod address lies among the node addresses (${p.nodeAddressSpan ?? "?"})`,
        models: MODEL_IDS.filter((m) => m !== "azure-cni-node-subnet"),
        weight: "supporting",
        objects,
      },
    ];
  return [];
}

/** Signals in DaemonSets: azure-cns, and CNIs AKS does not manage. */
function daemonSetEvidence(s: ClusterSnapshot): Evidence[] {
  if (!s.read.includes("daemonsets")) return [];
  const find = (ns: readonly string[], name: string) =>
    s.daemonSets.find((d) => ns.includes(d.namespace) && d.name === name);
  const cns = S.azureCns.value;
  const cnsDs = find(cns.namespaces, cns.daemonSet);
  const out: Evidence[] = [
    cnsDs
      ? {
          signal: `DaemonSet ${cns.namespaces[0]}/${cns.daemonSet}`,
          observed: "present (Azure Container Networking Service manages pod addresses)",
          models: S.cnsModels.value,
          weight: "supporting",
          objects: [`daemonset ${cnsDs.namespace}/${cnsDs.name}`],
        }
      : {
          signal: `DaemonSet ${cns.namespaces[0]}/${cns.daemonSet}`,
          observed: "absent",
          models: ["kubenet", "azure-cni-node-subnet", "byo-cni"],
          weight: "supporting",
          objects: [`DaemonSet list (${fmt(s.daemonSets.length)} DaemonSets)`],
        },
  ];
  const ebpf = S.ebpfDataplaneLabel.value;
  const cilium = S.cilium.value;
  const selfManagedCilium =
    find(cilium.namespaces, cilium.daemonSet) && !s.nodes.some((x) => x.labels[ebpf.key] === ebpf.value);
  const foreign = s.daemonSets.filter((d) => d.namespace === "kube-system" && FOREIGN_CNI.includes(d.name));
  const routed = s.nodes.some((x) => x.networkUnavailableReason === S.kubenetRouteCondition.value.reason);
  if ((selfManagedCilium || foreign.length) && !cnsDs && !routed)
    out.push({
      signal: "DaemonSets",
      observed: "a CNI not managed by AKS runs in kube-system and azure-cns is absent",
      models: ["byo-cni"],
      weight: "strong",
      objects: first3([
        ...(selfManagedCilium ? [`daemonset kube-system/${cilium.daemonSet}`] : []),
        ...foreign.map((d) => `daemonset ${d.namespace}/${d.name}`),
      ]),
    });
  return out;
}

/** The model with the most weight, or `unknown` on a tie or no signal. */
function topModel(evidence: readonly Evidence[]): ModelId | "unknown" {
  const score = new Map<ModelId, number>(MODEL_IDS.map((m) => [m, 0]));
  for (const e of evidence) for (const m of e.models) score.set(m, (score.get(m) ?? 0) + SCORE[e.weight]);
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || MODEL_IDS.indexOf(a[0]) - MODEL_IDS.indexOf(b[0]));
  const [top, second] = ranked;
  if (!top || top[1] === 0 || (second && top[1] === second[1])) return "unknown";
  return top[0];
}

function confidenceOf(model: ModelId | "unknown", evidence: readonly Evidence[], contradicting: number): Confidence {
  if (model === "unknown") return "low";
  const decisiveFor = new Set(evidence.filter((e) => e.weight === "decisive").flatMap((e) => e.models));
  if (decisiveFor.size === 1 && decisiveFor.has(model) && contradicting === 0) return "high";
  const alone = evidence.some((e) => e.weight === "strong" && e.models.length === 1 && e.models[0] === model);
  if (model === "kubenet" && alone && contradicting === 0) return "high";
  if (contradicting === 0 && evidence.some((e) => e.weight !== "supporting" && e.models.includes(model)))
    return "medium";
  return "low";
}

export const classify = guardArgs("classify", [SNAPSHOT], function classify(s: ClusterSnapshot): Classification {
  const placement = podPlacement(s);
  const evidence = [
    ...labelEvidence(s),
    ...nncEvidence(s),
    ...routeEvidence(s),
    ...placementEvidence(
      placement,
      s.nodes.some((x) => x.podCidrs.length > 0),
    ),
    ...daemonSetEvidence(s),
  ].sort((a, b) => RANK[a.weight] - RANK[b.weight]);
  const model = topModel(evidence);
  const caveats: string[] = [];
  const contradicting = evidence.filter(
    (e) => model !== "unknown" && e.models.length > 0 && !e.models.includes(model) && e.weight !== "supporting",
  );
  for (const e of contradicting) caveats.push(`${e.signal}: ${e.observed} does not fit ${model}.`);
  const decisiveFor = new Set(evidence.filter((e) => e.weight === "decisive").flatMap((e) => e.models));
  if (decisiveFor.size > 1)
    caveats.push(
      `Nodes carry markers of more than one model (${[...decisiveFor].join(", ")}): pools may differ, or a migration ` +
        `is in progress.`,
    );
  if (!s.read.includes("daemonsets"))
    caveats.push("DaemonSets could not be read: azure-cns presence and CNIs AKS does not manage were not judged.");
  const nncProblem = s.problems.find((p) => p.resource === "nodenetworkconfigs");
  if (!s.read.includes("nodenetworkconfigs") && nncProblem && !["not-in-dump", "absent"].includes(nncProblem.kind))
    caveats.push(
      `NodeNetworkConfigs were not read (${nncProblem.kind}): the Overlay / pod subnet markers they carry and the ` +
        `pod subnet use per node are unknown.`,
    );
  if (model === "azure-cni-node-subnet" && s.daemonSets.some((d) => d.name === S.azureCns.value.daemonSet))
    caveats.push(
      `azure-cns also runs on node subnet clusters from Kubernetes ${S.cnsOnNodeSubnetFrom.value} ` +
        `(Azure/AKS:CHANGELOG.md, 2025-03-16), so its presence does not rule this model out.`,
    );
  return { model, confidence: confidenceOf(model, evidence, contradicting.length), evidence, caveats, placement };
});
