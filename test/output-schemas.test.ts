/**
 * Every command's JSON output is versioned (`apiVersion: aksnet/v1`, `kind`) and valid against the
 * JSON Schema of its kind shipped in schema/output/, checked on real runs: every documented example
 * run again with `-o json`, and the example files (test/output-samples.ts). The shipped schemas let
 * objects gain fields (within aksnet/v1 fields may be added); here they are checked closed, so a field
 * a command starts to write fails until its schema (and docs page) says it. The schemas are generated
 * from zod sources (src/adapters/cli/output/schemas/) by npm run generate.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../src/adapters/cli/commands.js";
import { OUTPUT_API_VERSION } from "../src/adapters/cli/output/formats.js";
import { OUTPUT_SCHEMAS, outputJsonSchemaText } from "../src/adapters/cli/output/schemas/index.js";
import { schemaUrl } from "../src/engines/plan/index.js";
import { outputSamples, type Sample } from "./output-samples.js";

const ROOT = resolve(import.meta.dirname, "..");
const DIR = join(ROOT, "schema/output");
const files = readdirSync(DIR).filter((f) => f.endsWith(".schema.json"));
const schemas = new Map(
  files.map((f) => [f.replace(/\.schema\.json$/, ""), JSON.parse(readFileSync(join(DIR, f), "utf8")) as object]),
);

/** A copy of the schema whose objects with listed properties take no other property. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const out = Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, k === "properties" ? closedMap(v) : closed(v)]),
  );
  if ("properties" in out) out["additionalProperties"] = false;
  return out;
}

function closedMap(props: unknown): unknown {
  return Object.fromEntries(Object.entries(props as Record<string, unknown>).map(([k, v]) => [k, closed(v)]));
}

/** Where a command writes JSON: which docs page documents it. */
const PAGE: Record<string, string> = { Generate: "generate", Fleet: "fleet", Cidr: "cidr" };

describe("the JSON Schemas of the commands' outputs", () => {
  it.each(files)("%s is a valid schema named by its kind, with its published $id", (file) => {
    const schema = schemas.get(file.replace(/\.schema\.json$/, "")) as Record<string, unknown>;
    const kind = file.replace(/\.schema\.json$/, "");
    expect(() => new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
    expect(schema["$id"]).toBe(schemaUrl(`output/${file}`));
    const props = schema["properties"] as Record<string, { const?: string }>;
    expect(props["apiVersion"]?.const).toBe(OUTPUT_API_VERSION);
    expect(props["kind"]?.const).toBe(kind);
    expect(schema["required"]).toEqual(expect.arrayContaining(["apiVersion", "kind"]));
    const page = PAGE[/^[A-Z][a-z]+/.exec(kind)![0]] ?? kind.replace(/Report$/, "").toLowerCase();
    expect(readFileSync(join(ROOT, "docs", `${page}.md`), "utf8"), `docs/${page}.md links the schema`).toContain(
      `schema/output/${file}`,
    );
  });

  it("are what npm run generate writes from their zod sources (src/adapters/cli/output/schemas/)", () => {
    expect(OUTPUT_SCHEMAS.map((s) => `${s.kind}.schema.json`).sort()).toEqual([...files].sort());
    for (const s of OUTPUT_SCHEMAS)
      expect(readFileSync(join(DIR, `${s.kind}.schema.json`), "utf8"), `${s.kind}: run npm run generate`).toBe(
        outputJsonSchemaText(s),
      );
  });

  it("the package ships them", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("schema");
  });
});

describe("every command's JSON output against its schema", () => {
  let samples: Sample[] = [];
  const validators = new Map<string, ValidateFunction>();
  beforeAll(async () => {
    samples = await outputSamples(ROOT);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    for (const [kind, schema] of schemas) validators.set(kind, ajv.compile(closed(schema) as object));
  }, 300_000);

  it("runs every command that writes JSON, and every cidr and fleet subcommand", () => {
    const ran = new Set(samples.map((s) => s.command.split(":")[0]!));
    const noJson = ["serve", "completion", "mcp"];
    for (const c of commands.filter((c) => !noJson.includes(c.name)))
      expect(
        [...ran].some((r) => r === c.name || r.startsWith(`${c.name} `)),
        c.name,
      ).toBe(true);
    for (const sub of ["info", "split", "merge", "exclude", "overlaps", "free"]) expect(ran).toContain(`cidr ${sub}`);
    for (const sub of ["check", "allocate"]) expect(ran).toContain(`fleet ${sub}`);
  });

  it("each output is versioned and valid against its kind's schema, objects closed", () => {
    const failures: string[] = [];
    for (const s of samples) {
      const doc = s.json as { apiVersion?: unknown; kind?: unknown };
      const validate = typeof doc.kind === "string" ? validators.get(doc.kind) : undefined;
      if (doc.apiVersion !== OUTPUT_API_VERSION || !validate) {
        failures.push(`${s.command}: apiVersion ${String(doc.apiVersion)}, kind ${String(doc.kind)} (no schema)`);
        continue;
      }
      if (!validate(s.json))
        failures.push(
          `${s.command}: ${(validate.errors ?? [])
            .slice(0, 5)
            .map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`)
            .join("; ")}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it("each schema is checked by at least one run", () => {
    const kinds = new Set(samples.map((s) => (s.json as { kind?: string }).kind));
    expect([...schemas.keys()].filter((k) => !kinds.has(k))).toEqual([]);
  });

  it.each([
    { name: "an unknown top-level field", change: (d: Record<string, unknown>) => ({ ...d, surprise: 1 }) },
    { name: "another apiVersion", change: (d: Record<string, unknown>) => ({ ...d, apiVersion: "aksnet/v2" }) },
    {
      name: "a required field missing",
      change: (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== "findings")),
    },
  ])("the check refuses $name", ({ change }) => {
    const check = samples.find((s) => (s.json as { kind?: string }).kind === "CheckReport")!;
    expect(validators.get("CheckReport")!(change(check.json as Record<string, unknown>))).toBe(false);
  });
});
