/**
 * The output contract of RecommendReport (`-o json`): the source of
 * schema/output/RecommendReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { API_VERSION, outputSchema } from "./define.js";

export const RecommendReport = outputSchema({
  kind: "RecommendReport",
  title: "aksnet recommend -o json",
  description:
    "The JSON output of `aksnet recommend -o json` (RecommendReport), " +
    "documented field by field in docs/recommend.md. Objects may gain fields " +
    "within aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("RecommendReport").describe("what the document is"),
    requirements: z.record(z.string(), z.unknown()),
    target: z.object({
      nodes: z.number(),
      peakNodes: z.number(),
      maxPods: z.number(),
      maxPodsAssumed: z.boolean(),
      pools: z.array(
        z.object({
          name: z.string(),
          mode: z.string(),
          nodes: z.number(),
          peakNodes: z.number(),
        }),
      ),
      maxSurge: z.string(),
      kubernetesVersion: z.string().nullable(),
      addressSpace: z.array(z.string()),
    }),
    assumptions: z.array(z.string()),
    ranked: z.array(
      z.object({
        rank: z.number(),
        id: z.string(),
        model: z.string(),
        dataplane: z.string(),
        title: z.string(),
        total: z.number(),
        scores: z.array(
          z.object({
            score: z.number(),
            for: z.array(z.string()),
            against: z.array(z.string()),
            scorer: z.string(),
            weight: z.number(),
          }),
        ),
        for: z.array(z.string()),
        against: z.array(z.string()),
        lockIns: z.array(
          z.object({
            text: z.string(),
            source: z.string(),
          }),
        ),
        retirements: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            date: z.string(),
            source: z.string(),
          }),
        ),
        needs: z.object({
          nodeSubnetBits: z.number(),
          podSubnetBits: z.number().nullable(),
          podCidrBits: z.number().nullable(),
        }),
      }),
    ),
    rejected: z.array(
      z.object({
        id: z.string(),
        model: z.string(),
        dataplane: z.string(),
        title: z.string(),
        reasons: z.array(
          z.object({
            filter: z.string(),
            reason: z.string(),
            source: z.string(),
          }),
        ),
        defaults: z.array(
          z.object({
            requirement: z.string(),
            assumed: z.string(),
            wouldFit: z.string(),
            text: z.string(),
          }),
        ),
      }),
    ),
    emittedPlan: z
      .object({
        file: z.string(),
        candidate: z.string(),
      })
      .nullable()
      .describe("with --emit-plan FILE: the plan file written and the candidate it is for; null without it"),
  }),
});
