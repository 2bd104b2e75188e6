/**
 * Where pod addresses fall relative to the nodes: inside the node's own pod
 * range (kubenet, Overlay), among the node addresses (node subnet), or
 * elsewhere (a pod subnet, a separate range). A pure function of the snapshot.
 */
import { prefixFrom, tryParseAddr, tryParsePrefix, type Addr, type Prefix } from "../../ip/index.js";
import type { ClusterSnapshot, SnapshotPod } from "./snapshot.js";
import { guardArgs, POD, SNAPSHOT } from "./guard-args.js";

export interface PodPlacement {
  /** Pods holding an address of their own: not host-network, not finished, with an IP. */
  readonly podsWithIp: number;
  /**
   * Of those, how many lie inside their node's pod range (`spec.podCIDR(s)`, or its NodeNetworkConfig's overlay block).
   */
  readonly inNodePodRange: number;
  /**
   * The smallest prefix holding every IPv4 node address, widened to at least a
   * /24 (an Azure node subnet is rarely smaller); a heuristic stand-in for the
   * node subnet when its CIDR is not given.
   */
  readonly nodeAddressSpan: string | undefined;
  /** Pod addresses inside `nodeAddressSpan`. */
  readonly inNodeAddressSpan: number;
}

/** Whether the pod holds an address of its own (host-network pods use the node's). */
export const holdsPodAddress = guardArgs("holdsPodAddress", [POD], function holdsPodAddress(p: SnapshotPod): boolean {
  return !p.hostNetwork && p.ips.length > 0 && p.phase !== "Succeeded" && p.phase !== "Failed";
});

/** The smallest IPv4 prefix holding all the addresses, no longer than `maxBits`. */
export function spanOf(addrs: readonly Addr[], maxBits = 24): Prefix | undefined {
  const v4 = addrs.filter((a) => a.family === 4);
  if (v4.length === 0) return undefined;
  let lo = v4[0] as Addr;
  let hi = lo;
  for (const a of v4) {
    if (a.v4 < lo.v4) lo = a;
    if (a.v4 > hi.v4) hi = a;
  }
  const diff = (lo.v4 ^ hi.v4) >>> 0;
  const common = diff === 0 ? 32 : Math.clz32(diff);
  return prefixFrom(lo, Math.min(common, maxBits)).masked();
}

/**
 * Each node's pod range as text: `spec.podCIDR(s)` when set, else the overlay block of its NodeNetworkConfig
 * (recorded AKS Overlay nodes carry no spec.podCIDR; the NodeNetworkConfig's overlay container has the /24).
 */
export function nodeRangeTexts(
  s: ClusterSnapshot,
): Map<string, { cidrs: readonly string[]; from: "spec.podCIDR" | "NodeNetworkConfig" }> {
  const blocks = new Map<string, string[]>();
  for (const nnc of s.nodeNetworkConfigs)
    for (const c of nnc.containers)
      if (c.type === "overlay" && c.primaryIp?.includes("/"))
        blocks.set(nnc.name, [...(blocks.get(nnc.name) ?? []), c.primaryIp]);
  const out = new Map<string, { cidrs: readonly string[]; from: "spec.podCIDR" | "NodeNetworkConfig" }>();
  for (const n of s.nodes) {
    if (n.podCidrs.length) out.set(n.name, { cidrs: n.podCidrs, from: "spec.podCIDR" });
    else {
      const b = blocks.get(n.name);
      if (b) out.set(n.name, { cidrs: b, from: "NodeNetworkConfig" });
    }
  }
  return out;
}

export const podPlacement = guardArgs(
  "podPlacement",
  [SNAPSHOT],
  function podPlacement(s: ClusterSnapshot): PodPlacement {
    const nodeRanges = new Map<string, Prefix[]>();
    const nodeAddrs: Addr[] = [];
    const texts = nodeRangeTexts(s);
    for (const n of s.nodes) {
      const ranges: Prefix[] = [];
      for (const c of texts.get(n.name)?.cidrs ?? []) {
        const r = tryParsePrefix(c);
        if (r.ok) ranges.push(r.value);
      }
      nodeRanges.set(n.name, ranges);
      for (const ip of n.internalIps) {
        const a = tryParseAddr(ip);
        if (a.ok) nodeAddrs.push(a.value);
      }
    }
    const span = spanOf(nodeAddrs);
    let podsWithIp = 0;
    let inNodePodRange = 0;
    let inSpan = 0;
    for (const p of s.pods) {
      if (!holdsPodAddress(p)) continue;
      podsWithIp++;
      const a = tryParseAddr(p.ips[0] as string);
      if (!a.ok) continue;
      const ranges = p.node === undefined ? undefined : nodeRanges.get(p.node);
      if (ranges?.some((r) => r.contains(a.value))) inNodePodRange++;
      if (span?.contains(a.value)) inSpan++;
    }
    return { podsWithIp, inNodePodRange, nodeAddressSpan: span?.toString(), inNodeAddressSpan: inSpan };
  },
);
