/**
 * YAML output: the JSON contract as YAML (bigint as decimal strings, like JSON).
 * A string holding a character the output boundary escapes is written double
 * quoted, where that escape (`\u001b`) is YAML's own, so the document keeps its
 * values. This module (and so the yaml package) is loaded only for -o yaml.
 */
import { Document, visit } from "yaml";
import { renderJson } from "./json.js";
import { hasUnsafe } from "./safe-text.js";

export function renderYaml(value: unknown): string {
  // Through JSON first, so YAML holds exactly the JSON document: same keys, same nulls, no undefined.
  const doc = new Document(JSON.parse(renderJson(value)), { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && hasUnsafe(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}
