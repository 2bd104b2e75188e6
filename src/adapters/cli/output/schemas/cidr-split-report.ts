/**
 * The output contract of CidrSplitReport (`-o json`): the source of
 * schema/output/CidrSplitReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CidrSplitReport = outputSchema({
  kind: "CidrSplitReport",
  title: "aksnet cidr split -o json",
  description:
    "The JSON output of `aksnet cidr split -o json` (CidrSplitReport), " +
    "documented field by field in docs/cidr.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CidrSplitReport").describe("what the document is"),
    cidr: z.string(),
    bits: z.number(),
    count: z.number(),
    prefixes: z.array(z.string()),
  }),
});
