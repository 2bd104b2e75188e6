/**
 * Writes schema/aksnet-plan.schema.json from the zod plan schema.
 * src/engines/plan/json-schema.test.ts fails when the file drifts.
 * Usage: npx tsx scripts/gen-plan-schema.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { planJsonSchemaText } from "../src/engines/plan/json-schema.js";

const root = resolve(import.meta.dirname, "..");
mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema/aksnet-plan.schema.json"), planJsonSchemaText());
console.log("wrote schema/aksnet-plan.schema.json");
