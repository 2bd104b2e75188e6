/**
 * The output contract of LayoutReport (`-o json`): the source of
 * schema/output/LayoutReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const LayoutReport = outputSchema({
  kind: "LayoutReport",
  title: "aksnet layout -o json",
  description:
    "The JSON output of `aksnet layout -o json` (LayoutReport), documented " +
    "field by field in docs/layout.md. Objects may gain fields within " +
    "aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("LayoutReport").describe("what the document is"),
    ok: z.boolean(),
    addressSpaces: z.array(z.string()),
    growth: z.object({
      asked: z.number(),
      kept: z.number(),
    }),
    subnets: z.array(
      z.object({
        name: z.string(),
        kind: z.string(),
        addressesNeeded: z.number().nullable(),
        delegation: z.string().nullable(),
        why: z.string(),
        sizing: z.array(z.string()),
        sources: z.array(z.string()),
        status: z.string(),
        cidr: z.string().nullable(),
        prefixLength: z.number(),
        usable: z.number().nullable(),
        canGrowTo: z.string().nullable(),
      }),
    ),
    avoided: z.array(z.unknown()),
    problems: z.array(
      z.object({
        code: z.string(),
        path: z.array(z.string()),
        message: z.string(),
      }),
    ),
    assumptions: z.array(z.string()),
    edits: z.array(
      z.object({
        op: z.string(),
        path: z.array(z.string()),
        value: z.record(z.string(), z.unknown()),
      }),
    ),
    plan: z
      .record(z.string(), z.unknown())
      .describe("a plan file's fields (schema/aksnet-plan.schema.json), defaults filled in"),
  }),
});
