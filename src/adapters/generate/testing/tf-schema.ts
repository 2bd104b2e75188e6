/**
 * Test helper: checks Terraform resource bodies (as @cdktf/hcl2json reads them) against the azurerm argument
 * schema transcribed from the provider's Go source (testing/schemas/azurerm.json, which names its sources):
 * unknown arguments, a block written as an attribute or the reverse, missing required arguments, exactlyOneOf
 * groups, maxItems, allowed values and integer ranges. Expressions (`${…}`) are not evaluated: only literals are
 * checked against allowed values and ranges.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface ArgSpec {
  readonly type: "string" | "bool" | "int" | "float" | "list" | "set" | "map" | "block";
  readonly required?: boolean;
  readonly forceNew?: boolean;
  readonly maxItems?: number;
  readonly allowed?: readonly string[];
  readonly elemAllowed?: readonly string[];
  readonly range?: readonly [number, number];
  readonly pattern?: string;
  readonly exactlyOneOf?: readonly string[];
  readonly args?: Readonly<Record<string, ArgSpec>>;
  readonly ref?: string;
  readonly from?: string;
}

interface ResourceSpec {
  readonly source: Readonly<Record<string, string>>;
  readonly args: Readonly<Record<string, ArgSpec>>;
  readonly include?: string;
}

interface SchemaFile {
  readonly metaArguments: readonly string[];
  readonly resources: Readonly<Record<string, ResourceSpec>>;
  readonly shared: Readonly<Record<string, { readonly args: Readonly<Record<string, ArgSpec>> }>>;
}

export const AZURERM_SCHEMA = JSON.parse(
  readFileSync(join(import.meta.dirname, "schemas", "azurerm.json"), "utf8"),
) as SchemaFile;

/** The arguments of a resource type (its own over any shared set it includes), or undefined when not transcribed. */
export function resourceArgs(type: string): Readonly<Record<string, ArgSpec>> | undefined {
  const r = AZURERM_SCHEMA.resources[type];
  if (!r) return undefined;
  const shared = r.include ? AZURERM_SCHEMA.shared[r.include]?.args : undefined;
  return { ...shared, ...r.args };
}

function argsOf(spec: ArgSpec): Readonly<Record<string, ArgSpec>> | undefined {
  return spec.args ?? (spec.ref ? AZURERM_SCHEMA.shared[spec.ref]?.args : undefined);
}

const isExpr = (v: Json): boolean => typeof v === "string" && v.includes("${");
const isBlockList = (v: Json): v is JsonObject[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));

function typeProblem(spec: ArgSpec, v: Json): string | undefined {
  if (isExpr(v)) return undefined;
  const want = spec.type;
  const ok =
    want === "block"
      ? isBlockList(v)
      : want === "list" || want === "set"
        ? Array.isArray(v) && !isBlockList(v)
        : want === "map"
          ? typeof v === "object" && v !== null && !Array.isArray(v)
          : want === "bool"
            ? typeof v === "boolean"
            : want === "int"
              ? Number.isInteger(v)
              : want === "float"
                ? typeof v === "number"
                : // Terraform converts a number or bool literal to a string argument.
                  typeof v === "string" || typeof v === "number" || typeof v === "boolean";
  return ok ? undefined : `is a ${want}, written as ${JSON.stringify(v)}`;
}

function valueProblems(spec: ArgSpec, v: Json): string[] {
  const out: string[] = [];
  if (spec.allowed && typeof v === "string" && !isExpr(v) && !spec.allowed.includes(v))
    out.push(`${JSON.stringify(v)} is not one of ${spec.allowed.join(", ")}`);
  if (spec.elemAllowed && Array.isArray(v))
    for (const e of v)
      if (typeof e === "string" && !isExpr(e) && !spec.elemAllowed.includes(e))
        out.push(`element ${JSON.stringify(e)} is not one of ${spec.elemAllowed.join(", ")}`);
  if (spec.range && typeof v === "number" && (v < spec.range[0] || v > spec.range[1]))
    out.push(`${v} is outside ${spec.range[0]}..${spec.range[1]}`);
  if (spec.pattern && typeof v === "string" && !isExpr(v) && !new RegExp(spec.pattern).test(v))
    out.push(`${JSON.stringify(v)} does not match ${spec.pattern}`);
  if (spec.maxItems !== undefined && Array.isArray(v) && v.length > spec.maxItems)
    out.push(`${v.length} blocks, at most ${spec.maxItems}`);
  return out;
}

/** The value at a provider path such as `private_cluster.0.dns_prefix`, from the resource's root body. */
function at(root: JsonObject, path: string): Json | undefined {
  let cur: Json | undefined = root;
  for (const part of path.split(".")) {
    if (cur === undefined || cur === null) return undefined;
    cur = /^\d+$/.test(part) ? (Array.isArray(cur) ? cur[Number(part)] : undefined) : (cur as JsonObject)[part];
  }
  return cur;
}

interface Walk {
  readonly root: JsonObject;
  readonly groups: Set<string>;
  readonly problems: string[];
}

function checkBlock(w: Walk, path: string, body: JsonObject, args: Readonly<Record<string, ArgSpec>>): void {
  for (const [name, spec] of Object.entries(args)) {
    if (spec.required && !(name in body)) w.problems.push(`${path}: required argument ${name} is missing`);
    if (spec.exactlyOneOf) w.groups.add(spec.exactlyOneOf.join(","));
  }
  for (const [name, v] of Object.entries(body)) {
    if (AZURERM_SCHEMA.metaArguments.includes(name)) continue;
    const spec = args[name];
    if (!spec) {
      w.problems.push(`${path}: ${name} is not an argument of this block`);
      continue;
    }
    const t = typeProblem(spec, v);
    if (t) w.problems.push(`${path}.${name} ${t}`);
    for (const p of valueProblems(spec, v)) w.problems.push(`${path}.${name}: ${p}`);
    const nested = argsOf(spec);
    if (spec.type === "block" && nested && isBlockList(v))
      for (const b of v) checkBlock(w, `${path}.${name}`, b, nested);
  }
}

/** Every schema problem of one resource body; [] when it passes. */
export function checkResource(type: string, body: JsonObject): string[] {
  const args = resourceArgs(type);
  if (!args) return [`${type} is not in the transcribed schema`];
  const w: Walk = { root: body, groups: new Set(), problems: [] };
  checkBlock(w, type, body, args);
  for (const g of w.groups) {
    const set = g.split(",").filter((p) => at(body, p) !== undefined);
    if (set.length !== 1)
      w.problems.push(`${type}: exactly one of ${g} must be set (set: ${set.join(", ") || "none"})`);
  }
  return w.problems;
}
