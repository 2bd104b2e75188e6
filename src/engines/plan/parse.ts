/**
 * Structural parsing of a plan: any value (from YAML or JSON) → a `Plan`, or the
 * list of schema problems. A problem names the field path and what was expected,
 * so an adapter can add the file, line and column.
 */
import type { Plan, PlanInput } from "../schema/index.js";
import { PLAN_SHAPE } from "./plan-shape.generated.js";
import { run, type StructureIssue } from "./structure.js";
import { guardArgs } from "../../ip/index.js";

/** A field of a plan as keys and array indexes, e.g. `["nodePools", 0, "maxPods"]` (empty: the whole document). */
export type FieldPath = readonly (string | number)[];

/** One structural problem: where it is (field path) and what was expected there. */
export interface SchemaProblem {
  /** Field path as keys and array indexes, e.g. `["nodePools", 0, "maxPods"]`. */
  readonly path: FieldPath;
  /** Dotted text form of `path`, e.g. `nodePools[0].maxPods` (empty for the document root). */
  readonly pathText: string;
  /** What was expected, e.g. `expected a whole number, got "ten"`. */
  readonly message: string;
}

export interface ParsePlanResult {
  /** The plan when there were no problems. */
  readonly plan?: Plan;
  readonly problems: readonly SchemaProblem[];
}

/** Renders a field path as `a.b[0].c`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = "";
  if (!Array.isArray(path)) return out; // a value from JavaScript
  for (const k of path as unknown[]) {
    const key = typeof k === "object" && k !== null ? "?" : String(k);
    if (typeof k === "number") out += `[${k}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/**
 * An issue as `structure.ts` words it; zod's issues have the same fields for these codes, and a `message` for
 * the others.
 */
export type IssueLike = StructureIssue | { readonly code: string; readonly path: readonly PropertyKey[] };

function expectation(like: IssueLike, input: unknown): string {
  const got = describeValue(valueAt(input, like.path));
  const issue = like as StructureIssue;
  switch (issue.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      return `expected ${want}, got ${got}`;
    }
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${got}`;
    case "unrecognized_keys":
      return (
        `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; check ` +
        `the spelling against the plan schema`
      );
    case "too_small":
      if (issue.origin === "array") return `expected a list with at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === "string") return "expected a non-empty string";
      return `expected a number ≥ ${String(issue.minimum)}, got ${got}`;
    case "too_big":
      return `expected at most ${String(issue.maximum)}, got ${got}`;
    case "invalid_union":
      return `expected ${unionWords(issue)}, got ${got}`;
    default:
      return `${(like as { message?: string }).message ?? like.code}, got ${got}`;
  }
}

function unionWords(issue: { readonly errors: readonly (readonly StructureIssue[])[] }): string {
  const wants = new Set<string>();
  for (const branch of issue.errors) {
    for (const i of branch) {
      if (i.code === "invalid_type") wants.add(TYPE_WORDS[i.expected] ?? i.expected);
      else if (i.code === "invalid_value") wants.add(i.values.map((v) => JSON.stringify(v)).join(" or "));
    }
  }
  return wants.size > 0 ? [...wants].join(" or ") : "a different value";
}

/** Parses a plan value. Never throws: problems are returned as data. */
export function parsePlan(value: unknown): ParsePlanResult {
  const input = value === null || value === undefined ? {} : value;
  const issues: StructureIssue[] = [];
  const plan = run(PLAN_SHAPE, input, [], issues) as Plan;
  return issues.length === 0 ? { plan, problems: [] } : { problems: problemsOf(issues, input) };
}

/** A plan built in code (every field known to be valid) with the schema's defaults; throws when it is not valid. */
export function planOf(input: PlanInput): Plan {
  const r = parsePlan(input);
  if (!r.plan)
    throw new RangeError(
      `not a valid plan: ${r.problems.map((p) => (p.pathText ? `${p.pathText}: ${p.message}` : p.message)).join("; ")}`,
    );
  return r.plan;
}

/** The top-level fields of a plan file, in schema order. */
export const PLAN_FIELDS: readonly string[] = Object.keys(PLAN_SHAPE.t === "object" ? PLAN_SHAPE.keys : {});

/** @internal Issues (zod's or `structure.ts`'s) → problems, worded the same way whichever parser found them. */
export const problemsOf = guardArgs(
  "problemsOf",
  [{ name: "issues", want: [{ path: "list", message: "text" }], words: "zod issues" }],
  function problemsOf(issues: readonly IssueLike[], input: unknown): SchemaProblem[] {
    return issues.flatMap((issue): SchemaProblem[] => {
      const path = (issue.path as readonly PropertyKey[]).filter((k): k is string | number => typeof k !== "symbol");
      if (issue.code === "unrecognized_keys") {
        // One problem per unknown key, located at the key itself.
        return (issue as { keys: readonly string[] }).keys.map((k) => ({
          path: [...path, k],
          pathText: formatPath([...path, k]),
          message: `unknown field "${k}"; check the spelling against the plan schema`,
        }));
      }
      return [{ path, pathText: formatPath(path), message: expectation(issue, input) }];
    });
  },
);

/** Whether a parsed document says it is a fleet file (`kind: FleetPlan`). */
export function isFleetDocument(value: unknown): boolean {
  return value !== null && typeof value === "object" && (value as { kind?: unknown }).kind === "FleetPlan";
}
