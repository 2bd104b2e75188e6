/**
 * Per-node pod counts and address use per range, from a snapshot: pure.
 */
import { tryParseAddr, tryParsePrefix, type Prefix } from "../../ip/index.js";
import { CLUSTER_SIGNALS } from "../../kb/index.js";
import type { ClusterSnapshot, SnapshotNode } from "./snapshot.js";
import { holdsPodAddress, nodeRangeTexts } from "./placement.js";
import { guardArgs, listParam, SNAPSHOT, TEXTS } from "./guard-args.js";

export interface NodeUse {
  readonly name: string;
  readonly pool: string | undefined;
  /** The pool mode the node's `kubernetes.azure.com/mode` label gives, lower case: system, user or gateway. */
  readonly mode: string | undefined;
  readonly internalIps: readonly string[];
  /**
   * The node's pod range: `spec.podCIDR(s)`, or its NodeNetworkConfig's overlay block (Overlay nodes have no
   * spec.podCIDR).
   */
  readonly podCidrs: readonly string[];
  /** Where `podCidrs` was read; null when the node holds none. */
  readonly podCidrsFrom: "spec.podCIDR" | "NodeNetworkConfig" | null;
  readonly maxPods: number | undefined;
  /** Pods on the node that count against max pods (not finished), host-network included. */
  readonly pods: number;
  /** Of `pods`, the host-network ones (they use the node's address). */
  readonly hostNetworkPods: number;
  /** Pods holding an address of their own. */
  readonly podAddresses: number;
  /** maxPods − pods, when max pods is known. */
  readonly freePodSlots: number | undefined;
}

export interface PoolUse {
  readonly pool: string;
  /** Its nodes' mode (system, user, gateway), "mixed" when they differ, undefined when none says. */
  readonly mode: string | undefined;
  readonly nodes: number;
  readonly maxPods: number | undefined;
  readonly pods: number;
  readonly hostNetworkPods: number;
}

/** The node's `kubernetes.azure.com/mode` label, lower case (AKS docs write User and user). */
export function nodeMode(n: SnapshotNode): string | undefined {
  return n.labels[CLUSTER_SIGNALS.poolModeLabel.value.key]?.toLowerCase();
}

function isActive(phase: string): boolean {
  return phase !== "Succeeded" && phase !== "Failed";
}

export const nodeUse = guardArgs("nodeUse", [SNAPSHOT], function nodeUse(s: ClusterSnapshot): NodeUse[] {
  const counts = new Map<string, { pods: number; host: number; addrs: number }>();
  for (const p of s.pods) {
    if (p.node === undefined || !isActive(p.phase)) continue;
    let c = counts.get(p.node);
    if (!c) counts.set(p.node, (c = { pods: 0, host: 0, addrs: 0 }));
    c.pods++;
    if (p.hostNetwork) c.host++;
    if (holdsPodAddress(p)) c.addrs++;
  }
  const ranges = nodeRangeTexts(s);
  return s.nodes.map((n) => {
    const c = counts.get(n.name) ?? { pods: 0, host: 0, addrs: 0 };
    const range = ranges.get(n.name);
    return {
      name: n.name,
      pool: n.pool,
      mode: nodeMode(n),
      internalIps: n.internalIps,
      podCidrs: range?.cidrs ?? [],
      podCidrsFrom: range?.from ?? null,
      maxPods: n.maxPods,
      pods: c.pods,
      hostNetworkPods: c.host,
      podAddresses: c.addrs,
      freePodSlots: n.maxPods === undefined ? undefined : n.maxPods - c.pods,
    };
  });
});

export const poolUse = guardArgs(
  "poolUse",
  [listParam("nodes", "the node use (nodeUse)")],
  function poolUse(nodes: readonly NodeUse[]): PoolUse[] {
    const m = new Map<
      string,
      { nodes: number; maxPods: Set<number>; modes: Set<string | undefined>; pods: number; host: number }
    >();
    for (const n of nodes) {
      const key = n.pool ?? "(no pool label)";
      let p = m.get(key);
      if (!p) m.set(key, (p = { nodes: 0, maxPods: new Set(), modes: new Set(), pods: 0, host: 0 }));
      p.nodes++;
      p.modes.add(n.mode);
      if (n.maxPods !== undefined) p.maxPods.add(n.maxPods);
      p.pods += n.pods;
      p.host += n.hostNetworkPods;
    }
    return [...m.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([pool, p]) => ({
        pool,
        mode: p.modes.size === 1 ? [...p.modes][0] : "mixed",
        nodes: p.nodes,
        maxPods: p.maxPods.size === 1 ? [...p.maxPods][0] : undefined,
        pods: p.pods,
        hostNetworkPods: p.host,
      }));
  },
);

/** Counts pod addresses (first address of each pod holding one) inside each of the given prefixes. */
export const podAddressesIn = guardArgs(
  "podAddressesIn",
  [SNAPSHOT, { ...TEXTS, name: "prefixes" }],
  function podAddressesIn(s: ClusterSnapshot, prefixes: readonly string[]): number[] {
    const parsed = prefixes.map((c) => {
      const r = tryParsePrefix(c);
      return r.ok ? r.value : undefined;
    });
    const out = parsed.map(() => 0);
    for (const p of s.pods) {
      if (!holdsPodAddress(p)) continue;
      for (const ip of p.ips) {
        const a = tryParseAddr(ip);
        if (!a.ok) continue;
        parsed.forEach((r: Prefix | undefined, i) => {
          if (r?.contains(a.value)) out[i] = (out[i] ?? 0) + 1;
        });
      }
    }
    return out;
  },
);
