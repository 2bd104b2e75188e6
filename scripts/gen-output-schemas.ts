/**
 * Writes the JSON Schemas of the commands' outputs to schema/output/<kind>.schema.json, from their zod
 * sources in src/adapters/cli/output/schemas/. test/output-schemas.test.ts fails when a file drifts (and
 * checks real outputs against them). Usage: npx tsx scripts/gen-output-schemas.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { OUTPUT_SCHEMAS, outputJsonSchemaText } from "../src/adapters/cli/output/schemas/index.js";

const dir = join(resolve(import.meta.dirname, ".."), "schema/output");
mkdirSync(dir, { recursive: true });
// A kind no longer written has no schema left behind.
for (const f of readdirSync(dir)) if (f.endsWith(".schema.json")) rmSync(join(dir, f));
for (const s of OUTPUT_SCHEMAS) writeFileSync(join(dir, `${s.kind}.schema.json`), outputJsonSchemaText(s));
console.log(`wrote ${OUTPUT_SCHEMAS.length} files under schema/output/`);
