/** The shapes a migration plan is made of: what goes in, what comes out. */
import type { DataplaneId, ModelId } from "../../kb/index.js";

export type MigrationTarget = "overlay" | "cilium";

/** What is known about the live cluster beyond the plan (from `az aks show`, or flags). Undefined: unknown. */
export interface ClusterFacts {
  readonly identity?: "SystemAssigned" | "UserAssigned" | "ServicePrincipal";
  readonly customIpMasqAgent?: boolean;
  readonly nodeAutoProvisioning?: boolean;
}

export interface MigrateOptions {
  readonly to: MigrationTarget;
  /** The pod CIDR to use; chosen with the free-space search when absent (and not kept from kubenet). */
  readonly podCidr?: string;
  readonly facts?: ClusterFacts;
  /** The day retirements are judged on (YYYY-MM-DD); the clock's date when absent. */
  readonly today?: string;
}

/** An option the engine cannot work with; nothing is planned. */
export interface MigrateProblem {
  /** The option: `to`, `podCidr` or `today`. */
  readonly input: string;
  readonly message: string;
  readonly fix: string;
}

export interface MigrationRefusal {
  readonly problems: readonly MigrateProblem[];
}

export interface Blocker {
  readonly id: string;
  /** `hard`: the migration cannot happen; `prerequisite`: a step below removes it. */
  readonly kind: "hard" | "prerequisite";
  readonly message: string;
  readonly fix: string;
  readonly source: string;
}

/** Something the plan cannot tell; run the command on the cluster. */
export interface Check {
  readonly id: string;
  readonly message: string;
  readonly command: readonly string[];
  readonly source: string;
}

export interface Warning {
  readonly id: string;
  readonly message: string;
  readonly source: string;
}

export interface Step {
  readonly title: string;
  /** The command as argv; absent for a step that is not one command. */
  readonly command?: readonly string[];
  /** Whether the step cannot be undone. */
  readonly oneWay: boolean;
  readonly note?: string;
  readonly source: string;
}

export interface PodCidrChoice {
  readonly cidr: string;
  /** `given` by the caller, `kept` from kubenet, `chosen` by the free-space search. */
  readonly origin: "given" | "kept" | "chosen";
  /** /24 blocks needed: one per node at peak count plus surge nodes. */
  readonly blocksNeeded: number;
  /** Nodes (incl. surge) the CIDR holds: one /24 each. */
  readonly nodesSupported: number;
  readonly reason: string;
}

export interface ModelState {
  readonly model: ModelId;
  readonly dataplane: DataplaneId;
  readonly policy: string;
}

export interface Migration {
  readonly target: MigrationTarget;
  readonly from: ModelState;
  readonly to: ModelState;
  /** `ready`: no hard blocker; `blocked`: at least one; `nothing-to-do`: already there. */
  readonly status: "ready" | "blocked" | "nothing-to-do";
  readonly blockers: readonly Blocker[];
  readonly checks: readonly Check[];
  readonly warnings: readonly Warning[];
  readonly podCidr?: PodCidrChoice;
  /** Node-subnet addresses the pools reserve (peak nodes and surge) before and after, when the move changes it. */
  readonly nodeSubnetAddresses?: { readonly before: number; readonly after: number };
  readonly steps: readonly Step[];
  readonly oneWay: readonly string[];
  readonly reimage: string;
}
