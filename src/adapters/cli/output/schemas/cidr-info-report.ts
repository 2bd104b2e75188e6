/**
 * The output contract of CidrInfoReport (`-o json`): the source of
 * schema/output/CidrInfoReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const CidrInfoReport = outputSchema({
  kind: "CidrInfoReport",
  title: "aksnet cidr info -o json",
  description:
    "The JSON output of `aksnet cidr info -o json` (CidrInfoReport), " +
    "documented field by field in docs/cidr.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CidrInfoReport").describe("what the document is"),
    count: z.number(),
    prefixes: z.array(
      z.object({
        input: z.string(),
        cidr: z.string(),
        family: z.number(),
        bits: z.number(),
        first: z.string(),
        last: z.string(),
        netmask: z.string().nullable(),
        size: z.string(),
        hostBits: z.boolean(),
        azureSubnet: z.boolean(),
        azureUsable: z.string().nullable(),
        azureProblem: z.string().nullable(),
      }),
    ),
  }),
});
