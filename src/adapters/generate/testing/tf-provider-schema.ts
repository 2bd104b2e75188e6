/**
 * Test helper: checks Terraform resource bodies (as @cdktf/hcl2json reads them) against the azurerm provider schema
 * of one released version (testing/schemas/azurerm-4.73.0.json, read from the provider schema CDK Terrain generates
 * its bindings from): every argument and block name must exist, a block must be written as a block, and every
 * required argument must be there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonObject } from "./tf-schema.js";

interface Arg {
  readonly required: boolean;
  readonly block?: Readonly<Record<string, Arg>>;
}

interface ProviderSchemaFile {
  readonly source: { readonly version: string };
  readonly types: Readonly<Record<string, Readonly<Record<string, Arg>>>>;
}

export const AZURERM_PROVIDER_SCHEMA = JSON.parse(
  readFileSync(join(import.meta.dirname, "schemas", "azurerm-4.73.0.json"), "utf8"),
) as ProviderSchemaFile;

const META = new Set(["depends_on", "lifecycle", "count", "for_each", "provider"]);
const isBlockList = (v: unknown): v is JsonObject[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));

function checkBlock(path: string, body: JsonObject, args: Readonly<Record<string, Arg>>, out: string[]): void {
  for (const [name, arg] of Object.entries(args))
    if (arg.required && !(name in body)) out.push(`${path}: required argument ${name} is missing`);
  for (const [name, v] of Object.entries(body)) {
    if (META.has(name)) continue;
    const arg = args[name];
    if (!arg) out.push(`${path}: ${name} is not an argument of this block`);
    else if (arg.block && isBlockList(v)) for (const b of v) checkBlock(`${path}.${name}`, b, arg.block, out);
    else if (!arg.block && isBlockList(v)) out.push(`${path}.${name} is an attribute, written as a block`);
  }
}

/** Every problem of one resource (or `data.` source) body against the provider schema; undefined: type unknown. */
export function checkProviderSchema(type: string, body: JsonObject): string[] | undefined {
  const args = AZURERM_PROVIDER_SCHEMA.types[type];
  if (!args) return undefined;
  const out: string[] = [];
  checkBlock(type, body, args, out);
  return out;
}
