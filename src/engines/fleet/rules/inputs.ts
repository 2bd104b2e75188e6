/**
 * What a fleet rule checks: the fleet graph, its conflicts and the pools'
 * forecast. Fleet rules are rules like `aksnet check`'s (ids, messages with
 * fixes, docs pages under docs/rules/, SARIF); their paths are fields of the fleet file.
 */
import { ruleDefiner } from "../../validate/index.js";
import type { FleetModel } from "../model.js";
import type { Conflict } from "../overlaps.js";
import type { PoolForecast } from "../pools.js";

export interface FleetInputs {
  readonly model: FleetModel;
  readonly conflicts: readonly Conflict[];
  readonly forecasts: readonly PoolForecast[];
  /** The VNet prefix length the fleet's clusters use most (the forecast's headline size). */
  readonly commonVnetBits: number;
}

export const defineFleetRule = ruleDefiner<FleetInputs>();

export const CHECKED = "2026-12-06";
