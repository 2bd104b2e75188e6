/**
 * The output contract of CidrMergeReport (`-o json`): the source of
 * schema/output/CidrMergeReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CidrMergeReport = outputSchema({
  kind: "CidrMergeReport",
  title: "aksnet cidr merge -o json",
  description:
    "The JSON output of `aksnet cidr merge -o json` (CidrMergeReport), " +
    "documented field by field in docs/cidr.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CidrMergeReport").describe("what the document is"),
    inputs: z.number(),
    count: z.number(),
    addresses: z.string(),
    prefixes: z.array(z.string()),
  }),
});
