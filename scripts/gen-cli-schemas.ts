/**
 * Writes the JSON Schemas of the CLI's own files to schema/: the project config
 * (schema/aksnet-config.schema.json, from the zod ConfigSchema).
 * src/adapters/cli/policy/config-schema.test.ts fails when a file drifts.
 * Usage: npx tsx scripts/gen-cli-schemas.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { configJsonSchemaText } from "../src/adapters/cli/policy/config.js";

const root = resolve(import.meta.dirname, "..");
mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema/aksnet-config.schema.json"), configJsonSchemaText());
console.log("wrote schema/aksnet-config.schema.json");
