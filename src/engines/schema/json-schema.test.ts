import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fleetJsonSchemaText, planJsonSchema, planJsonSchemaText } from "./json-schema.js";

const FILE = resolve(import.meta.dirname, "../../../schema/aksnet-plan.schema.json");
const FLEET_FILE = resolve(import.meta.dirname, "../../../schema/aksnet-fleet.schema.json");

/** The value at a key path of a JSON value. */
function dig(v: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined),
    v,
  );
}

describe("plan JSON Schema", () => {
  it("schema/aksnet-plan.schema.json matches the zod schema (run: npm run generate)", () => {
    expect(readFileSync(FILE, "utf8")).toBe(planJsonSchemaText());
  });

  it("schema/aksnet-fleet.schema.json matches the zod fleet schema (run: npx tsx scripts/gen-plan-schema.ts)", () => {
    expect(readFileSync(FLEET_FILE, "utf8")).toBe(fleetJsonSchemaText());
  });

  it.each([
    { name: "closed objects: unknown fields are refused", at: ["additionalProperties"], want: false },
    {
      name: "plugin values",
      at: ["properties", "network", "properties", "plugin", "enum"],
      want: ["azure", "kubenet", "none"],
    },
    { name: "a pool needs a name", at: ["properties", "nodePools", "items", "required"], want: ["name"] },
  ])("$name", ({ at, want }) => {
    expect(dig(planJsonSchema(), ...at)).toEqual(want);
  });
});
