/**
 * The JSON contract of a command's output, as a zod schema: the one source of its JSON Schema in
 * schema/output/<kind>.schema.json, written by `npm run generate` (scripts/gen-output-schemas.ts).
 */
import { z } from "zod";
import { schemaUrl } from "../../../../engines/plan/index.js";

/** Every document's first field: the version of the contract. */
export const API_VERSION = z
  .literal("aksnet/v1")
  .describe(
    "the version of this contract: fields may be added within it; " +
      "a field removed, renamed or given another meaning makes a new version",
  );

export interface OutputSchema {
  /** The document's `kind`, and the schema file's name. */
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  readonly schema: z.ZodType;
}

export function outputSchema<S extends OutputSchema>(s: S): S {
  return s;
}

/** The JSON Schema (draft 2020-12) of an output: objects stay open (fields may be added within aksnet/v1). */
export function outputJsonSchema(s: OutputSchema): Record<string, unknown> {
  const json = z.toJSONSchema(s.schema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return {
    $schema,
    $id: schemaUrl(`output/${s.kind}.schema.json`),
    title: s.title,
    description: s.description,
    ...rest,
  };
}

/** The schema file's text: two-space JSON with a final newline. */
export function outputJsonSchemaText(s: OutputSchema): string {
  return `${JSON.stringify(outputJsonSchema(s), null, 2)}\n`;
}
