/** The fleet generators' input and output. */
import type { Plan } from "../../../engines/plan/index.js";
import type { GenProblem } from "../model.js";

/** One cluster of the fleet: its name in the fleet and its plan (with its VNet placed). */
export interface FleetGenCluster {
  readonly name: string;
  readonly plan: Plan;
  /** The Virtual Network Manager IPAM pool its VNet and subnets take their addresses from (`GenerateOptions`). */
  readonly ipamPool?: string | undefined;
  /** Which ranges ask the pool: the VNet and each subnet (default), or the VNet only (`GenerateOptions`). */
  readonly ipamPoolScope?: "vnetAndSubnets" | "vnetOnly" | undefined;
}

/** One generated file, its path relative to the output directory. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** A value one cluster's plan cannot be generated with. */
export interface FleetGenProblem extends GenProblem {
  readonly cluster: string;
}

export type FleetGenerateResult =
  | {
      readonly ok: true;
      readonly format: "az" | "bicep" | "terraform";
      readonly files: readonly GeneratedFile[];
      /** The module (Terraform, Bicep) or function (az) each cluster uses, in the fleet's order. */
      readonly clusters: readonly { readonly name: string; readonly module: string }[];
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly FleetGenProblem[] };
