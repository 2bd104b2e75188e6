/**
 * The output contract of CidrExcludeReport (`-o json`): the source of
 * schema/output/CidrExcludeReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CidrExcludeReport = outputSchema({
  kind: "CidrExcludeReport",
  title: "aksnet cidr exclude -o json",
  description:
    "The JSON output of `aksnet cidr exclude -o json` (CidrExcludeReport), " +
    "documented field by field in docs/cidr.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CidrExcludeReport").describe("what the document is"),
    parents: z.array(z.string()),
    removed: z.number(),
    count: z.number(),
    addresses: z.string(),
    prefixes: z.array(z.string()),
  }),
});
