/**
 * A source map for JSON text without a second parser: the value comes from
 * `JSON.parse` (fast on multi-megabyte `az` and `terraform show -json`
 * output), and positions are found on demand by walking the text along the
 * requested path. Each object or array walked is indexed once (its members'
 * offsets), so many lookups into one 100,000-element array cost one scan, and
 * where each object or array ends is found for all of them in one scan, so a
 * path 20,000 levels deep costs one scan, not one per level.
 */
import { skipSpace, stringEnd } from "./json-text.js";
import { LineStarts } from "./line-starts.js";
import type { Position, SourcePath } from "./source-map.js";

interface Members {
  readonly keys?: Map<string, { key: number; value: number }>;
  readonly items?: number[];
}

export class JsonPositions {
  private readonly members = new Map<number, Members>();
  private lines: LineStarts | undefined;
  /** The offset of every `{` and `[` outside strings, in order, and of its match (-1 when unclosed). */
  private brackets: { opens: number[]; closes: number[] } | undefined;

  constructor(private readonly text: string) {}

  /**
   * The position of the member at `path`: its key for object members, its first character for array items; the deepest
   * existing ancestor when absent.
   */
  position(path: SourcePath): Position {
    let at = this.skipWs(0);
    let found = at;
    for (const k of path) {
      const m = this.membersAt(at);
      if (typeof k === "number" && m.items) {
        const item = m.items[k];
        if (item === undefined) break;
        at = found = item;
      } else if (m.keys) {
        const hit = m.keys.get(String(k));
        if (!hit) break;
        found = hit.key;
        at = hit.value;
      } else break;
    }
    return this.lineCol(found);
  }

  private membersAt(pos: number): Members {
    const cached = this.members.get(pos);
    if (cached) return cached;
    const t = this.text;
    let m: Members = {};
    if (t[pos] === "[") {
      const items: number[] = [];
      let p = this.skipWs(pos + 1);
      while (p < t.length && t[p] !== "]") {
        items.push(p);
        p = this.skipWs(this.skipValue(p));
        if (t[p] === ",") p = this.skipWs(p + 1);
      }
      m = { items };
    } else if (t[pos] === "{") {
      const keys = new Map<string, { key: number; value: number }>();
      let p = this.skipWs(pos + 1);
      while (p < t.length && t[p] === '"') {
        const end = this.skipString(p);
        const raw = t.slice(p, end);
        const name = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        let q = this.skipWs(end);
        if (t[q] === ":") q = this.skipWs(q + 1);
        if (!keys.has(name)) keys.set(name, { key: p, value: q });
        p = this.skipWs(this.skipValue(q));
        if (t[p] === ",") p = this.skipWs(p + 1);
      }
      m = { keys };
    }
    this.members.set(pos, m);
    return m;
  }

  private skipWs(p: number): number {
    return skipSpace(this.text, p);
  }

  /** The offset just past the string starting at `p` (a `"`). */
  private skipString(p: number): number {
    return stringEnd(this.text, p);
  }

  /** The offset just past the value starting at `p`. */
  private skipValue(p: number): number {
    const t = this.text;
    const c = t[p];
    if (c === '"') return this.skipString(p);
    if (c === "{" || c === "[") return this.closeOf(p);
    let i = p;
    while (
      i < t.length &&
      t[i] !== "," &&
      t[i] !== "}" &&
      t[i] !== "]" &&
      t[i] !== " " &&
      t[i] !== "\n" &&
      t[i] !== "\r" &&
      t[i] !== "\t"
    )
      i++;
    return i;
  }

  /** The offset just past the `}` or `]` that closes the one at `p`. */
  private closeOf(p: number): number {
    const { opens, closes } = (this.brackets ??= this.matchBrackets());
    let lo = 0;
    let hi = opens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (opens[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    const close = opens[lo] === p ? closes[lo]! : -1;
    return close === -1 ? this.text.length : close + 1;
  }

  /** One scan: each bracket's match, with a stack (depth is not bounded by the call stack). */
  private matchBrackets(): { opens: number[]; closes: number[] } {
    const t = this.text;
    const opens: number[] = [];
    const closes: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < t.length; i++) {
      const d = t[i];
      if (d === '"') i = this.skipString(i) - 1;
      else if (d === "{" || d === "[") {
        open.push(opens.length);
        opens.push(i);
        closes.push(-1);
      } else if ((d === "}" || d === "]") && open.length > 0) closes[open.pop()!] = i;
    }
    return { opens, closes };
  }

  private lineCol(offset: number): Position {
    return (this.lines ??= new LineStarts(this.text)).position(offset);
  }
}
