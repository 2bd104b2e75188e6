/**
 * Where a path's node starts in YAML the fast path read (no anchors, aliases or tags), found by reading the text again
 * with js-yaml and a listener that records each node's start, in time and memory linear in the text. The `yaml`
 * package gives the same positions but builds a document of every node first: for a plan with 1,000,000 authorized
 * IP ranges that took 8.4 s of a 14.8 s check (CPU profile) and most of its 1.2 GB.
 *
 * A collection whose recorded children do not line up with its value (an explicit `? key`, a `- ` item left empty,
 * a `[a: 1]` pair) answers `undefined`, and the caller asks the `yaml` package; a property test checks that both give
 * the same position for plan-shaped YAML.
 */
import { CORE_SCHEMA, load } from "js-yaml";
import type { SourcePath } from "./source-map.js";

interface Child {
  readonly start: number;
  readonly result: unknown;
}

interface Frame {
  readonly start: number;
  children: Child[] | undefined;
}

/** Each collection's children in order (a mapping's key, value, key, value …) and the document's node. */
interface Recorded {
  readonly children: Map<object, Child[]>;
  readonly root: Child | undefined;
}

/** The positions of `text`, which js-yaml read with the core schema; `undefined` when it no longer reads. */
export function yamlPositions(text: string): YamlPositions | undefined {
  const children = new Map<object, Child[]>();
  const stack: Frame[] = [];
  let root: Child | undefined;
  try {
    load(text, {
      schema: CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === "open") {
          stack.push({ start: state.position, children: undefined });
          return;
        }
        const frame = stack.pop()!;
        const result: unknown = state.result;
        // A node read as a key first and kept as the value closes twice with one result; the inner frame holds its
        // children.
        if (typeof result === "object" && result !== null && frame.children && !children.has(result))
          children.set(result, frame.children);
        const child = { start: frame.start, result };
        const parent = stack.at(-1);
        if (parent) (parent.children ??= []).push(child);
        else root = child;
      },
    });
  } catch {
    return undefined;
  }
  return new YamlPositions({ children, root });
}

export class YamlPositions {
  private readonly keyIndexes = new Map<object, Map<string, number>>();

  constructor(private readonly recorded: Recorded) {}

  /**
   * The offset of the node at `path` as the `yaml` package would place it: a map member's key, a list item's first
   * character, the deepest existing ancestor when absent, the document's first node for the root; `undefined` when
   * a collection on the way cannot be read here.
   */
  offsetOf(path: SourcePath): number | undefined {
    const { children, root } = this.recorded;
    if (!root) return 0;
    // A document that is one scalar, or only comments: rare and small, the yaml package places it.
    if (typeof root.result !== "object" || root.result === null) return undefined;
    let node: unknown = root.result;
    let at = root.start;
    for (const k of path) {
      if (typeof node !== "object" || node === null) break;
      const kids = children.get(node) ?? [];
      let i: number | undefined;
      if (Array.isArray(node)) {
        if (kids.length !== node.length) return undefined;
        i = typeof k === "number" && Number.isInteger(k) && k >= 0 && k < kids.length ? k : undefined;
      } else {
        const keys = this.keysOf(node, kids);
        if (!keys) return undefined;
        i = keys.get(String(k));
      }
      if (i === undefined) break;
      at = kids[i]!.start;
      node = Array.isArray(node) ? kids[i]!.result : kids[i + 1]!.result;
    }
    return at;
  }

  /** A mapping's key → the index of its key child, or undefined when the children do not line up with its keys. */
  private keysOf(node: object, kids: readonly Child[]): Map<string, number> | undefined {
    let index = this.keyIndexes.get(node);
    if (!index) {
      index = new Map();
      for (let i = 0; i < kids.length; i += 2) index.set(String(kids[i]!.result), i);
      this.keyIndexes.set(node, index);
    }
    return kids.length === 2 * index.size && index.size === Object.keys(node).length ? index : undefined;
  }
}
