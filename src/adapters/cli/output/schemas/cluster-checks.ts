/**
 * Shapes that inspect's and scan's reports share (a cluster's checks against Azure's view of its subnets):
 * one source for each, inlined where used in the generated JSON Schemas.
 */
import { z } from "zod";

/** A range check (`shared[]`, and each pool's `pools[].checks[]`): what it needs, what is free, and the verdict. */
export const SharedRangeCheck = z.object({
  check: z.string(),
  range: z.string(),
  rangeId: z.string(),
  needed: z.number(),
  free: z.number(),
  verdict: z.string(),
  aksErrorCode: z.string().nullable(),
  message: z.string(),
  fix: z.string().nullable(),
});

/** A rule's finding about the cluster's plan (`findings[]`). */
export const PlanFinding = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  path: z.array(z.union([z.number(), z.string()])),
  fix: z.string(),
  edits: z
    .array(
      z.object({
        path: z.array(z.union([z.number(), z.string()])),
        value: z.string(),
      }),
    )
    .optional(),
  data: z.record(z.string(), z.unknown()).describe("the values the message was built from (per rule)"),
  aksErrorCode: z.string().optional(),
  docsUrl: z.string(),
});

/** A value the plan read from the cluster took by assumption (`assumptions[]`). */
export const PlanAssumption = z.object({
  path: z.string(),
  value: z.string(),
  reason: z.string(),
  source: z.string(),
});
