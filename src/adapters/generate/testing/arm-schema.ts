/**
 * Test helper: checks an ARM request body (a Bicep resource body read back by bicep-parse.ts, or an azapi `body`)
 * against the swagger definitions transcribed in testing/schemas/arm.json: unknown properties, read-only properties
 * written, wrong JSON types, values outside an enum, a minimum/maximum or a pattern, and missing required properties.
 * Expressions (`{ expr }`) are not evaluated; a string with interpolation is only known to be a string.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BicepJson } from "./bicep-parse.js";

interface PropSpec {
  readonly type?: "string" | "integer" | "boolean" | "number" | "object" | "array";
  readonly ref?: string;
  readonly items?: PropSpec;
  readonly map?: PropSpec;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly readOnly?: boolean;
  readonly untranscribed?: boolean;
  readonly opaque?: boolean;
}

interface Definition {
  readonly properties: Readonly<Record<string, PropSpec>>;
  readonly required?: readonly string[];
  readonly base?: string;
}

interface ArmFile {
  readonly bicepDeclarationKeys: readonly string[];
  readonly resources: Readonly<Record<string, { readonly definition: string }>>;
  readonly bases: Readonly<Record<string, Definition>>;
  readonly definitions: Readonly<Record<string, Definition>>;
}

export const ARM_SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, "schemas", "arm.json"), "utf8")) as ArmFile;

interface Walk {
  readonly problems: string[];
  /** azapi_update_resource bodies are merged into the resource read back, so required properties may be absent. */
  readonly partial: boolean;
}

type Obj = { [k: string]: BicepJson };
const isExpr = (v: BicepJson): v is { expr: string; str?: boolean } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { expr?: unknown }).expr === "string";
const isObj = (v: BicepJson): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v) && !isExpr(v);

function propsOf(def: Definition): Record<string, PropSpec> {
  const base = def.base ? ARM_SCHEMA.bases[def.base] : undefined;
  return { ...base?.properties, ...def.properties };
}

function requiredOf(def: Definition): string[] {
  const base = def.base ? ARM_SCHEMA.bases[def.base] : undefined;
  return [...(base?.required ?? []), ...(def.required ?? [])];
}

function typeOk(spec: PropSpec, v: BicepJson): boolean {
  if (isExpr(v)) return v.str !== true || spec.type === undefined || spec.type === "string";
  switch (spec.type) {
    case "string":
      return typeof v === "string";
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    case "array":
      return Array.isArray(v);
    case "object":
      return isObj(v);
    default:
      return true;
  }
}

function checkScalar(w: Walk, path: string, spec: PropSpec, v: BicepJson): void {
  if (spec.enum && typeof v === "string" && !spec.enum.includes(v))
    w.problems.push(`${path}: ${JSON.stringify(v)} is not one of ${spec.enum.join(", ")}`);
  if (typeof v === "number" && spec.minimum !== undefined && v < spec.minimum)
    w.problems.push(`${path}: ${v} is below the minimum ${spec.minimum}`);
  if (typeof v === "number" && spec.maximum !== undefined && v > spec.maximum)
    w.problems.push(`${path}: ${v} is above the maximum ${spec.maximum}`);
  if (spec.pattern && typeof v === "string" && !new RegExp(spec.pattern).test(v))
    w.problems.push(`${path}: ${JSON.stringify(v)} does not match ${spec.pattern}`);
}

function checkValue(w: Walk, path: string, spec: PropSpec, v: BicepJson): void {
  if (spec.readOnly) w.problems.push(`${path} is read-only`);
  if (spec.untranscribed) w.problems.push(`${path}: its definition is not transcribed in arm.json`);
  if (spec.opaque || isExpr(v)) {
    if (!typeOk(spec, v)) w.problems.push(`${path} is a ${spec.type ?? "object"}, written as a string template`);
    return;
  }
  if (spec.ref) {
    const def = ARM_SCHEMA.definitions[spec.ref];
    if (!def) w.problems.push(`${path}: definition ${spec.ref} is missing from arm.json`);
    else if (!isObj(v)) w.problems.push(`${path} is an object (${spec.ref}), written as ${JSON.stringify(v)}`);
    else checkObject(w, path, def, v);
    return;
  }
  if (!typeOk(spec, v)) {
    w.problems.push(`${path} is a ${spec.type ?? "?"}, written as ${JSON.stringify(v)}`);
    return;
  }
  if (spec.items && Array.isArray(v)) v.forEach((x, i) => checkValue(w, `${path}[${i}]`, spec.items!, x));
  else if (spec.map && isObj(v)) for (const [k, x] of Object.entries(v)) checkValue(w, `${path}.${k}`, spec.map, x);
  else checkScalar(w, path, spec, v);
}

function checkObject(w: Walk, path: string, def: Definition, v: Obj, skip: readonly string[] = []): void {
  const props = propsOf(def);
  for (const [k, x] of Object.entries(v)) {
    if (skip.includes(k)) continue;
    const spec = props[k];
    if (!spec) w.problems.push(`${path}: ${k} is not a property of this object`);
    else checkValue(w, path ? `${path}.${k}` : k, spec, x);
  }
  if (!w.partial)
    for (const r of requiredOf(def))
      if (!(r in v)) w.problems.push(`${path || "(body)"}: required property ${r} is missing`);
}

/**
 * Every schema problem of one resource body of `type` (`Microsoft.X/y@version`); [] when it passes. A Bicep body may
 * also hold the declaration keys (`name`, `parent`, `scope`, `dependsOn`); an azapi body holds no name or location.
 */
export function checkArmBody(type: string, body: Obj, from: "bicep" | "azapi" | "azapi-update"): string[] {
  const r = ARM_SCHEMA.resources[type];
  if (!r) return [`${type} is not in the transcribed ARM schema`];
  const def = ARM_SCHEMA.definitions[r.definition]!;
  const w: Walk = { problems: [], partial: from !== "bicep" };
  checkObject(w, "", def, body, from === "bicep" ? ARM_SCHEMA.bicepDeclarationKeys : []);
  return w.problems.map((p) => `${type}: ${p}`);
}
