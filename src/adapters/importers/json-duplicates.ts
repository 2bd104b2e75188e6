/**
 * Keys that appear twice in one object of JSON text. `JSON.parse` keeps the last one silently, while YAML refuses
 * a key twice in a mapping; the importers refuse or note it per format (load.ts). One scan, linear in the text: the
 * keys of each open object are kept in a set until it closes.
 */
import { skipSpace, stringEnd } from "./json-text.js";

export interface DuplicateKey {
  /** The key, unescaped. */
  readonly key: string;
  /** The offset of its second appearance (the opening quote). */
  readonly offset: number;
  /** The offset of its first appearance in the same object. */
  readonly first: number;
}

/** The first key (in text order) appearing twice in one object of `text`, which `JSON.parse` accepted. */
export function firstDuplicateKey(text: string): DuplicateKey | undefined {
  // Each open bracket's keys (null for a list).
  const open: (Map<string, number> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") open.push(new Map());
    else if (c === "[") open.push(null);
    else if (c === "}" || c === "]") open.pop();
    else if (c === '"') {
      const end = stringEnd(text, i);
      const keys = open.at(-1);
      if (keys && text[skipSpace(text, end)] === ":") {
        const raw = text.slice(i, end);
        const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const first = keys.get(key);
        if (first !== undefined) return { key, offset: i, first };
        keys.set(key, i);
      }
      i = end - 1;
    }
  }
  return undefined;
}
