/**
 * The output contract of CheckReport (`-o json`): the source of
 * schema/output/CheckReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CheckReport = outputSchema({
  kind: "CheckReport",
  title: "aksnet check -o json",
  description:
    "The JSON output of `aksnet check -o json` (CheckReport), documented " +
    "field by field in docs/check.md. Objects may gain fields within " +
    "aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CheckReport").describe("what the document is"),
    files: z.array(
      z.object({
        file: z.string(),
        format: z.string(),
      }),
    ),
    model: z.string().optional(),
    dataplane: z.string().optional(),
    findings: z.array(
      z.object({
        ruleId: z.string(),
        messageId: z.string(),
        severity: z.enum(["error", "warning", "info"]),
        message: z.string(),
        path: z.string(),
        pathKeys: z.array(z.union([z.number(), z.string()])),
        fix: z.string(),
        edits: z
          .array(
            z.object({
              path: z.string(),
              pathKeys: z.array(z.union([z.number(), z.string()])),
              value: z.string(),
            }),
          )
          .optional(),
        aksErrorCode: z.string().optional(),
        location: z.object({
          file: z.string(),
          line: z.number(),
          column: z.number(),
        }),
        data: z.record(z.string(), z.unknown()).describe("the values the message was built from (per rule)"),
        docsUrl: z.string(),
      }),
    ),
    suppressed: z.array(
      z.object({
        ruleId: z.string(),
        messageId: z.string(),
        severity: z.enum(["error", "warning", "info"]),
        message: z.string(),
        path: z.string(),
        pathKeys: z.array(z.union([z.number(), z.string()])),
        fix: z.string(),
        edits: z
          .array(
            z.object({
              path: z.string(),
              pathKeys: z.array(z.union([z.number(), z.string()])),
              value: z.string(),
            }),
          )
          .optional(),
        aksErrorCode: z.string().optional(),
        location: z.object({
          file: z.string(),
          line: z.number(),
          column: z.number(),
        }),
        data: z.record(z.string(), z.unknown()).describe("the values the message was built from (per rule)"),
        docsUrl: z.string(),
        suppression: z.object({
          kind: z.enum(["inSource", "external"]),
          reason: z.string(),
          by: z.string(),
        }),
      }),
    ),
    summary: z.object({
      errors: z.number(),
      warnings: z.number(),
      infos: z.number(),
      suppressed: z.number(),
    }),
    assumptions: z.array(
      z.object({
        path: z.string(),
        value: z.string(),
        reason: z.string(),
        source: z.string(),
        alternatives: z
          .array(
            z.object({
              value: z.string(),
              meaning: z.string(),
              source: z.string(),
            }),
          )
          .optional(),
      }),
    ),
    notes: z.array(z.unknown()),
    resolved: z
      .record(z.string(), z.unknown())
      .describe("a plan file's fields (schema/aksnet-plan.schema.json), defaults filled in")
      .optional(),
  }),
});
