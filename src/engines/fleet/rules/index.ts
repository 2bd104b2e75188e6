/**
 * The fleet rules `aksnet fleet check` runs; their pages are generated into
 * docs/rules/ with `aksnet check`'s rules (scripts/gen-rule-docs.ts).
 */
import type { Rule } from "../../validate/index.js";
import fleetInputInvalid from "./fleet-input-invalid.js";
import fleetMeshInvalid from "./fleet-mesh-invalid.js";
import fleetPoolExhausted from "./fleet-pool-exhausted.js";
import fleetPoolsOverlap from "./fleet-pools-overlap.js";
import fleetRangesOverlap from "./fleet-ranges-overlap.js";
import type { FleetInputs } from "./inputs.js";

export type { FleetInputs } from "./inputs.js";

/** Every fleet rule, in id order. */
export const FLEET_RULES: readonly Rule<string, FleetInputs>[] = [
  fleetInputInvalid,
  fleetMeshInvalid,
  fleetPoolExhausted,
  fleetPoolsOverlap,
  fleetRangesOverlap,
];
