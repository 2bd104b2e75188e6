/**
 * The output contract of GenerateReport (`-o json`): the source of
 * schema/output/GenerateReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const GenerateReport = outputSchema({
  kind: "GenerateReport",
  title: "aksnet generate -o json (one cluster)",
  description:
    "The JSON output of `aksnet generate -o json (one cluster)` " +
    "(GenerateReport), documented field by field in docs/generate.md. Objects " +
    "may gain fields within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("GenerateReport").describe("what the document is"),
    format: z.string(),
    notes: z.array(z.string()),
    aksDefaults: z.array(z.string()),
    text: z.string(),
  }),
});
