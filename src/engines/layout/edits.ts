/** Applying plan edits to a plain object: the library's way to get the laid-out plan (the CLI edits the YAML). */
import type { PlanEdit } from "./needs.js";

type Container = Record<string | number, unknown>;

/** A deep copy of JSON data (plans are JSON data). */
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

/** A deep copy of `doc` (plain JSON data) with `edits` applied; parents are created as maps or lists as needed. */
export function applyEdits<T>(doc: T, edits: readonly PlanEdit[]): T {
  const out = clone(doc) as unknown;
  for (const e of edits) {
    if (e.path.length === 0) continue;
    let at = out;
    for (let i = 0; i < e.path.length - 1; i++) {
      const key = e.path[i]!;
      if (!isContainer(at)) break;
      if (!isContainer(at[key])) at[key] = typeof e.path[i + 1] === "number" ? [] : {};
      at = at[key];
    }
    if (!isContainer(at)) continue;
    const last = e.path[e.path.length - 1]!;
    if (e.op === "set") at[last] = clone(e.value);
    else {
      const list = Array.isArray(at[last]) ? (at[last] as unknown[]) : (at[last] = []);
      (list as unknown[]).push(clone(e.value));
    }
  }
  return out as T;
}
