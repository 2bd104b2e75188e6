/**
 * A form edit that changes more than one scalar (a model switch sets the plugin and its mode, every
 * pool's allocation, removes a pod CIDR) written back into the plan text section by section: only
 * the top-level sections the edit may change (`network:`, `nodePools:`) are written again, each as
 * a whole rewrite of the document would write it; every other character stays as the user typed it.
 * The document's source ranges are brought in step with the new text (the rewritten sections
 * parsed alone, a few lines each, and the rest moved), so the next edit neither parses nor rewrites
 * the document. For the 30-pool, 1,000-subnet benchmark plan a model switch no longer parses or
 * writes the 1,000 subnets (bench/web.bench.mjs). An edit of one existing scalar is spliced alone
 * (`spliceScalar`), in the style it was written in. Either splice hands back `settle`, which brings
 * the ranges in step later, after the edit has painted.
 */
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  YAMLMap,
  type Node,
  type Pair,
  type Scalar,
} from "yaml";

/** Anchors (`&a`), aliases (`*a`) and tags (`!t`) tie sections together: those documents are rewritten whole. */
const LINKED = /(^|[\s[\]{},:-])[&*!][^\s,[\]{}]/;

interface Section {
  readonly key: string;
  readonly pair: Pair<Node, Node | null> | undefined;
  readonly start: number;
  readonly end: number;
}

const keyOf = (p: Pair<unknown, unknown>): unknown => (isScalar(p.key) ? p.key.value : p.key);

/** The block-style top-level pair for `key`, with its source span (key to the end of its value and comment). */
function sectionOf(doc: Document, text: string, key: string): Section | "absent" | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const pair = root.items.find((p) => keyOf(p) === key) as Pair<Node, Node | null> | undefined;
  if (!pair) return "absent";
  const start = (pair.key as Node | null)?.range?.[0];
  const end = pair.value?.range?.[2];
  // A key not at the start of a line, or without a value, is not a section this can rewrite alone.
  if (start === undefined || end === undefined || (start > 0 && text[start - 1] !== "\n")) return undefined;
  return { key, pair, start, end };
}

/** The pair's text as a rewrite of the whole document writes it, without the comment and blank line before it. */
function pairSource(pair: Pair<unknown, unknown>): string {
  const key = isScalar(pair.key) ? pair.key : undefined;
  const comment = key?.commentBefore;
  const space = key?.spaceBefore;
  if (key) {
    key.commentBefore = null;
    key.spaceBefore = false;
  }
  try {
    const one = new Document();
    const map = new YAMLMap();
    map.items.push(pair as Pair);
    one.contents = map;
    return one.toString({ lineWidth: 0 });
  } finally {
    if (key) {
      key.commentBefore = comment;
      key.spaceBefore = space;
    }
  }
}

interface Move {
  readonly at: number;
  readonly delta: number;
  /** An insertion: what ends where it goes in (the section before it) stays. */
  readonly insert: boolean;
}

/**
 * Every node under `n`, depth first in the order of the yaml package's `visit`, without its per-node path
 * arrays (a third of a settle's time for the benchmark's 1,000 subnets); `enter` returning false skips a node's
 * children, `enterPair` false skips a pair.
 */
function walkNodes(n: unknown, enter: (n: Node) => boolean, enterPair: (p: Pair<unknown, unknown>) => boolean): void {
  if (isPair(n)) {
    if (!enterPair(n)) return;
    walkNodes(n.key, enter, enterPair);
    walkNodes(n.value, enter, enterPair);
  } else if (isNode(n) && enter(n) && isCollection(n)) for (const item of n.items) walkNodes(item, enter, enterPair);
}

/** Moves every source range after each move's place by its delta (the nodes of `skip` excepted). */
function shiftRanges(doc: Document, moves: readonly Move[], skip: ReadonlySet<Node>): void {
  const shift = (x: number) => {
    let out = x;
    for (const m of moves) if (x > m.at || (x === m.at && !m.insert)) out += m.delta;
    return out;
  };
  walkNodes(
    doc.contents,
    (n) => {
      if (skip.has(n)) return false;
      if (n.range) n.range = [shift(n.range[0]), shift(n.range[1]), shift(n.range[2])];
      return true;
    },
    (p) => !skip.has(p.key as Node),
  );
}

/** Parses a section's new text alone; its ranges are moved to where it starts in the new text. */
function parseSection(src: string, at: number): Pair<Node, Node | null> | undefined {
  const one = parseDocument(src, { uniqueKeys: true });
  if (one.errors.length > 0 || one.warnings.length > 0 || !isMap(one.contents)) return undefined;
  const pair = one.contents.items[0] as Pair<Node, Node | null> | undefined;
  if (!pair || one.contents.items.length !== 1) return undefined;
  walkNodes(
    one.contents,
    (n) => {
      if (n.range) n.range = [n.range[0] + at, n.range[1] + at, n.range[2] + at];
      return true;
    },
    () => true,
  );
  return pair;
}

/**
 * Records the sections `keys` of a freshly parsed (or kept in step) document before an edit, so
 * `spliceSections` can write them back after it; undefined when the document cannot be spliced.
 */
export function sectionsBefore(doc: Document, text: string, keys: readonly string[]): Map<string, Section> | undefined {
  if (LINKED.test(text)) return undefined;
  const out = new Map<string, Section>();
  for (const key of keys) {
    const s = sectionOf(doc, text, key);
    if (s === undefined) return undefined;
    if (s !== "absent") out.set(key, s);
  }
  return out;
}

/**
 * The new text after an edit that changed only the sections recorded by `sectionsBefore`: each is
 * written again where it was (a new one at the end, where a rewrite puts it). Undefined (the caller
 * rewrites the whole document) when a section was removed. `settle` then brings the document's
 * ranges in step with the new text (the rewritten sections parsed alone, the rest moved): the caller
 * runs it before the next splice, not in the edit that paints (for the benchmark's 30 pools it is
 * about half of a model switch's work). It returns false, and leaves the document as it was, when a
 * section's new text does not read back alone: then the next edit parses the whole text again.
 */
export function spliceSections(
  text: string,
  doc: Document,
  keys: readonly string[],
  before: ReadonlyMap<string, Section>,
): { readonly text: string; readonly settle: () => boolean } | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const ops: { key: string; start: number; end: number; src: string; pair: Pair<unknown, unknown> }[] = [];
  for (const key of keys) {
    const pair = root.items.find((p) => keyOf(p) === key);
    const was = before.get(key);
    if (!pair) {
      if (was) return undefined;
      continue;
    }
    const src = pairSource(pair);
    if (was) {
      if (text.slice(was.start, was.end) !== src) ops.push({ key, start: was.start, end: was.end, src, pair });
    } else {
      const lead = text === "" || text.endsWith("\n") ? "" : "\n";
      ops.push({ key, start: text.length, end: text.length, src: lead + src, pair });
    }
  }
  if (ops.length === 0) return { text, settle: () => true };
  ops.sort((a, b) => a.start - b.start);
  let out = "";
  let pos = 0;
  const moves: Move[] = [];
  const written: { pair: Pair<unknown, unknown>; src: string; at: number }[] = [];
  for (const op of ops) {
    out += text.slice(pos, op.start);
    const lead = op.src.length - op.src.trimStart().length;
    written.push({ pair: op.pair, src: op.src.slice(lead), at: out.length + lead });
    out += op.src;
    pos = op.end;
    moves.push({ at: op.end, delta: op.src.length - (op.end - op.start), insert: op.start === op.end });
  }
  out += text.slice(pos);
  return { text: out, settle: () => settleRanges(root, written, moves, doc) };
}

/** The rewritten sections' pairs replaced by their new text parsed alone; every other range moved. */
function settleRanges(
  root: YAMLMap,
  written: readonly { pair: Pair<unknown, unknown>; src: string; at: number }[],
  moves: readonly Move[],
  doc: Document,
): boolean {
  const placed: { pair: Pair<unknown, unknown>; parsed: Pair<Node, Node | null> }[] = [];
  for (const w of written) {
    const parsed = parseSection(w.src, w.at);
    if (!parsed) return false;
    placed.push({ pair: w.pair, parsed });
  }
  // The untouched sections move; the rewritten ones take the ranges of their own new text.
  const fresh = new Set<Node>();
  for (const { parsed } of placed) {
    fresh.add(parsed.key);
    if (parsed.value) fresh.add(parsed.value);
  }
  for (const { pair, parsed } of placed) {
    const i = root.items.indexOf(pair as Pair);
    const oldKey = isScalar(pair.key) ? pair.key : undefined;
    if (oldKey && isScalar(parsed.key)) {
      parsed.key.commentBefore = oldKey.commentBefore;
      parsed.key.spaceBefore = oldKey.spaceBefore;
    }
    root.items[i] = parsed as Pair;
  }
  shiftRanges(doc, moves, fresh);
  return true;
}

/** Plain scalars that are safe anywhere, flow collections included. */
const SAFE_PLAIN = /^[A-Za-z0-9._/%+-]+$/;

/**
 * The source text for a scalar's new value in the style it was written in, or undefined when only a full rewrite is
 * safe.
 */
export function scalarSource(node: Scalar): string | undefined {
  const v = node.value;
  if (typeof v === "number" || typeof v === "boolean")
    return node.type === "PLAIN" || node.type === undefined ? String(v) : undefined;
  if (typeof v !== "string") return undefined;
  if (node.type === "QUOTE_DOUBLE") return JSON.stringify(v);
  if (node.type === "QUOTE_SINGLE") return `'${v.replace(/'/g, "''")}'`;
  if (node.type !== "PLAIN") return undefined;
  const src = stringify(v, { lineWidth: 0 }).replace(/\n$/, "");
  return src.includes("\n") || (!SAFE_PLAIN.test(src) && !src.startsWith('"')) ? undefined : src;
}

/**
 * Replaces the scalar's source in the text; `settle` moves every later source range by the change in length (run
 * before the next edit, not in this one).
 */
export function spliceScalar(
  text: string,
  doc: Document,
  node: Scalar,
  src: string,
): { readonly text: string; readonly settle: () => boolean } {
  const [start, end] = node.range as [number, number, number];
  const delta = src.length - (end - start);
  if (src.startsWith('"') && node.type === "PLAIN") node.type = "QUOTE_DOUBLE";
  const settle = (): boolean => {
    const shift = (x: number) => (x >= end ? x + delta : x);
    walkNodes(
      doc.contents,
      (n) => {
        if (n !== node && n.range) n.range = [shift(n.range[0]), shift(n.range[1]), shift(n.range[2])];
        return true;
      },
      () => true,
    );
    node.range = [start, start + src.length, (node.range as [number, number, number])[2] + delta];
    return true;
  };
  return { text: text.slice(0, start) + src + text.slice(end), settle };
}

/**
 * A top-level section's nodes, with each scalar's value and style and each collection's size and
 * style, to tell whether a write changed it: for a VNet of 1,000 subnets far cheaper than its JSON.
 */
export function sectionShape(doc: Document, key: string): unknown[] {
  const out: unknown[] = [];
  const walk = (n: unknown): void => {
    out.push(n);
    if (isScalar(n)) out.push(n.value, n.type);
    else if (isMap(n) || isSeq(n)) {
      out.push(n.items.length, n.flow);
      for (const item of n.items as unknown[])
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
    }
  };
  walk(doc.get(key, true));
  return out;
}

export const sameShape = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
