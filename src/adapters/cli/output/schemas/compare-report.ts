/**
 * The output contract of CompareReport (`-o json`): the source of
 * schema/output/CompareReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { assumed } from "./assumed.js";
import { API_VERSION, outputSchema } from "./define.js";

export const CompareReport = outputSchema({
  kind: "CompareReport",
  title: "aksnet compare -o json",
  description:
    "The JSON output of `aksnet compare -o json` (CompareReport), documented " +
    "field by field in docs/compare.md. Objects may gain fields within " +
    "aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("CompareReport").describe("what the document is"),
    assumptions: z.object({
      nodeSubnet: assumed(z.string()),
      podCidr: assumed(z.string()).optional(),
      podSubnet: assumed(z.string().nullable()).optional(),
      maxPods: assumed(z.number().nullable(), "optional", z.number()),
      maxSurge: assumed(z.string(), "optional"),
      tier: assumed(z.string(), "optional"),
      surgeCounting: assumed(z.null()),
      dynamicAllocation: assumed(z.string(), "required").optional(),
      staticBlocks: assumed(z.string()).optional(),
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
        dataplane: z.string().nullable(),
        title: z.string(),
        maxPodsPerNode: z.number(),
        addressesPerNode: z.object({
          nodeSubnet: z.number(),
          podSubnet: z.number(),
          podSubnetBlocks: z.number(),
          podCidrBlocks: z.number(),
          vnetIps: z.number(),
        }),
        podRange: z.string(),
        maxNodes: z.number(),
        maxPods: z.number(),
        limitedBy: z.string(),
        podsLimitedBy: z.string(),
        withSurge: z.object({
          maxSurge: z.string(),
          surgeNodes: z.number(),
          maxNodes: z.number(),
          maxPods: z.number(),
          limitedBy: z.string(),
        }),
        withAlternativeSurge: z
          .object({
            maxSurge: z.string(),
            surgeNodes: z.number(),
            maxNodes: z.number(),
            maxPods: z.number(),
            limitedBy: z.string(),
          })
          .nullable(),
        withFallbackSurge: z
          .object({
            maxSurge: z.string(),
            surgeNodes: z.number(),
            maxNodes: z.number(),
            maxPods: z.number(),
            limitedBy: z.string(),
            fromKubernetes: z.string(),
            applies: z.boolean().nullable(),
            documentedForSubnet: z.boolean(),
          })
          .nullable(),
        limits: z.array(
          z.object({
            resource: z.string(),
            maxNodes: z.number(),
            maxNodesWithSurge: z.number(),
          }),
        ),
        podSubnetNeeded: z
          .object({
            addressesNeeded: z.number(),
            prefixLength: z.number(),
          })
          .nullable(),
        features: z.object({
          status: z.string(),
          windows: z.boolean(),
          networkPolicies: z.array(z.string()),
          dualStack: z.boolean(),
          podsRoutable: z.boolean(),
          virtualNodes: z.boolean(),
          kubeProxy: z.boolean(),
          agic: z.boolean(),
          applicationGatewayForContainers: z.boolean(),
          privateLinkService: z.boolean(),
          retirement: z.string().nullable(),
        }),
      }),
    ),
    problems: z.array(z.unknown()),
  }),
});
