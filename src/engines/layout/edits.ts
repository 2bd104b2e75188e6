/**
 * Applying plan edits to a plain object: the library's way to get the laid-out
 * plan (the CLI edits the YAML text instead). Copy on write: only the maps and
 * lists on an edited path are copied, so a plan with 100,000 subnets is not
 * cloned to add one; the input is never changed.
 */
import type { PlanEdit } from "./needs.js";

type Container = Record<string | number, unknown>;

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

/** A deep copy of JSON data (the values an edit writes). */
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function shallow(v: Container): Container {
  return Array.isArray(v) ? ([...v] as unknown as Container) : { ...v };
}

/** `doc` with `edits` applied; parents are created as maps or lists as needed. */
export function applyEdits<T>(doc: T, edits: readonly PlanEdit[]): T {
  if (edits.length === 0 || !isContainer(doc)) return doc;
  const root = shallow(doc);
  /** Containers already copied in this call, which may be changed in place. */
  const own = new Set<unknown>([root]);
  for (const e of edits) {
    if (e.path.length === 0) continue;
    let at: Container = root;
    for (let i = 0; i < e.path.length - 1; i++) {
      const key = e.path[i]!;
      const child = at[key];
      let next: Container;
      if (!isContainer(child)) next = typeof e.path[i + 1] === "number" ? ([] as unknown as Container) : {};
      else next = own.has(child) ? child : shallow(child);
      own.add(next);
      at[key] = next;
      at = next;
    }
    const last = e.path[e.path.length - 1]!;
    if (e.op === "set") at[last] = clone(e.value);
    else {
      const list = at[last];
      const copy = Array.isArray(list) ? (own.has(list) ? list : [...(list as unknown[])]) : [];
      own.add(copy);
      copy.push(clone(e.value));
      at[last] = copy;
    }
  }
  return root as T;
}
