/**
 * Infrastructure code for a plan: an az CLI bash script, Bicep or Terraform.
 * Every value is checked before it is written (`toGenPlan`), and every value a
 * format cannot express as AKS would run it is refused (`support.ts`); a refused
 * value is a problem in the result, never partial output.
 * @module
 */
import type { Plan } from "../../engines/plan/index.js";
import { generateAz } from "./az.js";
import { generateBicep } from "./bicep.js";
import { GENERATE_FORMATS, toGenPlan, type GenerateFormat, type GenPlanResult, type GenProblem } from "./model.js";
import { refusals } from "./support.js";
import { automaticRefusals } from "./automatic.js";
import { generateTerraform } from "./terraform.js";
import type { IpamPoolScope } from "./check-ipam.js";

export { GENERATE_FORMATS, type GenerateFormat } from "./model.js";

export type GenerateResult =
  | {
      readonly ok: true;
      readonly format: GenerateFormat;
      /** The generated file's text. */
      readonly text: string;
      /** What was assumed and where the target tool cannot express the plan as AKS would run it. */
      readonly notes: readonly string[];
      /** What the output leaves out, so AKS's default applies: `path: value`. */
      readonly aksDefaults: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly GenProblem[] };

export interface GenerateOptions {
  /** Reference the plan's VNet and subnets as existing resources instead of creating them. */
  readonly existingVnet?: boolean;
  /**
   * A Virtual Network Manager IPAM pool's resource ID: the VNet and subnets take their addresses from it, each asking
   * for as many addresses as its planned CIDR holds (`ipamPoolPrefixAllocations`), instead of naming the CIDRs.
   */
  readonly ipamPool?: string | undefined;
  /**
   * With `ipamPool`: `vnetAndSubnets` (the default: the VNet and each subnet ask the pool) or `vnetOnly` (the VNet
   * asks the pool; its subnets take explicit prefixes inside the allocated range, at their planned offsets).
   */
  readonly ipamPoolScope?: IpamPoolScope | undefined;
}

/** Generates infrastructure code for the plan in the given format. */
export function generate(plan: Plan, format: GenerateFormat, options: GenerateOptions = {}): GenerateResult {
  // Values from JavaScript: a format that is none, a value that is not a plan, options that are not an object.
  if (!(GENERATE_FORMATS as readonly unknown[]).includes(format))
    return {
      ok: false,
      problems: [{ path: "format", value: "", reason: `is not one of ${GENERATE_FORMATS.join(", ")}` }],
    };
  let checked: GenPlanResult;
  try {
    checked = toGenPlan(plan, typeof options === "object" && options !== null ? options : {});
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, problems: [{ path: "", value: "", reason: e.message }] };
  }
  if (!checked.ok) return checked;
  const refused = [
    ...refusals(checked.plan, format),
    ...(format === "terraform" ? automaticRefusals(checked.plan) : []),
  ];
  if (refused.length > 0) return { ok: false, problems: refused };
  const r =
    format === "az"
      ? generateAz(checked.plan)
      : format === "bicep"
        ? generateBicep(checked.plan)
        : generateTerraform(checked.plan);
  return { ok: true, format, text: r.text, notes: r.notes, aksDefaults: checked.plan.aksDefaults };
}

export { toGenPlan, type GenPlan, type GenPool, type GenProblem, type GenPlanResult } from "./model.js";
export { shellQuote, bicepString, hclString } from "./quote.js";
export { formatName } from "./support.js";
export { IPAM_POOL_SCOPES, type IpamPoolScope } from "./check-ipam.js";
export {
  generateFleet,
  fleetPeerings,
  type FleetGenCluster,
  type FleetGenerateResult,
  type FleetGenProblem,
  type GeneratedFile,
} from "./fleet/index.js";
