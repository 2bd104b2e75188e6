/**
 * The output contract of FleetCheckReport (`-o json`): the source of
 * schema/output/FleetCheckReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const FleetCheckReport = outputSchema({
  kind: "FleetCheckReport",
  title: "aksnet fleet check -o json",
  description:
    "The JSON output of `aksnet fleet check -o json` (FleetCheckReport), " +
    "documented field by field in docs/fleet.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("FleetCheckReport").describe("what the document is"),
    file: z.string(),
    ok: z.boolean(),
    name: z.string(),
    summary: z.object({
      errors: z.number(),
      warnings: z.number(),
      infos: z.number(),
    }),
    counts: z.object({
      clusters: z.number(),
      networks: z.number(),
      ranges: z.number(),
      overlappingPairs: z.number(),
      used: z.number(),
    }),
    findings: z.array(
      z.object({
        ruleId: z.string(),
        messageId: z.string(),
        severity: z.enum(["error", "warning", "info"]),
        message: z.string(),
        path: z.array(z.union([z.number(), z.string()])),
        fix: z.string(),
        data: z.record(z.string(), z.unknown()).describe("the values the message was built from (per rule)"),
        docsUrl: z.string(),
        location: z.object({
          file: z.string(),
          line: z.number(),
          column: z.number(),
        }),
      }),
    ),
    suppressed: z
      .array(
        z.object({
          ruleId: z.string(),
          messageId: z.string(),
          severity: z.enum(["error", "warning", "info"]),
          message: z.string(),
          path: z.array(z.union([z.number(), z.string()])),
          fix: z.string(),
          data: z.record(z.string(), z.unknown()).describe("the values the message was built from (per rule)"),
          docsUrl: z.string(),
          location: z.object({
            file: z.string(),
            line: z.number(),
            column: z.number(),
          }),
          suppression: z
            .object({
              kind: z.enum(["inSource", "external"]),
              reason: z.string(),
              by: z.string(),
            })
            .describe("why it is not reported: inSource (an # aksnet-ignore comment), external (the baseline)"),
        }),
      )
      .describe("the fleet's findings suppressed by an inline comment or the baseline (docs/ci.md)"),
    clusters: z.array(
      z.object({
        name: z.string(),
        plan: z.string().describe("a plan file's fields (schema/aksnet-plan.schema.json), defaults filled in"),
        model: z.string(),
        vnet: z.array(z.string()),
        podCidrs: z.array(z.string()),
        serviceCidrs: z.array(z.string()),
        podsRouted: z.string().nullable(),
        findings: z.array(z.unknown()),
        summary: z.object({
          errors: z.number(),
          warnings: z.number(),
          infos: z.number(),
        }),
      }),
    ),
    pools: z.array(
      z.object({
        name: z.string(),
        for: z.string(),
        path: z.array(z.union([z.number(), z.string()])),
        cidrs: z.array(z.string()),
        size: z.number(),
        used: z.number(),
        free: z.array(z.string()),
        freeCount: z.number(),
        largestFree: z.string(),
        fits: z.array(
          z.object({
            prefixLength: z.number(),
            fits: z.number(),
          }),
        ),
      }),
    ),
    assumptions: z.array(z.string()),
    notes: z.array(z.unknown()),
  }),
});
