/**
 * Writes schema/aksnet-plan.schema.json and schema/aksnet-fleet.schema.json from the zod schemas.
 * src/engines/plan/json-schema.test.ts fails when the file drifts.
 * Usage: npx tsx scripts/gen-plan-schema.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fleetJsonSchemaText, planJsonSchemaText } from "../src/engines/plan/json-schema.js";

const root = resolve(import.meta.dirname, "..");
mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema/aksnet-plan.schema.json"), planJsonSchemaText());
writeFileSync(join(root, "schema/aksnet-fleet.schema.json"), fleetJsonSchemaText());
console.log("wrote schema/aksnet-plan.schema.json and schema/aksnet-fleet.schema.json");
