/**
 * The output contract of GenerateFleetReport (`-o json`): the source of
 * schema/output/GenerateFleetReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const GenerateFleetReport = outputSchema({
  kind: "GenerateFleetReport",
  title: "aksnet generate FLEET.yaml -o json (a fleet)",
  description:
    "The JSON output of `aksnet generate FLEET.yaml -o json (a fleet)` " +
    "(GenerateFleetReport), documented field by field in docs/generate.md. " +
    "Objects may gain fields within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("GenerateFleetReport").describe("what the document is"),
    format: z.string(),
    clusters: z.array(
      z.object({
        name: z.string(),
        module: z.string(),
      }),
    ),
    notes: z.array(z.string()),
    files: z.array(
      z.object({
        path: z.string(),
        text: z.string(),
      }),
    ),
  }),
});
