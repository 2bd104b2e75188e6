/**
 * The output contract of InspectReport (`-o json`): the source of
 * schema/output/InspectReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { PlanAssumption, PlanFinding } from "./cluster-checks.js";
import { API_VERSION, outputSchema } from "./define.js";
import { InspectAzure, InspectLab, InspectVerdicts } from "./inspect-report-parts.js";

export const InspectReport = outputSchema({
  kind: "InspectReport",
  title: "aksnet inspect -o json",
  description:
    "The JSON output of `aksnet inspect -o json` (InspectReport), documented " +
    "field by field in docs/inspect.md. Objects may gain fields within " +
    "aksnet/v1: ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("InspectReport").describe("what the document is"),
    source: z.object({
      kind: z.string(),
      files: z.array(z.string()),
    }),
    verdict: z.object({
      model: z.string(),
      confidence: z.string(),
      evidence: z.array(
        z.object({
          signal: z.string(),
          observed: z.string(),
          models: z.array(z.string()),
          weight: z.string(),
          objects: z.array(z.string()),
        }),
      ),
      caveats: z.array(z.string()),
      dataplane: z.string(),
      policy: z.string(),
    }),
    verdicts: InspectVerdicts,
    lab: InspectLab,
    placement: z.object({
      podsWithIp: z.number(),
      inNodePodRange: z.number(),
      nodeAddressSpan: z.string(),
      inNodeAddressSpan: z.number(),
    }),
    totals: z.object({
      nodes: z.number(),
      readyNodes: z.number(),
      pods: z.number(),
      hostNetworkPods: z.number(),
      podAddresses: z.number(),
    }),
    pools: z.array(
      z.object({
        pool: z.string(),
        mode: z
          .string()
          .nullable()
          .describe("the nodes' kubernetes.azure.com/mode (system, user, gateway), mixed when they differ"),
        nodes: z.number(),
        maxPods: z.number(),
        pods: z.number(),
        hostNetworkPods: z.number(),
      }),
    ),
    nodes: z.array(
      z.object({
        name: z.string(),
        pool: z.string(),
        mode: z.string().nullable().describe("the node's kubernetes.azure.com/mode label, lower case"),
        internalIps: z.array(z.string()),
        podCidrs: z.array(z.string()),
        podCidrsFrom: z.string().nullable(),
        maxPods: z.number(),
        pods: z.number(),
        hostNetworkPods: z.number(),
        podAddresses: z.number(),
        freePodSlots: z.number(),
      }),
    ),
    ranges: z.array(
      z.object({
        role: z.string(),
        cidr: z.string(),
        source: z.string(),
        unit: z.string(),
        total: z.number(),
        used: z.number(),
        free: z.number(),
        podAddresses: z.number(),
        perNode: z.number(),
      }),
    ),
    headroom: z.object({
      moreNodes: z.number(),
      limitedBy: z.string(),
      checks: z.array(
        z.object({
          name: z.string(),
          needsNodes: z.number(),
          fits: z.boolean(),
          error: z.string().nullable(),
          message: z.string(),
        }),
      ),
      notes: z.array(z.string()),
    }),
    virtualNodes: z.array(z.unknown()),
    configured: z
      .object({
        cluster: z.object({
          files: z.array(z.string()),
          sku: z.string().describe("Base or Automatic"),
          apiServer: z
            .object({
              vnetIntegration: z.boolean(),
              subnet: z.string().nullable(),
              subnetCidr: z.string().nullable(),
              private: z.boolean(),
              authorizedIpRanges: z
                .array(z.string())
                .describe("apiServer.authorizedIpRanges as written (ARM: authorizedIPRanges); empty when none"),
            })
            .nullable(),
          kubernetesVersion: z.string(),
          model: z.string(),
          dataplane: z.string(),
          policy: z.string(),
          podCidrs: z.array(z.string()),
          serviceCidrs: z.array(z.string()),
          dnsServiceIp: z.string(),
          outboundType: z.string(),
          pools: z.array(
            z.object({
              name: z.string(),
              mode: z.string().describe("System, User or Gateway"),
              gatewayPrefixSize: z.number().nullable(),
              count: z.number(),
              maxCount: z.number().nullable(),
              minCount: z.number().nullable(),
              maxPods: z.number(),
              maxSurge: z.string(),
              maxSurgeDefaulted: z.boolean(),
              subnet: z.string(),
              subnetCidr: z.string().nullable(),
              podSubnet: z.null(),
              podSubnetCidr: z.null(),
            }),
          ),
          assumptions: z.array(PlanAssumption),
        }),
        differences: z.array(z.unknown()),
        drift: z.array(z.unknown()),
        findings: z.array(PlanFinding),
      })
      .nullable(),
    azure: InspectAzure,
    problems: z.array(
      z.object({
        resource: z.string(),
        kind: z.string(),
        detail: z.string(),
      }),
    ),
    suppressed: z
      .array(
        z
          .object({
            ruleId: z.string().describe("scan/<check>, inspect/headroom, or a check or drift rule id"),
            severity: z.enum(["error", "warning", "info"]).describe("after the config's rule levels"),
            resource: z
              .string()
              .describe("the Azure resource ID of the cluster or pool (the cluster's name when no ID is known)"),
            key: z
              .string()
              .describe("what tells it from the rule's other findings on the resource: the range ID, the field path"),
            message: z.string(),
            suppression: z.object({
              kind: z.literal("external"),
              reason: z.string(),
              by: z.string().describe("the config file, or the baseline file"),
            }),
          })
          .describe(
            "a finding the project policy suppressed (docs/ci.md): a config suppressions entry or the baseline",
          ),
      )
      .describe("findings the project policy suppressed, with why; the verdicts above stay as measured"),
  }),
});
