/**
 * The output contract of SizeReport (`-o json`): the source of
 * schema/output/SizeReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { assumed } from "./assumed.js";
import { API_VERSION, outputSchema } from "./define.js";

export const SizeReport = outputSchema({
  kind: "SizeReport",
  title: "aksnet size -o json",
  description:
    "The JSON output of `aksnet size -o json` (SizeReport), documented field " +
    "by field in docs/size.md. Objects may gain fields within aksnet/v1: " +
    "ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("SizeReport").describe("what the document is"),
    assumptions: z.object({
      nodes: assumed(z.number()),
      maxPods: assumed(z.number().nullable()),
      maxSurge: assumed(z.string(), "optional"),
      tier: assumed(z.string(), "optional"),
      formula: assumed(z.string()),
      podCidr: assumed(z.string()).optional(),
      dynamicAllocation: assumed(z.string(), "required").optional(),
      staticBlocks: assumed(z.string()).optional(),
      surgeFallback: assumed(z.string()).optional(),
      tenants: assumed(z.number()).optional(),
      maxUnavailable: assumed(z.string()).optional(),
      nodeAutoProvisioning: assumed(z.string()).optional(),
      network: assumed(z.string()).optional(),
      kubernetesVersion: z
        .object({
          value: z.string(),
          origin: z.string(),
          note: z.string(),
          sources: z.array(z.unknown()),
        })
        .optional(),
    }),
    models: z.array(
      z.object({
        model: z.string(),
        title: z.string(),
        nodes: z.number(),
        pods: z.number(),
        surgeNodes: z.number(),
        nodeSubnet: z.object({
          addressesNeeded: z.number(),
          prefixLength: z.number(),
        }),
        podSubnet: z
          .object({
            addressesNeeded: z.number(),
            blocksNeeded: z.number().nullable(),
            prefixLength: z.number(),
          })
          .nullable(),
        podCidr: z
          .object({
            blocksNeeded: z.number(),
            prefixLength: z.number(),
          })
          .nullable(),
        pools: z.array(
          z.object({
            name: z.string(),
            nodes: z.number(),
            surgeNodes: z.number(),
            maxPods: z.number(),
            maxSurge: z.string(),
          }),
        ),
        withAlternativeSurge: z
          .object({
            maxSurge: z.string(),
            surgeNodes: z.number(),
            nodeSubnet: z.object({
              addressesNeeded: z.number(),
              prefixLength: z.number(),
            }),
            podSubnet: z
              .object({
                addressesNeeded: z.number(),
                blocksNeeded: z.number().nullable(),
                prefixLength: z.number(),
              })
              .nullable(),
            podCidr: z
              .object({
                blocksNeeded: z.number(),
                prefixLength: z.number(),
              })
              .nullable(),
          })
          .nullable(),
        withFallbackSurge: z
          .object({
            maxSurge: z.string(),
            fromKubernetes: z.string(),
            applies: z.boolean().nullable(),
            documentedForSubnet: z.boolean(),
            surgeNodes: z.number(),
            nodeSubnet: z.object({
              addressesNeeded: z.number(),
              prefixLength: z.number(),
            }),
            podSubnet: z
              .object({
                addressesNeeded: z.number(),
                blocksNeeded: z.number().nullable(),
                prefixLength: z.number(),
              })
              .nullable(),
            podCidr: z
              .object({
                blocksNeeded: z.number(),
                prefixLength: z.number(),
              })
              .nullable(),
          })
          .nullable(),
        problems: z.array(
          z.object({
            code: z.string(),
            severity: z.string(),
            message: z.string(),
          }),
        ),
        dataplane: z.string().nullable(),
      }),
    ),
    problems: z.array(z.unknown()),
    subnets: z.array(
      z.object({
        name: z.string(),
        kind: z.string(),
        why: z.string(),
        cidr: z
          .string()
          .describe(
            "the subnet's CIDR, with usable and fits, when a plan gives one (--pools " +
              "PLAN); absent when sized from flags",
          )
          .optional(),
        usable: z.number().optional(),
        addressesNeeded: z.number().nullable(),
        prefixLength: z.number(),
        fits: z.boolean().optional(),
        delegation: z.string().nullable(),
        breakdown: z.array(z.string()),
        notes: z.array(z.unknown()),
        sources: z.array(z.string()),
        models: z
          .array(z.string())
          .describe(
            "sized from flags (no --pools): the network models this size holds for " +
              "(each model of --model, or every model)",
          )
          .optional(),
      }),
    ),
  }),
});
