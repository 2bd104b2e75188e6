/**
 * Structural parsing of a fleet file (`kind: FleetPlan`): any value → a
 * `FleetPlan`, or the schema problems with their field paths (worded like a plan's). Never throws.
 */
import type { z } from "zod";
import { problemsOf, type IssueLike, type SchemaProblem } from "../plan/index.js";
import { FleetPlanSchema, type FleetPlan } from "./schema-fleet.js";
import { guardArgs, type Param } from "../../ip/index.js";

export interface ParseFleetPlanResult {
  /** The fleet when there were no problems. */
  readonly fleet?: FleetPlan;
  readonly problems: readonly SchemaProblem[];
}

const SCHEMA: Param = { name: "schema", want: { safeParse: "function" }, words: "a zod schema" };

/** @internal Parses a value with a zod schema into the value or the problems, worded like `parsePlan`'s. */
export const parseWith = guardArgs("parseWith", [SCHEMA], function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { readonly value?: T; readonly problems: readonly SchemaProblem[] } {
  const r = schema.safeParse(input);
  if (r.success) return { value: r.data, problems: [] };
  return { problems: problemsOf(r.error.issues as readonly IssueLike[], input) };
});

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
