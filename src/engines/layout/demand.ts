/**
 * What a subnet must hold, by what it is for: node subnets from their pools
 * (autoscaler maximum, surge, per-node addresses of the model) and the node
 * auto-provisioning pools that use them, pod subnets from their pools, and every
 * other kind from its knowledge-base facts (the API server's 9 addresses per
 * cluster, AGC's /24, a firewall's /26 …). The smallest prefix that holds it
 * stays within the kind's documented bounds.
 */
import {
  AGC_SUBNET,
  AKS_AUTOMATIC,
  APPLICATION_GATEWAY_SUBNET,
  NODE_AUTO_PROVISIONING,
  SUBNET_KINDS,
  napReplacementNodes,
  sourceUrls,
  type ModelId,
  type SubnetKindFacts,
  formatCount,
} from "../../kb/index.js";
import {
  addressesPerNode,
  nodeSubnetAddressesNeeded,
  podSubnetAddressesNeeded,
  podSubnetBlocksNeeded,
  STATIC_BLOCK_SIZE,
  staticPodSubnetPrefixLength,
  subnetPrefixLength,
  tenantAddresses,
  type PoolTarget,
} from "../capacity/index.js";
import { poolModel, poolTarget, type NapPool, type ResolvedPlan } from "../plan/index.js";
import type { LayoutKind } from "./purpose.js";
import { guardArgs } from "../../ip/index.js";

export interface Demand {
  /** Usable addresses the subnet must hold (Azure's 5 not included); null when a rule fixes the size instead. */
  readonly addresses: number | null;
  /** The longest prefix that holds it within the kind's bounds; null when no Azure subnet is large enough. */
  readonly prefixLength: number | null;
  /** The shortest prefix the kind allows (its largest size), when one is documented: growth stops there. */
  readonly minPrefixLength: number | null;
  /** Whether room to grow is of use (a firewall never needs more than its /26). */
  readonly growable: boolean;
  /** The service the subnet must be delegated to. */
  readonly delegation: string | null;
  /** How the size was found, in phrases ("pool \"user\" 10+1 surge node(s) × 1 = 11"). */
  readonly breakdown: readonly string[];
  readonly sources: readonly string[];
}

export interface DemandOverride {
  readonly prefixLength?: number | undefined;
  readonly addresses?: number | undefined;
}

const n = (x: number) => formatCount(x);

/** The subnet NAP pools without their own subnet use: Automatic's user node subnet, else the first pool's. */
export function defaultNapSubnet(plan: ResolvedPlan): string | undefined {
  return plan.plan.hostedSystem?.nodeSubnet ?? plan.pools[0]?.subnet;
}

/** Max pods of a NAP node: the pool's own, else AKSNodeClass's default for the network plugin. */
export function napMaxPods(plan: ResolvedPlan, pool: NapPool): number {
  if (pool.maxPods !== undefined) return pool.maxPods;
  const d = NODE_AUTO_PROVISIONING.maxPods.value;
  if (plan.model === "azure-cni-node-subnet") return d.defaultNodeSubnet;
  if (plan.model === "azure-cni-overlay") return d.defaultOverlay;
  if (plan.model === "byo-cni") return d.defaultNone;
  return d.defaultOther;
}

/** A NAP pool's replacement nodes: its disruption budget (a count or a percentage; default 10%). */
export function napSurge(pool: NapPool): number {
  const b = pool.disruptionBudget;
  if (typeof b === "number") return b;
  const pct = typeof b === "string" ? /^(\d{1,3})%$/.exec(b.trim()) : null;
  return napReplacementNodes(pool.maxNodes, pct ? Number(pct[1]) : undefined);
}

/** The NAP pools whose nodes land in `subnet`. */
export function napPoolsIn(plan: ResolvedPlan, subnet: string): NapPool[] {
  const np = plan.plan.nodeProvisioning;
  if (!np || np.mode !== "Auto") return [];
  const fallback = defaultNapSubnet(plan);
  return np.pools.filter((p) => (p.subnet ?? fallback) === subnet);
}

/** The prefix for `addresses` usable addresses, kept within the kind's bounds. */
function bounded(addresses: number, kind: SubnetKindFacts | undefined): number | null {
  const bits = subnetPrefixLength(addresses);
  if (bits === undefined) return null;
  if (!kind) return bits;
  const longest = Math.min(bits, kind.maxPrefixLength.value);
  return kind.minPrefixLength.value !== null && longest < kind.minPrefixLength.value ? null : longest;
}

function nodeDemand(plan: ResolvedPlan, name: string): Demand {
  const parts: string[] = [];
  let addresses = 0;
  for (const p of plan.pools.filter((x) => x.subnet === name)) {
    const model = poolModel(plan, p);
    const need = nodeSubnetAddressesNeeded(model, [poolTarget(p)]);
    const per = addressesPerNode(model, p.maxPods).nodeSubnet;
    const surge = Math.min(p.maxSurge.nodes, p.peakCount);
    parts.push(`pool "${p.name}" ${n(p.peakCount)}+${n(surge)} surge node(s) × ${n(per)} = ${n(need)}`);
    addresses += need;
  }
  for (const p of napPoolsIn(plan, name)) {
    const maxPods = napMaxPods(plan, p);
    const surge = napSurge(p);
    const target: PoolTarget = { name: p.name, nodes: p.maxNodes, maxPods, maxSurge: { kind: "count", count: surge } };
    const model: ModelId = plan.model;
    const need = nodeSubnetAddressesNeeded(model, [target]);
    const per = addressesPerNode(model, maxPods).nodeSubnet;
    parts.push(`NAP pool "${p.name}" ${n(p.maxNodes)}+${n(surge)} replacement node(s) × ${n(per)} = ${n(need)}`);
    addresses += need;
  }
  const reserved = plan.plan.reserved;
  if (plan.pools[0]?.subnet === name) {
    const ilbElsewhere = reserved.internalLoadBalancerSubnet !== undefined;
    const t = tenantAddresses({ ...reserved, ...(ilbElsewhere ? { internalLoadBalancerIps: 0 } : {}) });
    if (t > 0) {
      parts.push(`${n(t)} for load balancer, private endpoint and other addresses`);
      addresses += t;
    }
  }
  const own = plan.plan.vnet?.subnets.find((s) => s.name === name);
  const extra = (own?.privateEndpoints ?? 0) + (own?.internalLoadBalancerIps ?? 0);
  if (extra > 0) {
    parts.push(`${n(extra)} for the subnet's own private endpoints and load balancer frontends`);
    addresses += extra;
  }
  if (plan.plan.hostedSystem?.nodeSubnet === name && parts.length === 0) {
    const f = AKS_AUTOMATIC.userNodeSubnetPrefixLength;
    return {
      addresses: null,
      prefixLength: f.value,
      minPrefixLength: null,
      growable: true,
      delegation: null,
      breakdown: [`no NAP pool sizes given: /${f.value}, the size of Microsoft's AKS Automatic sample`],
      sources: sourceUrls(f),
    };
  }
  return {
    addresses,
    prefixLength: subnetPrefixLength(addresses) ?? null,
    minPrefixLength: null,
    growable: true,
    delegation: null,
    breakdown: parts.length ? parts : ["no pool uses it yet"],
    sources: ["https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning"],
  };
}

function podDemand(plan: ResolvedPlan, name: string): Demand {
  const pools = plan.pools.filter((p) => p.podSubnet === name);
  const staticPools = pools.filter((p) => poolModel(plan, p) === "azure-cni-pod-subnet-static");
  const dynamicPools = pools.filter((p) => poolModel(plan, p) !== "azure-cni-pod-subnet-static");
  const addresses = podSubnetAddressesNeeded("azure-cni-pod-subnet-dynamic", dynamicPools.map(poolTarget));
  const blocks = podSubnetBlocksNeeded("azure-cni-pod-subnet-static", staticPools.map(poolTarget));
  const parts = pools.map(
    (p) => `pool "${p.name}" ${n(p.peakCount)}+${n(Math.min(p.maxSurge.nodes, p.peakCount))} surge node(s)`,
  );
  // Static blocks need whole /28s; dynamic addresses share what is left (rounded up to whole blocks).
  const bits =
    blocks > 0
      ? (staticPodSubnetPrefixLength(blocks + Math.ceil(addresses / STATIC_BLOCK_SIZE)) ?? null)
      : (subnetPrefixLength(addresses) ?? null);
  if (blocks > 0) parts.push(`${n(blocks)} static /28 block(s)`);
  if (addresses > 0) parts.push(`${n(addresses)} dynamic pod address(es)`);
  return {
    addresses: addresses + blocks * STATIC_BLOCK_SIZE,
    prefixLength: bits,
    minPrefixLength: null,
    growable: true,
    delegation: null,
    breakdown: parts.length ? parts : ["no pool uses it yet"],
    sources: ["https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning"],
  };
}

/** Units of use a kind's subnet serves, from the plan (clusters sharing the API server subnet, ACI pods …). */
function unitsOf(plan: ResolvedPlan, kind: LayoutKind, name: string): number | undefined {
  const own = plan.plan.vnet?.subnets.find((s) => s.name === name);
  switch (kind) {
    case "apiServer":
      return plan.plan.apiServer?.clustersSharingSubnet ?? 1;
    case "virtualNodes":
      return plan.plan.addons?.virtualNodes?.maxPods;
    case "applicationGateway": {
      const g = plan.plan.addons?.applicationGateway;
      return g?.maxInstances === undefined ? undefined : g.maxInstances + (g.privateFrontend ? 1 : 0);
    }
    case "privateEndpoints":
      return own?.privateEndpoints;
    case "internalLoadBalancers":
      return plan.plan.reserved.internalLoadBalancerSubnet === name
        ? (plan.plan.reserved.internalLoadBalancerIps ?? 0) + (own?.internalLoadBalancerIps ?? 0) || undefined
        : own?.internalLoadBalancerIps;
    default:
      return undefined;
  }
}

const article = (title: string) => (/^[AEIOU]/.test(title) ? "an" : "a");

/** Overlay narrows AGC to exactly /24, and AGIC's gateway subnet to /24 or smaller. */
function overlayCap(plan: ResolvedPlan, kind: LayoutKind): number | null {
  if (plan.model !== "azure-cni-overlay") return null;
  if (kind === "applicationGatewayForContainers") return AGC_SUBNET.overlayPrefixLength.value;
  if (kind === "applicationGateway") return APPLICATION_GATEWAY_SUBNET.overlayMaxSubnet.value;
  return null;
}

function kindDemand(
  plan: ResolvedPlan,
  name: string,
  kind: Exclude<LayoutKind, "nodes" | "pods" | "systemNodes" | "other">,
): Demand {
  const k: SubnetKindFacts = SUBNET_KINDS[kind];
  const units = unitsOf(plan, kind, name);
  const cap = overlayCap(plan, kind);
  const fixedRoom =
    kind === "azureFirewall" || kind === "azureFirewallManagement" || kind === "applicationGatewayForContainers";
  const base = {
    minPrefixLength: cap ?? k.minPrefixLength.value,
    growable: !fixedRoom,
    delegation: k.delegation.value,
  };
  const sources = sourceUrls(k.recommendedPrefixLength, k.maxPrefixLength, k.unitUse);
  if (units !== undefined && k.unitUse.value) {
    const addresses = units * k.unitUse.value.addresses;
    const bits = bounded(addresses, k);
    return {
      ...base,
      addresses,
      prefixLength: bits === null || cap === null || bits >= cap ? bits : null,
      breakdown: [`${n(units)} ${k.unitUse.value.unit}(s) × ${n(k.unitUse.value.addresses)} = ${n(addresses)}`],
      sources,
    };
  }
  const bits = cap ?? k.recommendedPrefixLength.value;
  return {
    ...base,
    addresses: null,
    prefixLength: bits,
    breakdown: [
      cap !== null && kind === "applicationGatewayForContainers"
        ? `/${bits}: with Azure CNI Overlay the subnet must be exactly /${bits}`
        : `/${bits}: ${k.recommendedPrefixLength.derived ? "aksnet's default" : "the size Microsoft recommends"} for ` +
          `${article(k.title)} ${k.title}`,
    ],
    sources,
  };
}

/** What the subnet `name` of kind `kind` must hold; `override` (from the layout section) wins where given. */
export const subnetDemand = guardArgs(
  "subnetDemand",
  [
    {
      name: "plan",
      want: { plan: "object", model: "text", pools: "list", subnets: "list" },
      words: "a resolved plan (resolvePlan)",
    },
    { name: "name", want: "text", words: "a subnet name" },
    { name: "kind", want: "text", words: "a subnet kind" },
  ],
  function subnetDemand(plan: ResolvedPlan, name: string, kind: LayoutKind, override: DemandOverride = {}): Demand {
    let d: Demand;
    if (kind === "nodes") d = nodeDemand(plan, name);
    else if (kind === "pods") d = podDemand(plan, name);
    else if (kind === "systemNodes") {
      const f = AKS_AUTOMATIC.systemNodeSubnetPrefixLength;
      d = {
        addresses: null,
        prefixLength: f.value,
        minPrefixLength: null,
        growable: true,
        delegation: null,
        breakdown: [`/${f.value}: the smallest system node subnet AKS Automatic's managed system node pools take`],
        sources: sourceUrls(f),
      };
    } else if (kind === "other")
      d = {
        addresses: null,
        prefixLength: null,
        minPrefixLength: null,
        growable: true,
        delegation: null,
        breakdown: ["nothing says what it holds: give layout.subnets[].prefixLength or addresses"],
        sources: [],
      };
    else d = kindDemand(plan, name, kind);
    if (override.prefixLength !== undefined)
      return {
        ...d,
        prefixLength: override.prefixLength,
        breakdown: [`/${override.prefixLength}, as layout.subnets asks`],
      };
    if (override.addresses !== undefined) {
      const k = kind in SUBNET_KINDS ? SUBNET_KINDS[kind as keyof typeof SUBNET_KINDS] : undefined;
      return {
        ...d,
        addresses: override.addresses,
        prefixLength: bounded(override.addresses, k),
        breakdown: [`${n(override.addresses)} address(es), as layout.subnets asks`],
      };
    }
    return d;
  },
);
