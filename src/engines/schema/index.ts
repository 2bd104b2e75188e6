/**
 * The plan file's and the fleet file's zod schemas: the plan's types, the generated JSON Schemas, fleet parsing
 * and the plan shape that `src/engines/plan` parses plans with (so that `aksnet check` does not load zod).
 * @module
 */
export * from "./schema.js";
export * from "./schema-vnet.js";
export * from "./schema-fleet.js";
export { parseFleetPlan, parseWith, type ParseFleetPlanResult } from "./parse-fleet.js";
export { planJsonSchema, planJsonSchemaText, fleetJsonSchema, fleetJsonSchemaText } from "./json-schema.js";
export { shapeOf, planShapeModule } from "./shape.js";
