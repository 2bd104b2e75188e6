/**
 * Writes plan edits into the plan's own text: the edits go through the YAML
 * document model, so the user's comments, key order and formatting survive.
 * The CLI's `layout --write` and the web page's map (a free block made a subnet,
 * the proposed layout applied) both write this way.
 */
import { isSeq, parseDocument } from "yaml";
import { applyEdits } from "./edits.js";
import type { PlanEdit } from "./needs.js";

/** Short maps (a subnet, a pool reference) are written on one line, as the examples write them. */
function flow(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !("subnets" in v);
}

/** The plan text with `edits` applied; a JSON plan stays JSON. */
export function applyEditsToText(text: string, edits: readonly PlanEdit[]): string {
  if (text.trimStart().startsWith("{"))
    return JSON.stringify(applyEdits(JSON.parse(text) as unknown, edits), null, 2) + "\n";
  const doc = parseDocument(text);
  for (const e of edits) {
    if (e.op === "set") {
      doc.setIn(e.path, doc.createNode(e.value, { flow: flow(e.value) }));
      continue;
    }
    const list = doc.getIn(e.path, true);
    if (isSeq(list)) {
      if (list.flow && list.items.length === 0) list.flow = false;
      list.add(doc.createNode(e.value, { flow: flow(e.value) }));
    } else doc.setIn(e.path, doc.createNode([e.value]));
  }
  return unpadLists(doc.toString({ lineWidth: 0 }));
}

/**
 * The YAML writer pads flow maps and lists alike (`{ name: a }`, `[ 10.0.0.0/8 ]`); plans write maps padded
 * and lists of scalars tight, so lists of scalars are written back tight (comment lines are left alone).
 */
function unpadLists(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trimStart().startsWith("#") ? line : line.replace(/\[ ([^[\]{}#\n]*?) \]/g, "[$1]")))
    .join("\n");
}
