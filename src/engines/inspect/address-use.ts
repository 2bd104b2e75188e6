/**
 * Address use per range: the pod CIDR's /24 blocks (kubenet, Overlay, BYO
 * CNI), the pod subnets' addresses (from NodeNetworkConfigs) and the node
 * subnets a configuration names. Pure: the snapshot, the verdict and the
 * configured cluster in, the ranges out.
 *
 * Per-node costs are the capacity engine's (`addressesPerNode`, `podCidrBlocks`,
 * `usableAddresses`), which take them from the knowledge base with their sources.
 */
import { tryParseAddr, tryParsePrefix } from "../../ip/index.js";
import { DEFAULT_CIDRS, type ModelId } from "../../kb/index.js";
import { addressesPerNode, POD_CIDR_BLOCK_BITS, podCidrBlocks, usableAddresses } from "../capacity/index.js";
import type { Classification } from "./classify.js";
import type { ConfiguredCluster } from "./configured-cluster.js";
import type { ClusterSnapshot } from "./snapshot.js";
import { podAddressesIn, type NodeUse } from "./node-use.js";
import { CLASSIFICATION, guardArgs, listParam, SNAPSHOT } from "./guard-args.js";

export type RangeRole = "node-subnet" | "pod-cidr" | "pod-subnet";
/** `azure`: the VNet usage API's figures (`inspect --azure`): the addresses everything in the subnet holds. */
export type RangeSource = "configuration" | "node-network-config" | "assumed-default" | "azure";

export interface AddressUse {
  readonly role: RangeRole;
  readonly cidr: string;
  /** Where the CIDR came from; `assumed-default` means the cluster did not say and AKS's default fits what was seen. */
  readonly source: RangeSource;
  /** What `total`/`used`/`free` count: /24 blocks (a pod CIDR) or addresses (a VNet subnet, after Azure's 5). */
  readonly unit: "/24 blocks" | "addresses";
  readonly total: number;
  readonly used: number;
  readonly free: number;
  /** Pod addresses seen inside the range. */
  readonly podAddresses: number;
  /** What one more node takes from this range, in `unit`. */
  readonly perNode: number;
}

/** Where the pod CIDRs come from: the configuration, else the NodeNetworkConfigs, else the default if nodes fit it. */
function podCidrsOf(
  s: ClusterSnapshot,
  nodes: readonly NodeUse[],
  configured: ConfiguredCluster | undefined,
): { cidr: string; source: RangeSource }[] {
  const given = (configured?.podCidrs ?? []).map((cidr) => ({ cidr, source: "configuration" as const }));
  if (given.length > 0) return given;
  const fromNnc = [
    ...new Set(
      s.nodeNetworkConfigs.flatMap((n) =>
        n.containers.filter((c) => c.type === "overlay").map((c) => c.subnetAddressSpace ?? ""),
      ),
    ),
  ].filter(Boolean);
  if (fromNnc.length > 0) return fromNnc.map((cidr) => ({ cidr, source: "node-network-config" as const }));
  if (!nodes.some((n) => n.podCidrs.length > 0)) return [];
  const def = tryParsePrefix(DEFAULT_CIDRS.podCidr.value);
  const inDefault =
    def.ok &&
    nodes
      .flatMap((n) => n.podCidrs)
      .every((c) => {
        const p = tryParsePrefix(c);
        return !p.ok || p.value.family !== 4 || def.value.contains(p.value);
      });
  return inDefault ? [{ cidr: DEFAULT_CIDRS.podCidr.value, source: "assumed-default" }] : [];
}

/**
 * The pod CIDRs of kubenet, Overlay and BYO CNI: the configured ones, else the NodeNetworkConfigs', else the default.
 */
function podCidrUse(
  s: ClusterSnapshot,
  model: ModelId,
  nodes: readonly NodeUse[],
  configured: ConfiguredCluster | undefined,
): AddressUse[] {
  const out: AddressUse[] = [];
  const cidrs = podCidrsOf(s, nodes, configured);
  const counts = podAddressesIn(
    s,
    cidrs.map((c) => c.cidr),
  );
  cidrs.forEach(({ cidr, source }, i) => {
    const p = tryParsePrefix(cidr);
    if (!p.ok || p.value.family !== 4 || p.value.bits > POD_CIDR_BLOCK_BITS) return;
    const pc = p.value.masked();
    const total = podCidrBlocks(pc);
    const used = nodes.filter((n) =>
      n.podCidrs.some((c) => {
        const q = tryParsePrefix(c);
        return q.ok && pc.contains(q.value);
      }),
    ).length;
    // Overlay nodes may carry no spec.podCIDR: each node still holds one /24.
    const blocks = Math.max(used, model === "azure-cni-overlay" ? nodes.length : used);
    out.push({
      role: "pod-cidr",
      cidr: pc.toString(),
      source,
      unit: "/24 blocks",
      total,
      used: blocks,
      free: Math.max(0, total - blocks),
      podAddresses: counts[i] ?? 0,
      perNode: 1,
    });
  });
  return out;
}

/** The pod subnets of the pod subnet models, as their NodeNetworkConfigs hold them. */
function podSubnetUse(s: ClusterSnapshot, nodes: readonly NodeUse[]): AddressUse[] {
  const out: AddressUse[] = [];
  const bySubnet = new Map<string, { type: string; assigned: number; nodes: Set<string> }>();
  for (const nnc of s.nodeNetworkConfigs) {
    for (const c of nnc.containers) {
      if (!c.subnetAddressSpace || c.type === "overlay") continue;
      let e = bySubnet.get(c.subnetAddressSpace);
      if (!e) bySubnet.set(c.subnetAddressSpace, (e = { type: c.type ?? "vnet", assigned: 0, nodes: new Set() }));
      e.assigned += c.assignedIps;
      e.nodes.add(nnc.name);
    }
  }
  const cidrs = [...bySubnet.keys()].sort();
  const counts = podAddressesIn(s, cidrs);
  cidrs.forEach((cidr, i) => {
    const e = bySubnet.get(cidr);
    const p = tryParsePrefix(cidr);
    if (!e || !p.ok) return;
    const usable = usableAddresses(p.value.masked());
    const model: ModelId = e.type === "vnetblock" ? "azure-cni-pod-subnet-static" : "azure-cni-pod-subnet-dynamic";
    const maxPods = Math.max(0, ...nodes.filter((n) => e.nodes.has(n.name)).map((n) => n.maxPods ?? 0));
    // What one more node can take when full (the capacity engine's planning figure).
    const perNode = addressesPerNode(model, maxPods).podSubnet;
    // Static blocks are held whole for the node's lifetime; dynamic addresses are what CNS was handed.
    const used =
      e.type === "vnetblock"
        ? nodes
            .filter((n) => e.nodes.has(n.name))
            .reduce((a, n) => a + addressesPerNode(model, n.maxPods ?? maxPods).podSubnet, 0)
        : e.assigned;
    out.push({
      role: "pod-subnet",
      cidr: p.value.masked().toString(),
      source: "node-network-config",
      unit: "addresses",
      total: usable,
      used,
      free: Math.max(0, usable - used),
      podAddresses: counts[i] ?? 0,
      perNode,
    });
  });
  return out;
}

/**
 * Node subnets named by the configuration (a plan's VNet section): the range SubnetIsFull / InsufficientSubnetSize
 * speak of.
 */
function nodeSubnetUse(
  s: ClusterSnapshot,
  model: ModelId,
  nodes: readonly NodeUse[],
  configured: ConfiguredCluster,
): AddressUse[] {
  const out: AddressUse[] = [];
  const cidrs = [
    ...new Set(configured.pools.map((p) => p.subnetCidr).filter((c): c is string => c !== undefined)),
  ].sort();
  for (const cidr of cidrs) {
    const p = tryParsePrefix(cidr);
    if (!p.ok || p.value.family !== 4) continue;
    const subnet = p.value.masked();
    const inSubnet = nodes.filter((n) =>
      n.internalIps.some((ip) => {
        const a = tryParseAddr(ip);
        return a.ok && subnet.contains(a.value);
      }),
    );
    const maxPods = Math.max(0, ...configured.pools.filter((x) => x.subnetCidr === cidr).map((x) => x.maxPods));
    const used = inSubnet.reduce((a, n) => a + addressesPerNode(model, n.maxPods ?? maxPods).nodeSubnet, 0);
    const total = usableAddresses(subnet);
    out.push({
      role: "node-subnet",
      cidr: subnet.toString(),
      source: "configuration",
      unit: "addresses",
      total,
      used,
      free: Math.max(0, total - used),
      podAddresses: model === "azure-cni-node-subnet" ? (podAddressesIn(s, [subnet.toString()])[0] ?? 0) : 0,
      perNode: addressesPerNode(model, maxPods).nodeSubnet,
    });
  }
  return out;
}

/** The ranges pods take addresses from, with their use: node subnets first (last configured first), then pod ranges. */
export const rangeUse = guardArgs(
  "rangeUse",
  [SNAPSHOT, CLASSIFICATION, listParam("nodes", "the node use (nodeUse)")],
  function rangeUse(
    s: ClusterSnapshot,
    v: Classification,
    nodes: readonly NodeUse[],
    configured: ConfiguredCluster | undefined,
  ): AddressUse[] {
    const model = v.model;
    const pods =
      model === "kubenet" || model === "azure-cni-overlay" || model === "byo-cni"
        ? podCidrUse(s, model, nodes, configured)
        : model === "azure-cni-pod-subnet-dynamic" || model === "azure-cni-pod-subnet-static"
          ? podSubnetUse(s, nodes)
          : [];
    const nodeSubnets = model !== "unknown" && configured ? nodeSubnetUse(s, model, nodes, configured) : [];
    return [...nodeSubnets.reverse(), ...pods];
  },
);
