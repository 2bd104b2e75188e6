/**
 * Writes schema/aksnet-plan.schema.json and schema/aksnet-fleet.schema.json from the zod schemas, and the plan
 * shape that parsePlan reads (src/engines/plan/plan-shape.generated.ts).
 * src/engines/schema/json-schema.test.ts and shape.test.ts fail when a file drifts.
 * Usage: npx tsx scripts/gen-plan-schema.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import { fleetJsonSchemaText, planJsonSchemaText, planShapeModule } from "../src/engines/schema/index.js";

const root = resolve(import.meta.dirname, "..");
mkdirSync(join(root, "schema"), { recursive: true });
writeFileSync(join(root, "schema/aksnet-plan.schema.json"), planJsonSchemaText());
writeFileSync(join(root, "schema/aksnet-fleet.schema.json"), fleetJsonSchemaText());
const shapeFile = join(root, "src/engines/plan/plan-shape.generated.ts");
const options = { ...(await resolveConfig(shapeFile)), parser: "typescript" };
writeFileSync(shapeFile, await format(planShapeModule(), options));
console.log("wrote schema/aksnet-plan.schema.json, schema/aksnet-fleet.schema.json and the plan shape");
