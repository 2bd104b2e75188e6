/**
 * Where pod addresses come from, with proof: are they from another range
 * than the node addresses, and which pod range each node holds
 * (`spec.podCIDR`, or its NodeNetworkConfig's overlay block: recorded AKS
 * Overlay nodes carry no `spec.podCIDR`, kb CLUSTER_SIGNALS.overlayNodesHavePodCidr).
 */
import { tryParseAddr, tryParsePrefix, type Addr, type Prefix } from "../../ip/index.js";
import { CLUSTER_SIGNALS, type ModelId, formatCount } from "../../kb/index.js";
import { holdsPodAddress, nodeRangeTexts, spanOf } from "./placement.js";
import type { ClusterSnapshot } from "./snapshot.js";
import { MAX_PROOF, count, known, notRead, unknown, whyMissing, type Proof, type Verdict } from "./verdict.js";
import { guardArgs, listParam, MODEL, SNAPSHOT, TEXTS } from "./guard-args.js";

export type SeparateValue = "yes" | "no" | "mixed";
export type NodeRangesValue = "all" | "some" | "none";

/** The pod range a node holds and where it was read. */
export interface NodePodRange {
  readonly node: string;
  readonly podCidrs: readonly string[];
  readonly from: "spec.podCIDR" | "NodeNetworkConfig" | null;
}

function addr(text: string): Addr | undefined {
  const a = tryParseAddr(text);
  return a.ok ? a.value : undefined;
}

/** The ranges that stand for the node subnet: the configured node subnets, else the span of the node addresses. */
function nodeRanges(s: ClusterSnapshot, configuredSubnets: readonly string[]): { ranges: Prefix[]; from: string } {
  const configured = configuredSubnets.flatMap((c) => {
    const p = tryParsePrefix(c);
    return p.ok ? [p.value.masked()] : [];
  });
  if (configured.length) return { ranges: configured, from: "the configured node subnet" };
  const span = spanOf(s.nodes.flatMap((n) => n.internalIps.map(addr).filter((a): a is Addr => a !== undefined)));
  return { ranges: span ? [span] : [], from: "the span of the node addresses (pass --plan for the node subnet)" };
}

/**
 * Are pod addresses from another range than the node addresses (the node subnet)? `yes` when no pod
 * address lies among them, `no` when all do (node subnet), `mixed` when some do.
 */
export const podRangeSeparate = guardArgs(
  "podRangeSeparate",
  [SNAPSHOT, { ...TEXTS, name: "configuredSubnets", optional: true }],
  function podRangeSeparate(s: ClusterSnapshot, configuredSubnets: readonly string[] = []): Verdict<SeparateValue> {
    const settle = "kubectl get nodes -o wide; kubectl get pods -A -o wide";
    if (!s.read.includes("nodes"))
      return unknown({ missing: ["nodes"], why: `nodes were not read (${whyMissing(s, ["nodes"])})`, settle });
    if (!s.read.includes("pods"))
      return unknown({ missing: ["pods"], why: `pods were not read (${whyMissing(s, ["pods"])})`, settle });
    const { ranges, from } = nodeRanges(s, configuredSubnets);
    const pods = s.pods.filter(holdsPodAddress);
    if (ranges.length === 0 || pods.length === 0)
      return unknown({
        missing: [],
        why: ranges.length === 0 ? "no node has an IPv4 InternalIP" : "no pod holds an address of its own",
        settle,
      });
    // Counts, and the first few pods of each side as proof (not one proof object per pod of a large cluster).
    const inside: Proof[] = [];
    const outside: Proof[] = [];
    let nIn = 0;
    let nOut = 0;
    for (const p of pods) {
      const a = addr(p.ips[0] as string);
      if (!a) continue;
      const isIn = ranges.some((r) => r.contains(a));
      if (isIn) nIn++;
      else nOut++;
      const side = isIn ? inside : outside;
      if (side.length < MAX_PROOF)
        side.push({ object: `pod ${p.namespace}/${p.name}`, says: `address ${p.ips[0]} on ${p.node ?? "no node"}` });
    }
    const nodeProof: Proof[] = s.nodes
      .slice(0, 2)
      .map((n) => ({ object: `node ${n.name}`, says: `InternalIP ${n.internalIps.join(", ") || "none"}` }));
    const where = `${from}: ${ranges.map(String).join(", ")}`;
    const total = nodeProof.length + nIn + nOut;
    if (nIn === 0) return known("yes", [...nodeProof, ...outside], `No pod address lies in ${where}.`, total);
    if (nOut === 0)
      return known(
        "no",
        [...nodeProof, ...inside],
        `Every pod address lies in ${where}: pods take node subnet addresses.`,
        total,
      );
    const share = `${count(nIn, "pod address", "pod addresses")} of ${formatCount(nIn + nOut)}`;
    return known(
      "mixed",
      [...nodeProof, ...inside.slice(0, 1), ...outside.slice(0, 2)],
      `${share} lie in ${where}; pools may differ.`,
      total,
    );
  },
);

/** Each node's pod range: `spec.podCIDR(s)` when set, else its NodeNetworkConfig's overlay block. */
export const nodePodRanges = guardArgs(
  "nodePodRanges",
  [SNAPSHOT],
  function nodePodRanges(s: ClusterSnapshot): NodePodRange[] {
    const texts = nodeRangeTexts(s);
    return s.nodes.map((n) => {
      const t = texts.get(n.name);
      return t ? { node: n.name, podCidrs: t.cidrs, from: t.from } : { node: n.name, podCidrs: [], from: null };
    });
  },
);

const NO_NODE_RANGE: Partial<Record<ModelId, string>> = {
  "azure-cni-node-subnet": "On Azure CNI node subnet, pods take node subnet addresses: no node holds a pod range.",
  "azure-cni-pod-subnet-dynamic": "On a pod subnet, pods take pod subnet addresses: no node holds a pod range.",
  "azure-cni-pod-subnet-static":
    "With static block allocation, nodes hold /28 blocks of the pod subnet (see the NodeNetworkConfigs), not a pod " +
    "CIDR.",
};

/** Which pod range each node holds: `all`, `some` or `none` of the nodes, with the list. */
export const nodePodRangeVerdict = guardArgs(
  "nodePodRangeVerdict",
  [SNAPSHOT, MODEL, listParam("ranges", "the node pod ranges (nodePodRanges)")],
  function nodePodRangeVerdict(
    s: ClusterSnapshot,
    model: ModelId | "unknown",
    ranges: readonly NodePodRange[],
  ): Verdict<NodeRangesValue> {
    const settle =
      `kubectl get nodes -o custom-columns=NAME:.metadata.name,POD_CIDR:.spec.podCIDR; kubectl get nnc -n ` +
      `kube-system -o custom-columns=NAME:.metadata.name,BLOCK:.status.networkContainers[*].primaryIP`;
    if (!s.read.includes("nodes"))
      return unknown({ missing: ["nodes"], why: `nodes were not read (${whyMissing(s, ["nodes"])})`, settle });
    const held = ranges.filter((r) => r.podCidrs.length > 0);
    const proof = held.map((r) => ({ object: `node ${r.node}`, says: `${r.from} ${r.podCidrs.join(", ")}` }));
    const overlayNote = CLUSTER_SIGNALS.overlayNodesHavePodCidr.value
      ? null
      : "AKS Overlay nodes carry no spec.podCIDR (recorded); their /24 is read from their NodeNetworkConfig.";
    if (held.length === s.nodes.length && held.length > 0)
      return known("all", proof, held.some((r) => r.from === "NodeNetworkConfig") ? overlayNote : null);
    if (held.length > 0)
      return known("some", proof, `${count(s.nodes.length - held.length, "node")} hold no pod range that was read.`);
    const reason = model === "unknown" ? undefined : NO_NODE_RANGE[model];
    const none: Proof = {
      object: `node list (${count(s.nodes.length, "node")})`,
      says:
        `no ` +
        `spec.podCIDR${s.read.includes("nodenetworkconfigs") ? " and no overlay block in the NodeNetworkConfigs" : ""}`,
    };
    if (reason) return known("none", [none], reason);
    const nncMissing = notRead(s, ["nodenetworkconfigs"]);
    if (nncMissing.length && (model === "azure-cni-overlay" || model === "unknown"))
      return unknown(
        {
          missing: nncMissing,
          why: `no node has spec.podCIDR and NodeNetworkConfigs were not read (${whyMissing(s, nncMissing)})`,
          settle,
        },
        overlayNote,
      );
    return known("none", [none]);
  },
);
