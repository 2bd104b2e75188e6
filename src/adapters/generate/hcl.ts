/**
 * A small HCL writer for Terraform: blocks, attributes, lists, references and
 * comments, laid out the way `terraform fmt` does (two-space indent, the `=` of
 * consecutive one-line attributes aligned).
 */
import { hclString } from "./quote.js";

/** A reference or other expression written as is (only ever built from fixed text and checked names). */
export interface HclExpr {
  readonly expr: string;
}
/** An object value (`{ key = value … }`, e.g. an azapi `body`), written one key a line; keys are fixed names. */
export interface HclObject {
  readonly object: readonly (readonly [string, HclValue])[];
}
export type HclValue = string | number | boolean | HclExpr | HclObject | readonly HclValue[];

export interface HclAttr {
  readonly attr: string;
  readonly value: HclValue;
}
export interface HclBlock {
  readonly type: string;
  readonly labels?: readonly string[];
  readonly body: readonly HclItem[];
}
export interface HclComment {
  readonly comment: string;
}
export type HclItem = HclAttr | HclBlock | HclComment | { readonly blank: true };

export const expr = (text: string): HclExpr => ({ expr: text });

/** An object from its entries in order; entries whose value is undefined are left out. */
export const hclObject = (entries: readonly (readonly [string, HclValue | undefined])[]): HclObject => ({
  object: entries.filter((e): e is readonly [string, HclValue] => e[1] !== undefined),
});

function valueText(v: HclValue, indent: string): string {
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${(v as readonly HclValue[]).map((x) => valueText(x, indent)).join(", ")}]`;
  if ("object" in (v as HclObject)) return objectText(v as HclObject, indent);
  return (v as HclExpr).expr;
}

/** An object key: bare when it is an identifier, else quoted (a label key such as `kubernetes.azure.com/x`). */
const keyText = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : hclString(k));

/** `terraform fmt` layout: keys of consecutive one-line entries aligned, nested objects on their own lines. */
function objectText(o: HclObject, indent: string): string {
  if (o.object.length === 0) return "{}";
  const inner = indent + "  ";
  const isObj = (x: HclValue) => typeof x === "object" && !Array.isArray(x) && "object" in (x as HclObject);
  const lines: string[] = [];
  let run: (readonly [string, HclValue])[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => keyText(k).length));
    for (const [k, x] of run) lines.push(`${inner}${keyText(k).padEnd(width)} = ${valueText(x, inner)}`);
    run = [];
  };
  for (const e of o.object) {
    if (isObj(e[1])) {
      flush();
      lines.push(`${inner}${keyText(e[0])} = ${valueText(e[1], inner)}`);
    } else run.push(e);
  }
  flush();
  return `{\n${lines.join("\n")}\n${indent}}`;
}

function isAttr(i: HclItem): i is HclAttr {
  return "attr" in i;
}

function renderItems(items: readonly HclItem[], indent: string): string[] {
  const lines: string[] = [];
  let run: HclAttr[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.attr.length));
    for (const a of run) lines.push(`${indent}${a.attr.padEnd(width)} = ${valueText(a.value, indent)}`);
    run = [];
  };
  for (const item of items) {
    if (isAttr(item)) {
      // A value over several lines ends the run of aligned attributes, as `terraform fmt` does.
      const text = valueText(item.value, indent);
      if (!text.includes("\n")) {
        run.push(item);
        continue;
      }
      flush();
      lines.push(`${indent}${item.attr} = ${text}`);
      continue;
    }
    flush();
    if ("comment" in item) lines.push(...item.comment.split("\n").map((l) => `${indent}# ${l}`.trimEnd()));
    else if ("blank" in item) lines.push("");
    else {
      const prev = lines[lines.length - 1];
      if (prev !== undefined && prev !== "" && !prev.endsWith("{")) lines.push("");
      lines.push(...renderBlock(item, indent));
    }
  }
  flush();
  return lines;
}

function renderBlock(b: HclBlock, indent: string): string[] {
  const head = [b.type, ...(b.labels ?? []).map(hclString)].join(" ");
  if (b.body.length === 0) return [`${indent}${head} {}`];
  return [`${indent}${head} {`, ...renderItems(b.body, indent + "  "), `${indent}}`];
}

/** Renders top-level items, one blank line between blocks. */
export function renderHcl(items: readonly HclItem[]): string {
  const out: string[] = [];
  let previous: HclItem | undefined;
  for (const item of items) {
    const isBlock = (i: HclItem | undefined) => i !== undefined && !isAttr(i) && !("comment" in i) && !("blank" in i);
    const spaced = isBlock(item) || ("comment" in item && isBlock(previous));
    if (spaced && out.length > 0 && out[out.length - 1] !== "") out.push("");
    out.push(...renderItems([item], ""));
    previous = item;
  }
  return out.join("\n") + "\n";
}
