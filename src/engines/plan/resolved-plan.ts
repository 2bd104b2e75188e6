/**
 * The resolved plan: every AKS default filled in for the stated Kubernetes
 * version, the network model named, CIDR text parsed where it parses, and the
 * list of assumptions made on the way. Engines take this shape.
 */
import type { Prefix } from "../../ip/index.js";
import type { DataplaneId, KubernetesVersion, ModelId, SkuTier } from "../../kb/index.js";
import type { FieldPath } from "./parse.js";
import type { Plan } from "../schema/index.js";

/** A default or interpretation the resolver chose, so every output can say what it assumed. */
export interface Assumption {
  /** Field path the assumption fills, e.g. `nodePools[0].maxSurge`. */
  readonly path: string;
  /** The value assumed, as text. */
  readonly value: string;
  /** Why, in one sentence. */
  readonly reason: string;
  /** Where the fact comes from (URL or `repo:path`). */
  readonly source: string;
  /** Other documented values, when AKS's own sources disagree. */
  readonly alternatives?: readonly { readonly value: string; readonly meaning: string; readonly source: string }[];
}

/** A CIDR as written and, when it parses, as a prefix. */
export interface CidrField {
  /** Field path of the text, e.g. `["network", "podCidrs", 0]`. */
  readonly path: FieldPath;
  readonly text: string;
  /** The parsed prefix (not masked: `10.0.0.1/16` stays as written); absent when the text does not parse. */
  readonly prefix?: Prefix;
  /** Why it does not parse, when it does not. */
  readonly problem?: string;
}

export interface ResolvedSubnet extends CidrField {
  readonly name: string;
  readonly index: number;
  readonly delegation?: string;
}

export interface ResolvedMaxSurge {
  /** As written or defaulted: `"10%"` or `"1"`. */
  readonly text: string;
  /**
   * Extra nodes during an upgrade for the pool's largest node count (a percentage rounded up, a count capped at
   * the node count; 0 for Spot pools, which upgrade without surge nodes).
   */
  readonly nodes: number;
  /** Whether the value was not set and came from a default. */
  readonly defaulted: boolean;
  /** Whether the text is a count or a percentage (when not, `nodes` assumes 1 and a rule reports it). */
  readonly valid: boolean;
}

/** `maxUnavailable`: nodes upgraded in place at a time (cordoned and drained; no surge node, no addresses). */
export interface ResolvedMaxUnavailable {
  /** As written or defaulted: `"0"`, `"2"` or `"10%"`. */
  readonly text: string;
  /** Nodes of the pool's largest node count upgraded in place at a time (a percentage rounded up). */
  readonly nodes: number;
  readonly defaulted: boolean;
  /** Whether the text is a count or a percentage (when not, `nodes` is 0 and a rule reports it). */
  readonly valid: boolean;
}

export interface ResolvedPool {
  readonly index: number;
  readonly name: string;
  readonly mode: "System" | "User" | "Gateway";
  readonly os: "Linux" | "Windows2019" | "Windows2022" | "Windows2025";
  /** Whether the cluster autoscaler runs on the pool (minCount or maxCount set). */
  readonly autoscale: boolean;
  /** Current/initial node count (the autoscaler minimum when only bounds are given; 0 if unknown). */
  readonly count: number;
  readonly minCount?: number;
  readonly maxCount?: number;
  /** The most nodes the pool may run (maxCount with the autoscaler, else count); AKS reserves addresses for these. */
  readonly peakCount: number;
  readonly maxPods: number;
  readonly maxPodsDefaulted: boolean;
  readonly maxSurge: ResolvedMaxSurge;
  readonly maxUnavailable: ResolvedMaxUnavailable;
  /** Spot pools are evictable and upgrade without surge nodes. */
  readonly priority: "Regular" | "Spot";
  readonly subnet?: string;
  readonly podSubnet?: string;
  readonly podIpAllocation?: "DynamicIndividual" | "StaticBlock";
}

export interface ResolvedKubernetesVersion extends KubernetesVersion {
  /** As AKS writes it: "1.33" or "1.33.2". */
  readonly text: string;
}

export interface ResolvedPlan {
  /** The plan as parsed (schema defaults only). */
  readonly plan: Plan;
  readonly kubernetesVersion?: ResolvedKubernetesVersion;
  /** The pricing tier (`sku.tier`, or the API default Free): it sets the cluster's node limit. */
  readonly tier: SkuTier;
  readonly plugin: "azure" | "kubenet" | "none";
  readonly pluginMode?: "overlay";
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
  readonly policy: "none" | "azure" | "calico" | "cilium";
  readonly ipFamilies: readonly ("IPv4" | "IPv6")[];
  /** Pod CIDRs for the models that use one (kubenet, overlay, BYO CNI); empty otherwise. */
  readonly podCidrs: readonly CidrField[];
  readonly serviceCidrs: readonly CidrField[];
  readonly dnsServiceIp: { readonly path: FieldPath; readonly text: string };
  readonly outboundType: string;
  readonly vnetAddressSpace: readonly CidrField[];
  readonly subnets: readonly ResolvedSubnet[];
  readonly connectedNetworks: readonly {
    readonly name: string;
    readonly index: number;
    readonly cidrs: readonly CidrField[];
  }[];
  readonly pools: readonly ResolvedPool[];
  readonly assumptions: readonly Assumption[];
}

/** Reports whether a value is a resolved plan rather than a parsed one. */
export function isResolvedPlan(p: Plan | ResolvedPlan): p is ResolvedPlan {
  return typeof p === "object" && p !== null && "assumptions" in p && "model" in p;
}
