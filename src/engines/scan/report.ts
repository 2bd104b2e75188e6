/**
 * The scan: an estate snapshot (and each cluster's ARM record as a plan) → for
 * every cluster and pool, the node subnet's, pod subnet's or pod CIDR's free
 * room against the next upgrade, the autoscaler's scale-out and both at
 * maxCount; every shared range with all its pools at maxCount; and the plan's
 * findings by the same rules as `check`. The JSON form is a public contract
 * (docs/scan.md).
 */
import type { Assumption, Plan, ResolvedPlan } from "../plan/index.js";
import type { Finding } from "../validate/index.js";
import type { RangeRole, Verdict } from "./checks.js";
import type { CheckResult } from "./evaluate.js";
import type { UsedSource } from "./subnet-figures.js";
import type { EstateSnapshot, Missing, SnapshotProblem } from "./snapshot.js";

/** A cluster's ARM record read as a plan (the importers' work, as `check` does it). */
export interface ClusterPlanInput {
  readonly plan?: Plan | ResolvedPlan | undefined;
  /** Why the record is not a plan, one sentence each. */
  readonly problems?: readonly string[] | undefined;
}

export interface ScanInput {
  readonly snapshot: EstateSnapshot;
  /** Each cluster's plan, keyed by its resource ID in lower case. */
  readonly plans?: ReadonlyMap<string, ClusterPlanInput> | undefined;
}

export interface PoolReport {
  readonly name: string;
  readonly mode: "System" | "User" | "Gateway";
  /**
   * A gateway pool's public IP prefix size (`gatewayProfile.publicIPPrefixSize` of the ARM record, /28 to /31);
   * null for other pools and when the record sets none.
   */
  readonly gatewayPrefixSize: number | null;
  readonly model: string;
  readonly autoscale: boolean;
  readonly count: number;
  readonly minCount: number | null;
  readonly maxCount: number | null;
  /** maxCount with the autoscaler, else count. */
  readonly peak: number;
  readonly maxPods: number;
  readonly maxSurge: string;
  /** Surge nodes of an upgrade, counted at `peak`. */
  readonly surgeNodes: number;
  /** Addresses one node takes in the node subnet and in the pod subnet. */
  readonly perNode: { readonly nodeSubnet: number; readonly podSubnet: number };
  readonly nodeSubnetId: string | null;
  readonly podSubnetId: string | null;
  readonly powerState: string | null;
  readonly checks: readonly CheckResult[];
  readonly verdict: Verdict;
  readonly notes: readonly string[];
}

export interface PodCidrReport {
  readonly cidr: string;
  /** /24 blocks the pod CIDR holds. */
  readonly blocks: number;
  /** Blocks the running nodes hold (one per node). */
  readonly used: number;
  readonly free: number;
  /** Blocks needed beyond those in use with every pool at maxCount and its surge. */
  readonly neededAtMax: number;
  readonly verdict: Verdict;
}

export interface ClusterNetworkReport {
  readonly serviceCidrs: readonly string[] | null;
  readonly dnsServiceIp: string | null;
  readonly policy: string | null;
}

/** The API server's access profile (inspect's azure.apiServer, plus the authorized IP ranges). */
export interface ClusterApiServerReport {
  readonly vnetIntegration: boolean;
  readonly subnetId: string | null;
  /** The subnet's name: subnetId's last segment. */
  readonly subnet: string | null;
  /** The subnet's prefixes as its VNet record gives them; empty when the VNet was not read. */
  readonly prefixes: readonly string[];
  readonly private: boolean;
  readonly authorizedIpRanges: readonly string[];
}

export interface ClusterReport {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string | null;
  readonly kubernetesVersion: string | null;
  readonly model: string | null;
  readonly dataplane: string | null;
  /**
   * The service CIDRs, DNS service IP and network policy as the cluster's record states them; a value the record
   * leaves out is null (the plan's default for it is an assumption, in `assumptions`). Null when not read as a plan.
   */
  readonly network: ClusterNetworkReport | null;
  /** The record's apiServerAccessProfile; null when it has none. */
  readonly apiServer: ClusterApiServerReport | null;
  readonly verdict: Verdict;
  /** Every failing, at-risk and unknown check and every error finding, one sentence each. */
  readonly reasons: readonly string[];
  readonly pools: readonly PoolReport[];
  readonly podCidr: PodCidrReport | null;
  /** Range-wide checks on the ranges this cluster shares (or grows into). */
  readonly shared: readonly CheckResult[];
  /** The ARM record checked by the same rules as `aksnet check`. */
  readonly findings: readonly Finding[];
  readonly assumptions: readonly Assumption[];
  readonly notes: readonly string[];
}

export interface SubnetReport {
  readonly id: string;
  readonly name: string;
  readonly vnetId: string | null;
  readonly roles: readonly RangeRole[];
  readonly prefixes: readonly string[];
  readonly size: number | null;
  readonly usable: number | null;
  readonly used: number | null;
  readonly usedSource: UsedSource | null;
  readonly free: number | null;
  readonly note: string | null;
  readonly pools: readonly {
    readonly clusterId: string;
    readonly cluster: string;
    readonly pool: string;
    readonly role: RangeRole;
    readonly perNode: number;
    readonly nodes: number;
    readonly peak: number;
    readonly surge: number;
  }[];
  readonly neededAtMax: number | null;
  readonly verdict: Verdict;
  readonly check: CheckResult;
}

/** A VNet the scan read: the address space it takes and where it is peered. */
export interface VnetReport {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string | null;
  readonly addressSpace: readonly string[];
  readonly peerings: readonly { readonly name: string; readonly remoteAddressSpace: readonly string[] }[];
  /** Every subnet read in it (not only those the pools use). */
  readonly subnets: readonly { readonly id: string; readonly name: string; readonly prefixes: readonly string[] }[];
  /** How many subnets Azure says it has, when fewer were read; else null. */
  readonly subnetCount: number | null;
}

export interface ScanSummary {
  readonly clusters: number;
  readonly fails: number;
  readonly atRisk: number;
  readonly ok: number;
  readonly unknown: number;
  readonly subnets: number;
  /** Nothing was missing and every cluster has a verdict. */
  readonly complete: boolean;
}

export interface ScanReport {
  readonly summary: ScanSummary;
  readonly clusters: readonly ClusterReport[];
  readonly subnets: readonly SubnetReport[];
  /** Every VNet read (live: those the pools use; from files: every VNet in them). */
  readonly vnets: readonly VnetReport[];
  readonly missing: readonly Missing[];
  /** Entries of the snapshot left out because they were malformed (library input). */
  readonly problems: readonly SnapshotProblem[];
}
