/**
 * The migration being planned: what the plan says about the cluster, decided once,
 * and the lists each planning step appends to.
 */
import type { Prefix } from "../../ip/index.js";
import { MIGRATION, type Sourced } from "../../kb/index.js";
import type { ResolvedPlan } from "../plan/index.js";
import type { Blocker, Check, ClusterFacts, MigrationTarget, PodCidrChoice, Step, Warning } from "./types.js";

export interface Draft {
  readonly plan: ResolvedPlan;
  readonly to: MigrationTarget;
  readonly facts: ClusterFacts;
  /** A pod CIDR the caller gave, already parsed. */
  readonly givenPodCidr?: Prefix;
  readonly today: string;
  readonly name: string;
  readonly rg: string;
  /** The IPAM mode moves to Overlay (asked for, or needed first: kubenet cannot take Cilium). */
  readonly needsOverlay: boolean;
  readonly needsCilium: boolean;
  readonly windowsPools: readonly string[];
  readonly dualStack: boolean;
  readonly blockers: Blocker[];
  readonly checks: Check[];
  readonly warnings: Warning[];
  readonly steps: Step[];
  readonly oneWay: string[];
  podCidr?: PodCidrChoice;
  /** The policy engine in force after the steps. */
  policyAfter: string;
  /** Updates among the steps that reimage every node pool. */
  reimages: number;
}

export function draftOf(
  plan: ResolvedPlan,
  to: MigrationTarget,
  facts: ClusterFacts,
  today: string,
  givenPodCidr?: Prefix,
): Draft {
  return {
    plan,
    to,
    facts,
    ...(givenPodCidr ? { givenPodCidr } : {}),
    today,
    name: plan.plan.name ?? "<cluster-name>",
    rg: plan.plan.resourceGroup ?? "<resource-group>",
    needsOverlay: plan.model !== "azure-cni-overlay" && (to === "overlay" || plan.model === "kubenet"),
    needsCilium: to === "cilium" && plan.dataplane !== "cilium",
    windowsPools: plan.pools.filter((p) => p.os.startsWith("Windows")).map((p) => p.name),
    dualStack: plan.ipFamilies.includes("IPv6"),
    blockers: [],
    checks: [],
    warnings: [],
    steps: [],
    oneWay: [],
    policyAfter: plan.policy,
    reimages: 0,
  };
}

/** `az aks update` for the draft's cluster with the given flags. */
export function update(d: Draft, ...flags: string[]): string[] {
  return ["az", "aks", "update", "--resource-group", d.rg, "--name", d.name, ...flags];
}

/** `az aks show … --query Q --output tsv` for the draft's cluster. */
export function show(d: Draft, query: string): string[] {
  return ["az", "aks", "show", "--resource-group", d.rg, "--name", d.name, "--query", query, "--output", "tsv"];
}

/** The sources of facts, joined. */
export function src(...facts: readonly Sourced<unknown>[]): string {
  return [...new Set(facts.flatMap((f) => f.source.map((s) => s.url)))].join("; ");
}

/** "1.27" as numbers. */
function minorOf(v: string): { major: number; minor: number } {
  const [major = 1, minor = 0] = v.split(".").map(Number);
  return { major, minor };
}

/** Whether the plan's Kubernetes version is below `min` ("1.27"); undefined when the plan states none. */
export function versionBelow(plan: ResolvedPlan, min: string): boolean | undefined {
  const v = plan.kubernetesVersion;
  if (!v) return undefined;
  const m = minorOf(min);
  return v.major < m.major || (v.major === m.major && v.minor < m.minor);
}

/** The reimage text, once for each update. */
export function reimageText(d: Draft): string {
  const times = d.reimages === 2 ? "twice" : d.reimages === 3 ? "three times" : `${d.reimages} times`;
  return `${MIGRATION.reimage.value}${d.reimages > 1 ? ` It happens ${times}: once for each update.` : ""}`;
}
