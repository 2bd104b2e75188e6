/**
 * The output contract of ScanReport (`-o json`): the source of
 * schema/output/ScanReport.schema.json (npm run generate).
 */
import { z } from "zod";
import { PlanAssumption, PlanFinding, SharedRangeCheck } from "./cluster-checks.js";
import { API_VERSION, outputSchema } from "./define.js";

/** clusters[].network (also inspect's azure.cluster.network): what the cluster's record states. */
export const CLUSTER_NETWORK = z
  .object({
    serviceCidrs: z.array(z.string()).nullable(),
    dnsServiceIp: z.string().nullable(),
    policy: z.string().nullable(),
  })
  .nullable()
  .describe("as the cluster's record states them; null where it does not (the default is an assumption)");

/** clusters[].apiServer: the record's apiServerAccessProfile (inspect's azure.apiServer plus authorizedIpRanges). */
export const CLUSTER_API_SERVER = z
  .object({
    vnetIntegration: z.boolean().describe("enableVnetIntegration"),
    subnetId: z.string().nullable().describe("the delegated API server subnet's ID"),
    subnet: z.string().nullable().describe("its name"),
    prefixes: z.array(z.string()).describe("its prefixes from the VNet as read; empty when the VNet was not read"),
    private: z.boolean().describe("enablePrivateCluster"),
    authorizedIpRanges: z.array(z.string()).describe("authorizedIPRanges"),
  })
  .nullable()
  .describe("the record's apiServerAccessProfile; null when it has none");

export const ScanReport = outputSchema({
  kind: "ScanReport",
  title: "aksnet scan -o json",
  description:
    "The JSON output of `aksnet scan -o json` (ScanReport), documented field " +
    "by field in docs/scan.md. Objects may gain fields within aksnet/v1: " +
    "ignore fields you do not know.",
  schema: z.object({
    apiVersion: API_VERSION,
    kind: z.literal("ScanReport").describe("what the document is"),
    source: z.object({
      kind: z.string(),
      files: z.array(z.string()),
    }),
    requests: z.null(),
    summary: z.object({
      clusters: z.number(),
      fails: z.number(),
      atRisk: z.number(),
      ok: z.number(),
      unknown: z.number(),
      subnets: z.number(),
      complete: z.boolean(),
    }),
    clusters: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        subscriptionId: z.string(),
        resourceGroup: z.string(),
        location: z.string(),
        kubernetesVersion: z.string(),
        model: z.string(),
        dataplane: z.string(),
        network: CLUSTER_NETWORK,
        apiServer: CLUSTER_API_SERVER,
        verdict: z.string(),
        reasons: z.array(z.string()),
        pools: z.array(
          z.object({
            name: z.string(),
            mode: z.string(),
            gatewayPrefixSize: z.number().nullable(),
            model: z.string(),
            autoscale: z.boolean(),
            count: z.number(),
            minCount: z.number().nullable(),
            maxCount: z.number().nullable(),
            peak: z.number(),
            maxPods: z.number(),
            maxSurge: z.string(),
            surgeNodes: z.number(),
            perNode: z.object({
              nodeSubnet: z.number(),
              podSubnet: z.number(),
            }),
            nodeSubnetId: z.string(),
            podSubnetId: z.null(),
            powerState: z.string(),
            checks: z.array(SharedRangeCheck),
            verdict: z.string(),
            notes: z.array(z.unknown()),
          }),
        ),
        podCidr: z
          .object({
            cidr: z.string(),
            blocks: z.number(),
            used: z.number(),
            free: z.number(),
            neededAtMax: z.number(),
            verdict: z.string(),
          })
          .nullable(),
        shared: z.array(SharedRangeCheck),
        findings: z.array(PlanFinding),
        assumptions: z.array(PlanAssumption),
        notes: z.array(z.unknown()),
      }),
    ),
    subnets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        vnetId: z.string(),
        roles: z.array(z.string()),
        prefixes: z.array(z.string()),
        size: z.number(),
        usable: z.number(),
        used: z.number(),
        usedSource: z.string(),
        free: z.number(),
        note: z.string().nullable(),
        pools: z.array(
          z.object({
            clusterId: z.string(),
            cluster: z.string(),
            pool: z.string(),
            role: z.string(),
            perNode: z.number(),
            nodes: z.number(),
            peak: z.number(),
            surge: z.number(),
          }),
        ),
        neededAtMax: z.number(),
        verdict: z.string(),
        check: z.object({
          check: z.string(),
          range: z.string(),
          rangeId: z.string(),
          needed: z.number(),
          free: z.number(),
          verdict: z.string(),
          aksErrorCode: z.string().nullable(),
          message: z.string(),
          fix: z.string().nullable(),
        }),
      }),
    ),
    vnets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        subscriptionId: z.string(),
        resourceGroup: z.string(),
        location: z.string(),
        addressSpace: z.array(z.string()),
        peerings: z.array(
          z.object({
            name: z.string(),
            remoteAddressSpace: z.array(z.string()),
          }),
        ),
        subnets: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            prefixes: z.array(z.string()),
          }),
        ),
        subnetCount: z.null(),
      }),
    ),
    missing: z.array(z.unknown()),
    problems: z.array(z.unknown()),
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
