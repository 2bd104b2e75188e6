/**
 * The output contract of CidrOverlapsReport (`-o json`): the source of
 * schema/output/CidrOverlapsReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CidrOverlapsReport = outputSchema({
  kind: "CidrOverlapsReport",
  title: "aksnet cidr overlaps -o json",
  description:
    "The JSON output of `aksnet cidr overlaps -o json` (CidrOverlapsReport), " +
    "documented field by field in docs/cidr.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CidrOverlapsReport").describe("what the document is"),
    inputs: z.number().optional(),
    count: z.number(),
    pairs: z
      .array(
        z.object({
          a: z.object({
            cidr: z.string(),
            source: z.string(),
            line: z.number(),
          }),
          b: z.object({
            cidr: z.string(),
            source: z.string(),
            line: z.number(),
          }),
          relation: z.string(),
        }),
      )
      .optional(),
    queries: z.number().optional(),
    against: z.number().optional(),
    hits: z
      .array(
        z.object({
          cidr: z.string(),
          source: z.string(),
          line: z.number(),
          overlaps: z.array(
            z.object({
              cidr: z.string(),
              source: z.string(),
              line: z.number(),
            }),
          ),
        }),
      )
      .optional(),
  }),
});
