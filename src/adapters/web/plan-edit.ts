/**
 * A form edit written back into the plan text. Edits go through the YAML document model, so the user's comments,
 * order and formatting survive a form change: one scalar is spliced in as written, several are written again
 * section by section (./yaml-splice.ts). The document is kept between edits and built when the page is idle
 * (`prepareEdit`, in slices). Pure; the fields are in ./plan-fields.ts.
 */
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import { sameShape, scalarSource, sectionShape, sectionsBefore, spliceScalar, spliceSections } from "./yaml-splice.js";
import type { Plan } from "../../engines/plan/index.js";
import type { FieldDef } from "./plan-fields.js";
import { RefusedEdit } from "./refused-edit.js";
import { resumableParse, type ResumableParse } from "./yaml-resumable.js";

export { PLAN_FIELDS, REQUIREMENT_FIELDS, type FieldDef, type FieldKind } from "./plan-fields.js";

/**
 * The document of the last text a splice produced; its source ranges are kept
 * in step with that text, so chained scalar edits neither parse nor rewrite.
 * `settle`, when there, still has to bring the ranges in step (a section splice
 * leaves that to the next edit, or to `prepareEdit` when the page is idle).
 */
let lastEdit: { readonly text: string; readonly doc: Document; readonly settle?: () => boolean } | undefined;

/** The parse prepareEdit has begun and not finished (its text), so the next slice goes on from there. */
let preparing: ResumableParse | undefined;

/** The kept document of `text`, its ranges in step with it; undefined when there is none (then it is parsed). */
function keptDocument(text: string): Document | undefined {
  if (lastEdit?.text !== text) return undefined;
  if (lastEdit.settle) lastEdit = lastEdit.settle() ? { text, doc: lastEdit.doc } : undefined;
  return lastEdit?.doc;
}

/**
 * Applies one form edit to the plan text. Returns the new text and the value it
 * holds (so the page need not parse it again), or undefined when the text is not
 * a YAML/JSON mapping the form can edit (the editor then stays the only way to
 * change it). An edit of one existing scalar is spliced into the text, leaving
 * every other character as the user wrote it; other edits rewrite the document.
 * An edit the page refuses (RefusedEdit: it would make the plan one AKS refuses)
 * returns the text unchanged, no value, and the reason in `refused`.
 */
export function editPlanText(
  text: string,
  field: FieldDef,
  value: string,
): { readonly text: string; readonly value: unknown; readonly refused?: string } | undefined {
  let doc = keptDocument(text);
  let exact = true;
  if (doc === undefined) {
    // A parse prepareEdit began for this text is finished, not begun again.
    const begun = preparing?.text === text ? preparing : undefined;
    preparing = undefined;
    doc = begun ? begun.step(Infinity) : undefined;
    doc ??= parseDocument(text.trim() === "" ? "{}" : text);
    exact = text.trim() !== "";
    if (doc.errors.length > 0) return undefined;
    if (doc.contents !== null && !isMap(doc.contents)) return undefined;
    if (doc.contents === null) {
      doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
      exact = false;
    }
  }
  lastEdit = undefined;
  const path = exact ? field.scalarPath?.(doc) : undefined;
  const before = path ? doc.getIn(path, true) : undefined;
  const keys = [...(field.sections ?? []), ...(field.maybeSections ?? [])];
  const sections = exact && field.sections ? sectionsBefore(doc, text, keys) : undefined;
  const maybeBefore = sections ? (field.maybeSections ?? []).map((k) => sectionShape(doc, k)) : [];
  try {
    field.write(doc, value);
  } catch (e) {
    // The document was written in part: it is dropped (lastEdit is cleared above), the text stays.
    if (e instanceof RefusedEdit) return { text, value: undefined, refused: e.message };
    throw e;
  }
  if (path && isScalar(before) && before.range && doc.getIn(path, true) === before) {
    const src = scalarSource(before);
    if (src !== undefined) {
      const out = spliceScalar(text, doc, before, src);
      lastEdit = { text: out.text, doc, settle: out.settle };
      return { text: out.text, value: doc.toJS() };
    }
  }
  // Several values, or a scalar added or removed: the sections the field writes are written again, alone.
  if (sections && field.sections) {
    const changed = (field.maybeSections ?? []).filter(
      (k, i) => !sameShape(sectionShape(doc, k), maybeBefore[i] ?? []),
    );
    const out = spliceSections(text, doc, [...field.sections, ...changed], sections);
    if (out !== undefined) {
      lastEdit = { text: out.text, doc, settle: out.settle };
      return { text: out.text, value: doc.toJS() };
    }
  }
  // A rewrite leaves the source ranges stale: the next edit parses the new text again.
  return { text: doc.toString({ lineWidth: 0 }), value: doc.toJS() };
}

/**
 * Builds the YAML document the next form edit of `text` splices into (the page calls it when idle
 * after the text changed), so that edit does not parse 48 KiB in its handler. Nothing for text the
 * form cannot edit; the edit then reads it as before and says why. With `sliceMs`, it works about
 * that long (it looks at the clock every few hundred tokens) and returns false when there is more to
 * do: the page calls it again with the same text in its next idle task, and no task holds the main
 * thread long (the benchmark plan: 23 ms CPU of lexing and parsing in slices, then 6 ms composing).
 * Without it, the document is built at once. True when the document is ready or there is none to build.
 */
export function prepareEdit(text: string, sliceMs?: number): boolean {
  const until = sliceMs === undefined ? Infinity : performance.now() + sliceMs;
  if (keptDocument(text) !== undefined || text.trim() === "") return true;
  if (preparing?.text !== text) preparing = resumableParse(text);
  const doc = preparing.step(until);
  if (doc === undefined) return false;
  preparing = undefined;
  if (doc.errors.length === 0 && isMap(doc.contents)) lastEdit = { text, doc };
  return true;
}

/**
 * Settings a model or dataplane switch removed or changed (pod CIDR, policy, dataplane, pools' pod subnets), or
 * node public IPs switched off removed (the pool's public IP prefix), in words.
 */
export function removedBySwitch(before: Plan, after: unknown): string[] {
  const a = (after ?? {}) as { network?: Record<string, unknown>; nodePools?: { podSubnet?: unknown }[] };
  const out: string[] = [];
  const net = a.network ?? {};
  if (before.network.podCidrs?.length && net["podCidrs"] === undefined)
    out.push(`network.podCidrs ${before.network.podCidrs.join(", ")}`);
  if (before.network.policy && before.network.policy !== net["policy"])
    out.push(`network.policy ${before.network.policy}${net["policy"] ? ` (now ${String(net["policy"])})` : ""}`);
  if (before.network.dataplane && net["dataplane"] === undefined)
    out.push(`network.dataplane ${before.network.dataplane}`);
  before.nodePools.forEach((p, i) => {
    if (p.podSubnet !== undefined && a.nodePools?.[i]?.podSubnet === undefined)
      out.push(`nodePools[${i}].podSubnet ${p.podSubnet}`);
    // Node public IPs switched off take their prefix with them.
    const pool = (a.nodePools?.[i] ?? {}) as Record<string, unknown>;
    if (p.nodePublicIp === true && pool["nodePublicIp"] !== true)
      for (const k of ["nodePublicIpPrefixId", "nodePublicIpPrefix"] as const)
        if (p[k] !== undefined && pool[k] === undefined) out.push(`nodePools[${i}].${k} ${p[k]}`);
  });
  return out;
}

/** `editPlanText` for callers that only need the text. */
export function applyFieldEdit(text: string, field: FieldDef, value: string): string | undefined {
  return editPlanText(text, field, value)?.text;
}
