/**
 * The output contract of MigrateReport (`-o json`): the source of
 * schema/output/MigrateReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const MigrateReport = outputSchema({
  kind: "MigrateReport",
  title: "aksnet migrate -o json",
  description:
    "The JSON output of `aksnet migrate -o json` (MigrateReport), documented " +
    "field by field in docs/migrate.md. Objects may gain fields within " +
    "aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("MigrateReport").describe("what the document is"),
    cluster: z.object({
      name: z.string(),
      resourceGroup: z.string(),
    }),
    target: z.string(),
    status: z.string(),
    from: z.object({
      model: z.string(),
      dataplane: z.string(),
      policy: z.string(),
    }),
    to: z.object({
      model: z.string(),
      dataplane: z.string(),
      policy: z.string(),
    }),
    blockers: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        message: z.string(),
        fix: z.string(),
        source: z.string(),
      }),
    ),
    checks: z.array(
      z.object({
        id: z.string(),
        message: z.string(),
        command: z.array(z.string()),
        source: z.string(),
        commandText: z.string(),
      }),
    ),
    warnings: z.array(
      z.object({
        id: z.string(),
        message: z.string(),
        source: z.string(),
      }),
    ),
    podCidr: z
      .object({
        cidr: z.string(),
        origin: z.string(),
        blocksNeeded: z.number(),
        nodesSupported: z.number(),
        reason: z.string(),
      })
      .nullable(),
    nodeSubnetAddresses: z
      .object({
        before: z.number(),
        after: z.number(),
      })
      .nullable(),
    steps: z.array(
      z.object({
        title: z.string(),
        command: z.array(z.string()),
        oneWay: z.boolean(),
        note: z.string().optional(),
        source: z.string(),
        commandText: z.string(),
      }),
    ),
    oneWay: z.array(z.string()),
    reimage: z.string(),
  }),
});
