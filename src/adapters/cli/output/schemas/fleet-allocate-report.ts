/**
 * The output contract of FleetAllocateReport (`-o json`): the source of
 * schema/output/FleetAllocateReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const FleetAllocateReport = outputSchema({
  kind: "FleetAllocateReport",
  title: "aksnet fleet allocate -o json",
  description:
    "The JSON output of `aksnet fleet allocate -o json` " +
    "(FleetAllocateReport), documented field by field in docs/fleet.md. " +
    "Objects may gain fields within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("FleetAllocateReport").describe("what the document is"),
    file: z.string(),
    ok: z.boolean(),
    clusters: z.array(
      z.object({
        name: z.string(),
        podCidrs: z.array(z.string()),
        serviceCidrs: z.array(z.string()),
        podCidrKind: z.string().nullable(),
        checkErrors: z.array(z.unknown()),
        status: z.string(),
        pool: z.string().nullable(),
        vnet: z.array(z.string()),
        subnets: z.array(
          z.object({
            name: z.string(),
            cidr: z.string(),
          }),
        ),
        reason: z.null(),
        plan: z
          .record(z.string(), z.unknown())
          .describe("a plan file's fields (schema/aksnet-plan.schema.json), defaults filled in"),
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
    problems: z.array(z.unknown()),
    assumptions: z.array(z.string()),
    notes: z.array(z.unknown()),
    wrote: z.array(z.unknown()),
  }),
});
