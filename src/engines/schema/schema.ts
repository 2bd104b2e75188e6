/**
 * The plan file (`aksnet.yaml`, JSON accepted too): the single source of the
 * plan's types, its structural rules and the generated JSON Schema
 * (`schema/aksnet-plan.schema.json`). Field names follow the AKS API vocabulary.
 *
 * Structure and allowed values are checked here; everything that needs
 * judgement (CIDR syntax, overlaps, sizes, combinations) is a validator rule,
 * so a plan with a bad CIDR still loads and gets a finding with a path.
 * Anything left out is resolved from the knowledge base for the stated
 * Kubernetes version (see `defaults.ts`).
 */
import { z } from "zod";
import { SKU_TIERS } from "../../kb/index.js";
import {
  AddonsSection,
  ApiServerSection,
  HostedSystemSection,
  LayoutSection,
  NatGatewaySection,
  RouteTableSection,
  NodeProvisioningSection,
  SubnetPurpose,
} from "./schema-vnet.js";

const name = z.string().min(1);
export const cidrText = z.string().describe("CIDR notation, e.g. 10.244.0.0/16");

export const NetworkPlugin = z.enum(["azure", "kubenet", "none"]);
export const NetworkPluginMode = z.enum(["overlay"]);
export const NetworkDataplane = z.enum(["azure", "cilium"]);
export const NetworkPolicy = z.enum(["none", "azure", "calico", "cilium"]);
export const IpFamily = z.enum(["IPv4", "IPv6"]);
export const OutboundType = z.enum([
  "loadBalancer",
  "managedNATGateway",
  "managedNATGatewayV2",
  "userAssignedNATGateway",
  "userDefinedRouting",
  "none",
  "block",
]);
export const PoolMode = z.enum(["System", "User", "Gateway"]);
export const PoolOs = z.enum(["Linux", "Windows2019", "Windows2022", "Windows2025"]);
export const PodIpAllocation = z.enum(["DynamicIndividual", "StaticBlock"]);

export const NetworkSection = z
  .object({
    plugin: NetworkPlugin.optional().describe(
      "azure | kubenet | none. Default: Azure CNI Overlay from Kubernetes 1.30, kubenet before.",
    ),
    pluginMode: NetworkPluginMode.optional().describe("overlay, or omitted (azure without a mode is node subnet)"),
    dataplane: NetworkDataplane.optional().describe("azure (default) | cilium"),
    policy: NetworkPolicy.optional().describe("none (default) | azure | calico | cilium"),
    ipFamilies: z.array(IpFamily).optional().describe("[IPv4] or [IPv4, IPv6]"),
    podCidrs: z.array(cidrText).optional().describe("kubenet, overlay and none: the pod CIDR(s), one per IP family"),
    serviceCidrs: z.array(cidrText).optional().describe("the service CIDR(s), one per IP family; default 10.0.0.0/16"),
    dnsServiceIp: z
      .string()
      .optional()
      .describe("the cluster DNS service address inside the service CIDR; default 10.0.0.10"),
    outboundType: OutboundType.optional(),
  })
  .strict();

export const SubnetSection = z
  .object({
    name,
    cidr: cidrText,
    delegation: z
      .string()
      .optional()
      .describe("service the subnet is delegated to, e.g. Microsoft.ContainerInstance/containerGroups"),
    routeTable: z.string().optional().describe("name of a vnet.routeTables entry attached to the subnet"),
    purpose: SubnetPurpose.optional(),
    natGateway: z.string().optional().describe("name of a vnet.natGateways entry attached to the subnet"),
    privateEndpoints: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("private endpoints the subnet holds (one address each)"),
    internalLoadBalancerIps: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("internal load balancer frontends the subnet holds (one address each)"),
  })
  .strict();

export const VnetSection = z
  .object({
    name: name.optional(),
    resourceGroup: z.string().optional(),
    addressSpace: z.array(cidrText).min(1),
    subnets: z.array(SubnetSection).default([]),
    natGateways: z.array(NatGatewaySection).optional(),
    routeTables: z.array(RouteTableSection).optional(),
  })
  .strict();

export const ConnectedNetwork = z
  .object({
    name,
    cidrs: z.array(cidrText).min(1),
    kind: z.enum(["peering", "vpn", "expressRoute", "onPremises", "other"]).optional(),
  })
  .strict();

const surge = z.union([z.number().int(), z.string()]).describe('a node count (3) or a percentage ("33%")');

export const NodePoolSection = z
  .object({
    name,
    mode: PoolMode.optional().describe(
      "System | User | Gateway (static egress gateway); default: the first pool is System",
    ),
    os: PoolOs.optional().describe("Linux (default) | Windows2022 | Windows2025"),
    count: z.number().int().optional(),
    minCount: z.number().int().optional().describe("autoscaler minimum"),
    maxCount: z.number().int().optional().describe("autoscaler maximum; AKS reserves addresses for it up front"),
    maxPods: z.number().int().optional(),
    maxSurge: surge.optional(),
    maxUnavailable: surge
      .optional()
      .describe(
        "nodes upgraded in place at a time: a count or a percentage; above 0 it needs no surge node and no extra " +
          "addresses; default 0 (then maxSurge must be above 0); not on System pools",
      ),
    subnet: z.string().optional().describe("name of a vnet subnet for the nodes"),
    podSubnet: z.string().optional().describe("name of a vnet subnet for pods (pod-subnet models only)"),
    podIpAllocation: PodIpAllocation.optional(),
    gatewayPrefixSize: z
      .number()
      .int()
      .optional()
      .describe("mode Gateway: the public IP prefix length (28–31); the pool may have 2^(32 − it) nodes"),
    vmSetType: z.enum(["VirtualMachineScaleSets", "VirtualMachines"]).optional(),
    priority: z.enum(["Regular", "Spot"]).optional().describe("Spot pools upgrade without surge nodes"),
    nodePublicIp: z.boolean().optional().describe("enableNodePublicIP: each node gets its own public IP"),
    nodePublicIpPrefix: cidrText
      .optional()
      .describe(
        "the CIDR of the public IP prefix the pool's node public IPs come from (for checks: with authorized IP " +
          "ranges it must be one of them)",
      ),
    nodePublicIpPrefixId: z
      .string()
      .optional()
      .describe(
        "the resource ID of that public IP prefix (…/providers/Microsoft.Network/publicIPPrefixes/NAME), for " +
          "generate: az --node-public-ip-prefix-id, ARM nodePublicIPPrefixID, azurerm node_public_ip_prefix_id",
      ),
  })
  .strict();

export const ReservedSection = z
  .object({
    internalLoadBalancerIps: z.number().int().min(0).optional(),
    privateEndpoints: z.number().int().min(0).optional(),
    other: z.number().int().min(0).optional().describe("any other addresses taken from the node subnet"),
    internalLoadBalancerSubnet: z
      .string()
      .optional()
      .describe("subnet the internal load balancers use (the azure-load-balancer-internal-subnet annotation)"),
  })
  .strict();

/** Requirements for `aksnet recommend`, as a section of the plan file. */
export const RequirementsSection = z
  .object({
    nodes: z.number().int().min(0).optional(),
    maxNodes: z.number().int().min(0).optional(),
    podsPerNode: z.number().int().min(0).optional(),
    maxPodsPerNode: z.number().int().min(0).optional(),
    addressSpace: z.array(cidrText).optional().describe("the VNet or subnet address space available"),
    podsReachableFromVnet: z.boolean().optional(),
    podsReachableFromOnPremises: z.boolean().optional(),
    podIpsTraceable: z.boolean().optional().describe("pod IPs must be visible end to end (compliance)"),
    windows: z.boolean().optional(),
    virtualNodes: z.boolean().optional(),
    applicationGateway: z.boolean().optional(),
    networkPolicy: NetworkPolicy.optional(),
    dualStack: z.boolean().optional(),
    latencySensitive: z.boolean().optional(),
    ebpf: z.boolean().optional().describe("eBPF observability or no kube-proxy"),
    nodeAutoProvisioning: z.boolean().optional().describe("node auto-provisioning (Karpenter) manages the nodes"),
    staticEgressGateway: z.boolean().optional().describe("static egress gateway pools (fixed egress IPs for pods)"),
    applicationGatewayForContainers: z
      .boolean()
      .optional()
      .describe("Application Gateway for Containers (its own delegated subnet)"),
    apiServerVnetIntegration: z
      .boolean()
      .optional()
      .describe("API Server VNet Integration (a delegated API server subnet in the VNet)"),
    automatic: z.boolean().optional().describe("AKS Automatic (Overlay with Cilium, node auto-provisioning)"),
  })
  .strict();

export const PlanSchema = z
  .object({
    apiVersion: z.literal("aksnet/v1").default("aksnet/v1"),
    kind: z.literal("ClusterPlan").default("ClusterPlan"),
    name: z.string().optional(),
    location: z.string().optional(),
    resourceGroup: z.string().optional(),
    kubernetesVersion: z.union([z.string(), z.number()]).optional().describe('e.g. "1.33"'),
    sku: z
      .object({
        name: z.enum(["Base", "Automatic"]).optional().describe("Automatic: AKS Automatic (Overlay + Cilium, NAP)"),
        tier: z
          .enum(SKU_TIERS)
          .optional()
          .describe("Free (up to 1,000 nodes; the default) | Standard | Premium (up to 5,000 nodes)"),
      })
      .strict()
      .optional(),
    network: NetworkSection.default({}),
    vnet: VnetSection.optional(),
    connectedNetworks: z.array(ConnectedNetwork).default([]),
    nodePools: z.array(NodePoolSection).default([]),
    reserved: ReservedSection.default({}),
    apiServer: ApiServerSection.optional(),
    hostedSystem: HostedSystemSection.optional(),
    nodeProvisioning: NodeProvisioningSection.optional(),
    addons: AddonsSection.optional(),
    layout: LayoutSection.optional(),
    requirements: RequirementsSection.optional(),
  })
  .strict();

/** A plan as written in a file (everything optional). */
export type PlanInput = z.input<typeof PlanSchema>;
/** A plan after structural parsing (defaults of the schema applied, AKS defaults not yet resolved). */
export type Plan = z.output<typeof PlanSchema>;
export type NodePool = z.output<typeof NodePoolSection>;
export type Requirements = z.output<typeof RequirementsSection>;
