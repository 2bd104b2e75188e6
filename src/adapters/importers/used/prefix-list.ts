/**
 * A plain list of prefixes: text with one prefix a line (a bare address is a /32
 * or /128), optionally followed by a name after a space, tab, comma or semicolon;
 * `#` starts a comment; a first line without a prefix is a header (CSV). Or JSON:
 * a list of strings, or of objects with `cidr`, `prefix` or `addressPrefix` and
 * an optional `name` or `description`.
 */
import { field, isObj, textField, UsedCollector } from "./collect.js";
import { UsedSpaceError, type UsedSpace } from "./types.js";

const SOURCE = "prefix-list";
const CIDR_KEYS = ["cidr", "prefix", "addressPrefix"];

function cidrOf(o: Record<string, unknown>): [string, unknown] | undefined {
  for (const k of CIDR_KEYS) {
    const v = field(o, k);
    if (v !== undefined) return [k, v];
  }
  return undefined;
}

/** Reports whether a parsed JSON value is a prefix list (strings, or objects with a prefix field). */
export function isJsonPrefixList(v: unknown): boolean {
  return (
    Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" || (isObj(x) && cidrOf(x) !== undefined))
  );
}

export function readJsonPrefixList(value: unknown, fileName: string): UsedSpace {
  if (!Array.isArray(value))
    throw new UsedSpaceError(
      `${fileName} is not a list of prefixes; give a JSON list like ["10.0.0.0/16"] or one prefix a line.`,
    );
  const c = new UsedCollector(fileName);
  value.forEach((x, i) => {
    if (typeof x === "string") return void c.add(x, [i], SOURCE, undefined, true);
    const hit = isObj(x) ? cidrOf(x) : undefined;
    if (!isObj(x) || !hit)
      throw new UsedSpaceError(
        `${fileName}: [${i}] has no cidr, prefix or addressPrefix; give each entry as "10.0.0.0/16" or { "cidr": ` +
          `"10.0.0.0/16", "name": "…" }.`,
      );
    c.add(hit[1], [i, hit[0]], SOURCE, textField(x, "name") ?? textField(x, "description"), true);
  });
  return c.done();
}

export function readTextPrefixList(text: string, fileName: string): UsedSpace {
  const c = new UsedCollector(fileName);
  const lines = text.split(/\r\n|\n|\r/);
  let firstEntry = true;
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const m = /^[\s,;]*([^\s,;]+)[\s,;]*(.*)$/.exec(line);
    if (!m) return; // only separators: an empty CSV row
    const token = m[1]!.replace(/^"(.*)"$/, "$1");
    const rest = m[2]!.replace(/^"(.*)"$/, "$1").trim();
    if (firstEntry && !/[\d:]/.test(token)) {
      firstEntry = false;
      return; // a header: "prefix,name"
    }
    firstEntry = false;
    c.add(token, [`line ${i + 1}`], SOURCE, rest === "" ? undefined : rest, true);
  });
  if (c.count === 0)
    throw new UsedSpaceError(
      `${fileName} holds no prefixes; give one prefix a line (e.g. 10.0.0.0/16), or leave the file out.`,
    );
  return c.done();
}
