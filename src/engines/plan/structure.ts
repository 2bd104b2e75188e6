/**
 * The plan file's structural check without zod: the plan schema's shape (`plan-shape.generated.ts`, written by
 * `npm run generate` from the zod schema in `src/engines/schema/`) interpreted the way zod 4 parses it, issue
 * for issue and default for default. Why: zod and the plan schema cost `aksnet check` about 40 ms of every start
 * (loading zod, building ~1,000 schema objects, compiling its fast paths on the first parse); this walk costs
 * well under 1 ms. `src/engines/schema/structure.property.test.ts` checks it against zod on random plans.
 */

/** A check zod runs after the type matched (in order; an aborting issue stops the later ones). */
export type ShapeCheck =
  | { readonly c: "int" }
  | { readonly c: "min"; readonly value: number; readonly inclusive: boolean }
  | { readonly c: "max"; readonly value: number; readonly inclusive: boolean }
  | { readonly c: "minLength"; readonly value: number };

/** The part of a zod schema the plan uses, as data. */
export type Shape =
  | { readonly t: "object"; readonly keys: { readonly [key: string]: Shape } }
  | { readonly t: "optional"; readonly of: Shape }
  | { readonly t: "default"; readonly of: Shape; readonly value: unknown }
  | { readonly t: "string" | "number"; readonly checks: readonly ShapeCheck[] }
  | { readonly t: "array"; readonly of: Shape; readonly checks: readonly ShapeCheck[] }
  | { readonly t: "boolean" }
  | { readonly t: "enum"; readonly values: readonly unknown[] }
  | { readonly t: "union"; readonly of: readonly Shape[] };

/** An issue as zod words it (the fields `parse.ts` reads). */
export type StructureIssue = { readonly path: readonly (string | number)[]; readonly continue?: boolean } & (
  | { readonly code: "invalid_type"; readonly expected: string }
  | { readonly code: "invalid_value"; readonly values: readonly unknown[] }
  | { readonly code: "unrecognized_keys"; readonly keys: readonly string[] }
  | { readonly code: "too_small"; readonly origin: string; readonly minimum: number }
  | { readonly code: "too_big"; readonly origin: string; readonly maximum: number }
  | { readonly code: "invalid_union"; readonly errors: readonly (readonly StructureIssue[])[] }
);

type Path = readonly (string | number)[];

/** Whether an issue from `start` on stops later checks (zod: `continue` is not true). */
function aborted(issues: readonly StructureIssue[], start = 0): boolean {
  for (let i = start; i < issues.length; i++) if (issues[i]!.continue !== true) return true;
  return false;
}

function explicitlyAborted(issues: readonly StructureIssue[], start: number): boolean {
  for (let i = start; i < issues.length; i++) if (issues[i]!.continue === false) return true;
  return false;
}

function shallowClone(v: unknown): unknown {
  if (Array.isArray(v)) return [...(v as unknown[])];
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) return { ...v };
  return v;
}

function lengthOrigin(v: unknown): string {
  return Array.isArray(v) ? "array" : typeof v === "string" ? "string" : "unknown";
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function applyCheck(ch: ShapeCheck, v: unknown, path: Path, out: StructureIssue[]): void {
  if (ch.c === "minLength") {
    const units = (v as { length: number }).length;
    const length = typeof v === "string" && units >= ch.value && units < ch.value * 2 ? codePoints(v) : units;
    if (!(length >= ch.value))
      out.push({ code: "too_small", origin: lengthOrigin(v), minimum: ch.value, path, continue: true });
    return;
  }
  const n = v as number;
  if (ch.c === "int") {
    if (!Number.isInteger(n)) out.push({ code: "invalid_type", expected: "int", path, continue: false });
    else if (!Number.isSafeInteger(n))
      out.push(
        n > 0
          ? { code: "too_big", origin: "int", maximum: Number.MAX_SAFE_INTEGER, path, continue: true }
          : { code: "too_small", origin: "int", minimum: Number.MIN_SAFE_INTEGER, path, continue: true },
      );
  } else if (ch.c === "min") {
    if (!(ch.inclusive ? n >= ch.value : n > ch.value))
      out.push({ code: "too_small", origin: "number", minimum: ch.value, path, continue: true });
  } else if (!(ch.inclusive ? n <= ch.value : n < ch.value)) {
    out.push({ code: "too_big", origin: "number", maximum: ch.value, path, continue: true });
  }
}

/** zod's runChecks: a check is skipped once an issue aborted, except a length check, which asks `when`. */
function runChecks(checks: readonly ShapeCheck[], v: unknown, path: Path, out: StructureIssue[], start: number) {
  let isAborted = aborted(out, start);
  for (const ch of checks) {
    if (ch.c === "minLength") {
      if (explicitlyAborted(out, start)) continue;
      if (v === null || v === undefined || (v as { length?: unknown }).length === undefined) continue;
    } else if (isAborted) continue;
    const before = out.length;
    applyCheck(ch, v, path, out);
    if (!isAborted) isAborted = aborted(out, before);
  }
}

function runObject(keys: { readonly [key: string]: Shape }, input: unknown, path: Path, out: StructureIssue[]) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    out.push({ code: "invalid_type", expected: "object", path });
    return input;
  }
  const o = input as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(keys)) {
    if (key === "__proto__") continue;
    const el = keys[key]!;
    const present = key in o;
    if (!present && el.t === "optional") continue;
    const issues: StructureIssue[] = [];
    const r = run(el, o[key], [...path, key], issues);
    out.push(...issues);
    if (!present && el.t !== "default") continue;
    value[key] = r;
  }
  const unknown: string[] = [];
  for (const key in o) if (!Object.prototype.hasOwnProperty.call(keys, key)) unknown.push(key);
  if (unknown.length > 0) out.push({ code: "unrecognized_keys", keys: unknown, path, continue: true });
  return value;
}

function runUnion(options: readonly Shape[], input: unknown, path: Path, out: StructureIssue[]): unknown {
  const results: { value: unknown; issues: StructureIssue[] }[] = [];
  for (const option of options) {
    const issues: StructureIssue[] = [];
    const value = run(option, input, path, issues);
    if (issues.length === 0) return value;
    results.push({ value, issues });
  }
  const standing = results.filter((r) => !aborted(r.issues));
  if (standing.length === 1) {
    out.push(...standing[0]!.issues);
    return standing[0]!.value;
  }
  out.push({ code: "invalid_union", errors: results.map((r) => r.issues), path });
  return input;
}

function runArray(shape: Shape & { t: "array" }, input: unknown, path: Path, out: StructureIssue[]): unknown {
  const start = out.length;
  let value = input;
  if (!Array.isArray(input)) out.push({ code: "invalid_type", expected: "array", path });
  else {
    const items = input as unknown[];
    const list: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) list[i] = run(shape.of, items[i], [...path, i], out);
    value = list;
  }
  runChecks(shape.checks, value, path, out, start);
  return value;
}

function typeOk(t: "string" | "number", v: unknown): boolean {
  return t === "string" ? typeof v === "string" : typeof v === "number" && Number.isFinite(v);
}

/** Parses `input` against `shape` as zod would: the output value, the issues appended to `out`. */
export function run(shape: Shape, input: unknown, path: Path, out: StructureIssue[]): unknown {
  switch (shape.t) {
    case "optional":
      return input === undefined ? undefined : run(shape.of, input, path, out);
    case "default": {
      if (input === undefined) return shallowClone(shape.value);
      const v = run(shape.of, input, path, out);
      return v === undefined ? shallowClone(shape.value) : v;
    }
    case "object":
      return runObject(shape.keys, input, path, out);
    case "union":
      return runUnion(shape.of, input, path, out);
    case "array":
      return runArray(shape, input, path, out);
    case "boolean":
      if (typeof input !== "boolean") out.push({ code: "invalid_type", expected: "boolean", path });
      return input;
    case "enum":
      if (!shape.values.includes(input)) out.push({ code: "invalid_value", values: shape.values, path });
      return input;
    default: {
      const start = out.length;
      if (!typeOk(shape.t, input)) out.push({ code: "invalid_type", expected: shape.t, path });
      runChecks(shape.checks, input, path, out, start);
      return input;
    }
  }
}
