/**
 * The output contract of CidrFreeReport (`-o json`): the source of
 * schema/output/CidrFreeReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CidrFreeReport = outputSchema({
  kind: "CidrFreeReport",
  title: "aksnet cidr free -o json",
  description:
    "The JSON output of `aksnet cidr free -o json` (CidrFreeReport), " +
    "documented field by field in docs/cidr.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CidrFreeReport").describe("what the document is"),
    parent: z.string(),
    used: z.number(),
    count: z.number(),
    addresses: z.string().optional(),
    prefixes: z.array(z.string()),
    bits: z.number().optional(),
    requested: z.number().optional(),
  }),
});
