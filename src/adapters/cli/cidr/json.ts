/**
 * `aksnet cidr … -o json`: `{ apiVersion, kind, ...head, [key]: [...items] }` with two-space
 * indentation, byte for byte what `renderJson` prints for that value, the items
 * written one by one.
 */
import { OUTPUT_API_VERSION, type Formatter } from "../output/formats.js";
import type { Listing } from "./listing.js";

const replacer = (_k: string, v: unknown): unknown => (typeof v === "bigint" ? v.toString() : v);

function indent(json: string, by: string): string {
  return json.includes("\n") ? json.replace(/\n/g, "\n" + by) : json;
}

const cidrJson: Formatter<Listing> = function* (l) {
  yield `{\n  "apiVersion": ${JSON.stringify(OUTPUT_API_VERSION)},\n  "kind": ${JSON.stringify(l.kind)},\n`;
  for (const [k, v] of Object.entries(l.head)) {
    if (v === undefined) continue;
    yield `  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, replacer, 2), "  ")},\n`;
  }
  yield `  ${JSON.stringify(l.key)}: [`;
  let first = true;
  for (const item of l.items()) {
    yield `${first ? "\n" : ",\n"}    ${indent(JSON.stringify(item, replacer, 2), "    ")}`;
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
};
export default cidrJson;
