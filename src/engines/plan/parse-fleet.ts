/**
 * Structural parsing of a fleet file (`kind: FleetPlan`): any value → a
 * `FleetPlan`, or the schema problems with their field paths. Never throws.
 */
import { parseWith, type SchemaProblem } from "./parse.js";
import { FleetPlanSchema, type FleetPlan } from "./schema-fleet.js";

export interface ParseFleetPlanResult {
  /** The fleet when there were no problems. */
  readonly fleet?: FleetPlan;
  readonly problems: readonly SchemaProblem[];
}

/** Fleets this module parsed: handed back as they are (a fleet of 100,000 subnets takes a noticeable time to parse). */
const PARSED = new WeakSet<object>();

/** Parses a fleet file's value (from YAML or JSON); a fleet it returned before comes back as it is. */
export function parseFleetPlan(value: unknown): ParseFleetPlanResult {
  if (typeof value === "object" && value !== null && PARSED.has(value))
    return { fleet: value as FleetPlan, problems: [] };
  const r = parseWith(FleetPlanSchema, value === null || value === undefined ? {} : value);
  if (r.value) PARSED.add(r.value);
  return r.value ? { fleet: r.value, problems: [] } : { problems: r.problems };
}

/** Whether a parsed document says it is a fleet file (`kind: FleetPlan`). */
export function isFleetDocument(value: unknown): boolean {
  return value !== null && typeof value === "object" && (value as { kind?: unknown }).kind === "FleetPlan";
}
