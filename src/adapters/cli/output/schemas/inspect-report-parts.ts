/** Parts of the JSON Schema of InspectReport (inspect-report.ts): the verdicts, the lab and the Azure side. */
import { z } from "zod";
import { PlanAssumption, PlanFinding, SharedRangeCheck } from "./cluster-checks.js";
import { CLUSTER_API_SERVER, CLUSTER_NETWORK } from "./scan-report.js";

/** The evidence a verdict cites: each object read and what it says. */
const proof = z.array(z.object({ object: z.string(), says: z.string() }));
/** Why a verdict could not be settled, and how to settle it. */
const unknown = z.object({ missing: z.array(z.string()), why: z.string(), settle: z.string() });

/** A verdict: a value with its proof; `unknown` and `note` are typed as each verdict writes them. */
const verdict = <U extends z.ZodType, N extends z.ZodType>(unknownAs: U, noteAs: N) =>
  z.object({ value: z.string(), proof, proofTotal: z.number(), unknown: unknownAs, note: noteAs });

/** A lab verdict: a verdict with the question it answers and the command that answers it live. */
const labVerdict = <U extends z.ZodType, N extends z.ZodType>(unknownAs: U, noteAs: N) =>
  verdict(unknownAs, noteAs).extend({ question: z.string(), command: z.string() });

/** `verdicts` of InspectReport. */
export const InspectVerdicts = z.object({
  model: verdict(z.null(), z.null()),
  dataplane: verdict(unknown.nullable(), z.string().nullable()),
  ciliumRuns: verdict(unknown.nullable(), z.null()),
  kubeProxyRuns: verdict(unknown.nullable(), z.null()),
  networkPolicy: verdict(unknown.nullable(), z.string().nullable()),
  podRangeSeparate: verdict(unknown.nullable(), z.string().nullable()),
  nodePodRanges: verdict(z.null(), z.string().nullable()),
});

/** `lab` of InspectReport. */
export const InspectLab = z.object({
  nodeAndPodRanges: labVerdict(unknown.nullable(), z.string().nullable()),
  ciliumRunning: labVerdict(unknown.nullable(), z.null()),
  kubeProxyAbsent: labVerdict(unknown.nullable(), z.null()),
  networkMonitor: labVerdict(unknown.nullable(), z.string()).extend({
    configMap: z.null(),
    daemonSet: z.string(),
    annotations: z.array(z.object({ key: z.string(), nodes: z.number(), values: z.array(z.string()) })),
  }),
  nodePodCidrs: labVerdict(z.null(), z.string().nullable()).extend({
    nodes: z.array(z.object({ node: z.string(), podCidrs: z.array(z.string()), from: z.string().nullable() })),
  }),
});

/** `azure` of InspectReport. */
export const InspectAzure = z
  .object({
    source: z.object({
      kind: z.string(),
      files: z.array(z.string()),
    }),
    matchedBy: z.string(),
    cluster: z.object({
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
          powerState: z.null(),
          checks: z.array(SharedRangeCheck),
          verdict: z.string(),
          notes: z.array(z.unknown()),
        }),
      ),
      podCidr: z.object({
        cidr: z.string(),
        blocks: z.number(),
        used: z.number(),
        free: z.number(),
        neededAtMax: z.number(),
        verdict: z.string(),
      }),
      shared: z.array(SharedRangeCheck),
      findings: z.array(PlanFinding),
      assumptions: z.array(PlanAssumption),
      notes: z.array(z.unknown()),
    }),
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
        note: z.null(),
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
    missing: z.array(z.unknown()),
    apiServer: z
      .object({
        vnetIntegration: z.boolean(),
        subnetId: z.string().nullable(),
        subnet: z.string().nullable(),
        prefixes: z.array(z.string()),
        private: z.boolean(),
      })
      .nullable()
      .optional(),
    vnets: z
      .array(z.object({ id: z.string(), name: z.string(), addressSpace: z.array(z.string()) }))
      .optional()
      .describe("the VNets that hold the cluster's node, pod or API server subnets"),
    vnetSubnets: z
      .array(
        z.object({
          vnet: z.string(),
          name: z.string(),
          id: z.string(),
          prefixes: z.array(z.string()),
          kind: z.string().describe("a subnet kind of the knowledge base: azureFirewall, bastion, …"),
          title: z.string(),
          by: z.string().describe("record, name, delegation or private-endpoints"),
          minimumPrefixLength: z.number(),
          prefixLength: z.number().nullable(),
          maximumPrefixLength: z.number().nullable(),
          used: z.number().nullable(),
          usable: z.number().nullable(),
          verdict: z.string().describe("ok, too-small, too-large or unknown"),
          message: z.string(),
          source: z.array(z.string()),
        }),
      )
      .optional(),
  })
  .nullable();
