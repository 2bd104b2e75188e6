/**
 * The plan's JSON Schema, generated from the zod schema (the single source),
 * written to `schema/aksnet-plan.schema.json` by `scripts/gen-plan-schema.ts`
 * and checked for drift by a test. Editors use it to complete and check plans.
 */
import { z } from "zod";
import { schemaUrl } from "../plan/index.js";
import { PlanSchema } from "./schema.js";
import { addSchemaHints } from "./schema-hints.js";
import { FleetPlanSchema } from "./schema-fleet.js";

/** The JSON Schema (draft 2020-12) of a plan file as written (input side: defaults are optional). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, {
    io: "input",
    target: "draft-2020-12",
    override: addSchemaHints() as never,
  }) as Record<string, unknown>;
  return {
    $schema: schema["$schema"],
    $id: schemaUrl("aksnet-plan.schema.json"),
    title: "aksnet plan (aksnet.yaml)",
    description:
      "An AKS cluster network plan for aksnet: network profile, VNet, connected networks, node pools. Anything left " +
      "out takes the AKS default for the stated Kubernetes version.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/** The schema file's text: two-space JSON with a final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

/** The JSON Schema (draft 2020-12) of a fleet file (`kind: FleetPlan`) as written. */
export function fleetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FleetPlanSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema["$schema"],
    $id: schemaUrl("aksnet-fleet.schema.json"),
    title: "aksnet fleet (kind: FleetPlan)",
    description:
      "Many AKS clusters: address pools, the hub and connected networks, peerings and Virtual Network Manager " +
      "connectivity, cluster meshes, and the clusters (inline or by reference to cluster plans).",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/** The fleet schema file's text: two-space JSON with a final newline. */
export function fleetJsonSchemaText(): string {
  return `${JSON.stringify(fleetJsonSchema(), null, 2)}\n`;
}
