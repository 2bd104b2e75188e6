import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { configJsonSchemaText } from "./config.js";

const FILE = resolve(import.meta.dirname, "../../../../schema/aksnet-config.schema.json");
const EXAMPLE = resolve(import.meta.dirname, "../../../../examples/ci/aksnet.config.yaml");

describe("the config file's JSON Schema", () => {
  it("schema/aksnet-config.schema.json matches the zod schema (run: npx tsx scripts/gen-cli-schemas.ts)", () => {
    expect(readFileSync(FILE, "utf8")).toBe(configJsonSchemaText());
  });
  it("accepts the example config and refuses what the CLI refuses", () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(configJsonSchemaText()) as object);
    expect(validate(load(readFileSync(EXAMPLE, "utf8")))).toBe(true);
    for (const bad of [{ rules: { r: "warn" } }, { failOn: "always" }, { rule: {} }, { overrides: [{ files: [] }] }])
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
  });
});
