/**
 * Structural parsing of a plan: any value (from YAML or JSON) → a `Plan`, or the
 * list of schema problems. A problem names the field path and what was expected,
 * so an adapter can add the file, line and column.
 */
import type { z } from "zod";
import { PlanSchema, type Plan } from "./schema.js";

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
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else out += out === "" ? String(k) : `.${String(k)}`;
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

function expectation(issue: z.core.$ZodIssue, input: unknown): string {
  const got = describeValue(valueAt(input, issue.path));
  switch (issue.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      return `expected ${want}, got ${got}`;
    }
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${got}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling against the plan schema`;
    case "too_small":
      if (issue.origin === "array") return `expected a list with at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === "string") return "expected a non-empty string";
      return `expected a number ≥ ${String(issue.minimum)}, got ${got}`;
    case "too_big":
      return `expected at most ${String(issue.maximum)}, got ${got}`;
    case "invalid_union":
      return `expected ${unionWords(issue)}, got ${got}`;
    default:
      return `${issue.message}, got ${got}`;
  }
}

function unionWords(issue: z.core.$ZodIssueInvalidUnion): string {
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
  const r = parseWith(PlanSchema, value === null || value === undefined ? {} : value);
  return r.value ? { plan: r.value, problems: [] } : { problems: r.problems };
}

/** @internal Parses a value with a zod schema into the value or the problems, worded like `parsePlan`'s. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { readonly value?: T; readonly problems: readonly SchemaProblem[] } {
  const r = schema.safeParse(input);
  if (r.success) return { value: r.data, problems: [] };
  const problems = r.error.issues.flatMap((issue): SchemaProblem[] => {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") {
      // One problem per unknown key, located at the key itself.
      return issue.keys.map((k) => ({
        path: [...path, k],
        pathText: formatPath([...path, k]),
        message: `unknown field "${k}"; check the spelling against the plan schema`,
      }));
    }
    return [{ path, pathText: formatPath(path), message: expectation(issue, input) }];
  });
  return { problems };
}
