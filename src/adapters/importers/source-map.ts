/**
 * Text → value with a source map: YAML (and so JSON) parsed with the `yaml`
 * package, keeping each node's offset so a field path can be turned into a
 * line and column for messages and SARIF.
 *
 * Plain YAML (no anchors, aliases or tags) takes a fast path: `js-yaml` with the
 * YAML 1.2 core schema builds the value about 15× faster than the `yaml`
 * package (2 ms against 40 ms for a 48 KiB plan: the web planner reparses on
 * every keystroke), and positions are found on the first `position()` call by
 * reading the text again with a listener (yaml-positions.ts), with the `yaml`
 * package only where that cannot. Anything the fast path refuses goes
 * through the `yaml` package, which names the line and column of the problem;
 * a property test checks both paths give the same value.
 */
import { CORE_SCHEMA, load as loadFast } from "js-yaml";
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { firstDuplicateKey } from "./json-duplicates.js";
import { JsonPositions } from "./json-positions.js";
import { yamlPositions, type YamlPositions } from "./yaml-positions.js";
import { LineStarts } from "./line-starts.js";
import { encodingProblem, jsonWords, TOO_DEEP, yamlFix, yamlTooDeep, yamlWords } from "./syntax-words.js";

/** Anchors (`&a`), aliases (`*a`) and tags (`!t`) need the `yaml` package: alias limits and exact tag handling. */
const NEEDS_FULL_PARSER = /(^|[\s[\]{},:-])[&*!][^\s,[\]{}]/;

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export type SourcePath = readonly (string | number)[];

export interface ParsedText {
  readonly value: unknown;
  /** JSON only: the first key appearing twice in one object (`JSON.parse` kept the last); YAML refuses one. */
  readonly duplicateKey?: { readonly key: string; readonly at: Position; readonly first: Position };
  /** The position of the node at the path (or of the deepest existing ancestor); line 1 column 1 for the root. */
  position(path: SourcePath): Position;
}

/** Thrown for text that is neither YAML nor JSON; the message is one sentence naming the file. */
export class PlanLoadError extends Error {
  override readonly name = "PlanLoadError";
}

/**
 * Parses YAML or JSON; JSON (text starting with `{` or `[` that JSON.parse accepts) takes a fast path with positions
 * found on demand.
 */
/** A file name from JavaScript as text (an object without a prototype has no String()). */
const nameText = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "object" && v ? "the input" : String(v);

export function parseText(raw: string, fileName: string): ParsedText {
  if (typeof raw !== "string")
    throw new PlanLoadError(`${nameText(fileName)} is ${raw === null ? "null" : typeof raw}, not text; give its text.`);
  const encoding = encodingProblem(raw);
  if (encoding !== undefined) throw new PlanLoadError(`${fileName} ${encoding}.`);
  // A UTF-8 byte order mark (Windows editors write one) is not part of the document.
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const head = text.trimStart()[0];
  if (head === "{" || head === "[") {
    try {
      const value: unknown = JSON.parse(text);
      const positions = new JsonPositions(text);
      const twice = firstDuplicateKey(text);
      const lines = twice && new LineStarts(text);
      return {
        value,
        position: (path) => positions.position(path),
        ...(twice && lines
          ? { duplicateKey: { key: twice.key, at: lines.position(twice.offset), first: lines.position(twice.first) } }
          : {}),
      };
    } catch (jsonError) {
      // Not strict JSON: YAML reads JSON-like text too (comments, single quotes). When it cannot either, the
      // JSON error is the one to show: text starting with { or [ was meant to be JSON.
      try {
        return parseFull(text, fileName);
      } catch {
        const { reason, offset } = jsonWords(jsonError, text);
        const pos = lineAndColumn(text, offset);
        throw new PlanLoadError(`${fileName}:${pos.line}:${pos.col}: not valid JSON: ${reason}; fix it and run again.`);
      }
    }
  }
  refuseDeep(text, fileName);
  if (!NEEDS_FULL_PARSER.test(text)) {
    let value: unknown;
    let ok = false;
    try {
      value = loadFast(text, { schema: CORE_SCHEMA, json: false }) ?? null;
      ok = true;
    } catch {
      // Invalid or unusual YAML: the full parser below reads it or names the problem.
    }
    if (ok) {
      let fast: YamlPositions | undefined;
      let full: ParsedText | undefined;
      let lines: LineStarts | undefined;
      return {
        value,
        position(path) {
          const at = (fast ??= yamlPositions(text))?.offsetOf(path);
          if (at === undefined) return (full ??= parseFull(text, fileName)).position(path);
          return (lines ??= new LineStarts(text)).position(at);
        },
      };
    }
  }
  return parseFull(text, fileName);
}

/** Throws for text nested too deeply for the YAML parsers' recursion. */
function refuseDeep(text: string, fileName: string): void {
  const deep = yamlTooDeep(text);
  if (deep === -1) return;
  const pos = lineAndColumn(text, deep);
  throw new PlanLoadError(`${fileName}:${pos.line}:${pos.col}: not valid YAML: ${TOO_DEEP}; fix it and run again.`);
}

/** Where a JSON key was given twice, as a clause naming it and both lines; undefined when none was. */
export function duplicateKeyWords(parsed: ParsedText, fileName: string): string | undefined {
  const twice = (parsed as Partial<ParsedText> | null | undefined)?.duplicateKey; // any value from JavaScript
  if (typeof twice?.key !== "string") return undefined;
  const key = JSON.stringify(twice.key.length > 200 ? `${twice.key.slice(0, 200)}…` : twice.key);
  return (
    `${fileName}:${twice.at.line}:${twice.at.column}: the key ${key} appears twice in the same object (first on ` +
    `line ${twice.first.line})`
  );
}

/** Throws for a JSON key given twice in a file a person writes (the YAML parser refuses one itself). */
export function refuseDuplicateKey(parsed: ParsedText, fileName: string): void {
  const words = duplicateKeyWords(parsed, fileName);
  if (words !== undefined) throw new PlanLoadError(`${words}; keep one and run again.`);
}

/** Parses with the `yaml` package: every node keeps its offset. */
export function parseFull(text: string, fileName: string): ParsedText {
  refuseDeep(text, fileName);
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new PlanLoadError(
      `${fileName}:${pos.line}:${pos.col}: not valid YAML: ${yamlWords(e.code, e.message)}; ${yamlFix(e.code)}.`,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The yaml package reports some problems (an unresolved or excessive alias) only when building values.
    const message = e instanceof Error ? e.message : String(e);
    const reason = /alias/i.test(message)
      ? yamlWords(/count|excessive/i.test(message) ? "RESOURCE_EXHAUSTION" : "BAD_ALIAS", message)
      : yamlWords("IMPOSSIBLE", message);
    throw new PlanLoadError(`${fileName}: not valid YAML: ${reason}; fix it and run again.`);
  }
  return {
    value,
    position(path) {
      let node: unknown = doc.contents;
      let best: Node | null = (doc.contents as Node | null) ?? null;
      let keyNode: Node | null = null;
      for (const k of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (p) =>
              (p.key as { value?: unknown } | null)?.value === k ||
              String((p.key as { value?: unknown } | null)?.value) === String(k),
          );
          if (!pair) break;
          keyNode = pair.key as Node;
          node = pair.value;
          best = (pair.value as Node | null) ?? keyNode;
        } else if (isSeq(node) && typeof k === "number") {
          const item = node.items[k] as Node | undefined;
          if (!item) break;
          keyNode = null;
          node = item;
          best = item;
        } else break;
      }
      const at = keyNode && best !== keyNode && path.length > 0 ? keyNode : best;
      const offset = at?.range?.[0] ?? 0;
      const lp = lineCounter.linePos(offset);
      return { line: lp.line, column: lp.col };
    },
  };
}

/** 1-based line and column of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}
