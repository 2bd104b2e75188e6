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
export type HclValue = string | number | boolean | HclExpr | readonly HclValue[];

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

function valueText(v: HclValue): string {
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${(v as readonly HclValue[]).map(valueText).join(", ")}]`;
  return (v as HclExpr).expr;
}

function isAttr(i: HclItem): i is HclAttr {
  return "attr" in i;
}

function renderItems(items: readonly HclItem[], indent: string): string[] {
  const lines: string[] = [];
  let run: HclAttr[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.attr.length));
    for (const a of run) lines.push(`${indent}${a.attr.padEnd(width)} = ${valueText(a.value)}`);
    run = [];
  };
  for (const item of items) {
    if (isAttr(item)) {
      run.push(item);
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
