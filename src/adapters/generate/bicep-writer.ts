/**
 * A small Bicep writer: objects and arrays one entry a line, two-space indent,
 * strings through `bicepString`, expressions (references, functions) as is.
 */
import { bicepString } from "./quote.js";

export interface BicepExpr {
  readonly expr: string;
}
export type BicepValue =
  string | number | boolean | BicepExpr | readonly BicepValue[] | { readonly [key: string]: BicepValue | undefined };

export const bexpr = (text: string): BicepExpr => ({ expr: text });

function isExpr(v: BicepValue): v is BicepExpr {
  return (
    typeof v === "object" &&
    !Array.isArray(v) &&
    "expr" in v &&
    typeof (v as BicepExpr).expr === "string" &&
    Object.keys(v).length === 1
  );
}

/** Renders a value at the given indent; `undefined` object entries are left out. */
export function bicepValue(v: BicepValue, indent = ""): string {
  if (typeof v === "string") return bicepString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isExpr(v)) return v.expr;
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    const items = v as readonly BicepValue[];
    if (items.length === 0) return "[]";
    return `[\n${items.map((x) => inner + bicepValue(x, inner)).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, BicepValue | undefined>).filter(
    (e): e is [string, BicepValue] => e[1] !== undefined,
  );
  if (entries.length === 0) return "{}";
  return (
    `{\n` + `${entries.map(([k, x]) => `${inner}${bicepKey(k)}: ${bicepValue(x, inner)}`).join("\n")}\n` + `${indent}}`
  );
}

/** An object key as Bicep writes it: bare when it is an identifier, quoted otherwise. */
function bicepKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : bicepString(k);
}
