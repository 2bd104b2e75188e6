/**
 * The fleet file (`kind: FleetPlan`, issue #15): address pools, the hub and the
 * networks connected to the fleet, how they are connected (peering is not
 * transitive, so every path is stated: peerings with or without gateway transit,
 * Virtual Network Manager connectivity configurations), and the clusters, each
 * inline or by reference to a cluster plan, with its requirements (node pools,
 * layout) or an existing layout (a VNet with subnets).
 *
 * Also the "used space" input: prefixes already taken, with a label saying where
 * each came from (the fleet file, `aksnet scan -o json`, an IPAM export). The
 * importers (src/adapters/importers) produce `UsedSpace`; `fleet allocate` avoids it.
 *
 * Structure only, like the cluster plan: CIDR syntax, names that point nowhere and
 * overlaps are the fleet engine's findings, with the field path.
 */
import { z } from "zod";
import { PlanSchema } from "./schema.js";
import { MAX_GROWTH } from "./schema-vnet.js";

const name = z.string().min(1);
const cidrText = z.string().describe("CIDR notation, e.g. 10.64.0.0/10");
const networkName = z.string().min(1).describe("the name of the hub, a network or a cluster of the fleet");

/** What a pool's addresses are for. */
export const FleetPoolPurpose = z.enum(["vnets", "pods", "services"]);

/** An address pool: one or more supernets minus exclusions. */
export const FleetPoolSection = z
  .object({
    name,
    cidrs: z.array(cidrText).min(1).describe("the pool's supernets"),
    exclude: z.array(cidrText).default([]).describe("ranges of the supernets never to allocate"),
    for: FleetPoolPurpose.default("vnets").describe(
      "vnets (default): cluster VNet address spaces | pods: pod CIDRs that must be distinct (meshed or routed " +
        "clusters) | services: service CIDRs that must be distinct",
    ),
    location: z
      .string()
      .optional()
      .describe("clusters in this Azure region draw from this pool first (default: any cluster)"),
  })
  .strict();

/** A subnet of a connected network (for overlap checks only). */
export const FleetSubnetSection = z.object({ name, cidr: cidrText }).strict();

/** The hub or another network connected to the fleet: a VNet, on-premises, or something else routed. */
export const FleetNetworkSection = z
  .object({
    name,
    kind: z
      .enum(["vnet", "onPremises", "other"])
      .default("vnet")
      .describe("vnet (default) | onPremises (reached through a VPN or ExpressRoute gateway) | other"),
    cidrs: z.array(cidrText).min(1).describe("its address space (VNet) or routed prefixes (on-premises)"),
    subnets: z.array(FleetSubnetSection).default([]),
    gateway: z
      .boolean()
      .optional()
      .describe("a VNet with a VPN or ExpressRoute gateway that offers gateway transit to its peers"),
    connectedTo: z
      .array(networkName)
      .default([])
      .describe("onPremises or other: the VNets whose gateway it is connected to (site-to-site VPN or ExpressRoute)"),
    location: z.string().optional(),
    resourceGroup: z
      .string()
      .min(1)
      .optional()
      .describe("a VNet's resource group (in the deployment's subscription): aksnet generate peers clusters with it"),
  })
  .strict();

/** One VNet peering (both links), optionally with gateway transit. */
export const FleetPeeringSection = z
  .object({
    between: z.tuple([networkName, networkName]).describe("the two VNets (hub, networks or clusters)"),
    useRemoteGateways: networkName
      .optional()
      .describe(
        "the one of the two that uses the other's gateway (gateway transit): it then reaches what is connected to " +
          "that gateway",
      ),
  })
  .strict();

/** A Virtual Network Manager connectivity configuration. */
export const FleetConnectivitySection = z
  .object({
    name,
    topology: z
      .enum(["hubAndSpoke", "mesh"])
      .describe("hubAndSpoke: members peer with the hub | mesh: a connected group"),
    hub: networkName.optional().describe("hubAndSpoke: the hub VNet"),
    members: z.array(networkName).min(1).describe("the member VNets (spokes), clusters or networks"),
    directConnectivity: z
      .boolean()
      .default(false)
      .describe("hubAndSpoke: spokes also reach each other directly (a connected group)"),
    useHubGateway: z.boolean().default(false).describe("hubAndSpoke: spokes use the hub's gateway (gateway transit)"),
    connectedGroupAddressOverlap: z
      .enum(["Allowed", "Disallowed"])
      .optional()
      .describe(
        "the connected group's connectivityCapabilities.connectedGroupAddressOverlap: Allowed (Azure's default) lets " +
          "members overlap, Disallowed refuses them",
      ),
    global: z
      .boolean()
      .optional()
      .describe(
        "isGlobal: members in different regions connect (global mesh; for hubAndSpoke, the connected group of " +
          "directConnectivity) (default false, Azure's default)",
      ),
    as: z
      .enum(["peerings", "networkManager"])
      .optional()
      .describe(
        "aksnet generate: peerings (default) writes the configuration's connections as VNet peerings (hubAndSpoke: " +
          "each member with the hub; mesh or directConnectivity: every pair of members); networkManager writes it " +
          "as a Virtual Network Manager network group, static members, connectivity configuration and deployment " +
          "(commit) in the fleet's networkManager",
      ),
  })
  .strict();

/** The Virtual Network Manager `aksnet generate` writes connectivity configurations into (it must exist). */
export const FleetNetworkManagerSection = z
  .object({
    id: z
      .string()
      .min(1)
      .optional()
      .describe("its resource ID (/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/networkManagers/…)"),
    name: z.string().min(1).optional().describe("its name (with resourceGroup), instead of id"),
    resourceGroup: z.string().min(1).optional().describe("its resource group (with name), instead of id"),
    subscriptionId: z
      .string()
      .min(1)
      .optional()
      .describe("with name and resourceGroup: its subscription (default: the deployment's)"),
    scope: z
      .object({
        subscriptions: z.array(z.string().min(1)).default([]),
        managementGroups: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional()
      .describe(
        "the subscriptions and management groups it manages (networkManagerScopes), as created: every member VNet " +
          "must be inside them, and its scopeAccesses must include Connectivity (the output says so)",
      ),
  })
  .strict();

/** Pod-to-pod networking across clusters: Cilium cluster mesh or Fleet Manager cross-cluster networking. */
export const FleetMeshSection = z
  .object({
    name,
    kind: z
      .enum(["ciliumClusterMesh", "fleetCrossCluster"])
      .default("ciliumClusterMesh")
      .describe("ciliumClusterMesh (default) | fleetCrossCluster (Azure Kubernetes Fleet Manager)"),
    clusters: z.array(networkName).min(2).describe("the clusters whose pods reach each other directly"),
  })
  .strict();

/** A cluster of the fleet: its plan (a file or inline) and where it goes. */
export const FleetClusterSection = z
  .object({
    name,
    plan: z
      .union([z.string().min(1), PlanSchema])
      .optional()
      .describe(
        "a cluster plan file (relative to the fleet file) or an inline plan; its vnet.addressSpace is the cluster's " +
          "VNet when given (an existing layout), else allocate places one",
      ),
    location: z.string().optional().describe("Azure region (default: the plan's location)"),
    pool: name.optional().describe("the vnets pool to allocate from (default: the pools for its region, then all)"),
    vnetPrefixLength: z
      .number()
      .int()
      .min(8)
      .max(29)
      .optional()
      .describe("the VNet size to allocate (default: the smallest that holds its layout with room to grow)"),
    growth: z
      .number()
      .min(1)
      .max(MAX_GROWTH)
      .int()
      .optional()
      .describe("room to grow its subnets: 1, 2 (default), 4 …; also the room kept in the VNet"),
    peerWith: z
      .array(networkName)
      .optional()
      .describe("VNets its VNet is peered with, using their gateways when they have one (default: defaults.peerWith)"),
    ipamPool: z
      .string()
      .min(1)
      .optional()
      .describe(
        "aksnet generate: the Virtual Network Manager IPAM pool (resource ID) its VNet and subnets take their " +
          "addresses from, by size (default: defaults.ipamPool)",
      ),
    ipamPoolScope: z
      .enum(["vnetAndSubnets", "vnetOnly"])
      .optional()
      .describe(
        "aksnet generate, with an ipamPool: vnetAndSubnets (the VNet and each subnet ask the pool) or vnetOnly (the " +
          "VNet asks the pool, its subnets take explicit prefixes inside its range, as the Azure Verified Modules " +
          "advise) (default: defaults.ipamPoolScope)",
      ),
    podsRoutedOnPremises: z
      .boolean()
      .default(false)
      .describe("its pod CIDR is routed beyond the cluster (BGP, on-premises routes): it must be unique"),
  })
  .strict();

export const FleetDefaultsSection = z
  .object({
    growth: z.number().min(1).max(MAX_GROWTH).int().optional().describe("room to grow for every cluster (default 2)"),
    pool: name.optional().describe("the default vnets pool"),
    peerWith: z
      .array(networkName)
      .default([])
      .describe("VNets every cluster's VNet is peered with (typically the hub), using their gateways"),
    podCidr: cidrText
      .optional()
      .describe("the Overlay pod CIDR clusters reuse (default: the AKS default 10.244.0.0/16)"),
    serviceCidr: cidrText.optional().describe("the service CIDR clusters reuse (default: the AKS default 10.0.0.0/16)"),
    ipamPool: z
      .string()
      .min(1)
      .optional()
      .describe(
        "aksnet generate: the Virtual Network Manager IPAM pool (resource ID) every cluster's VNet and subnets " +
          "take their addresses from, by size (ipamPoolPrefixAllocations) instead of naming the CIDRs",
      ),
    ipamPoolScope: z
      .enum(["vnetAndSubnets", "vnetOnly"])
      .optional()
      .describe(
        "aksnet generate, with an ipamPool: vnetAndSubnets (default: the VNet and each subnet ask the pool, as the " +
          "ARM API allows) or vnetOnly (only the VNet asks the pool; its subnets take explicit prefixes at their " +
          "planned offsets inside the allocated range, as the Azure Verified Modules advise)",
      ),
  })
  .strict();

/** One prefix already in use, with where that fact came from. */
export const UsedPrefixSection = z
  .object({
    cidr: cidrText,
    source: z
      .string()
      .optional()
      .describe('where it was found, e.g. "netbox", "avnm:pool-a", "scan:vnet-hub"; default "fleet file"'),
    name: z.string().optional().describe("what holds it (a VNet, a subnet, an IPAM reservation)"),
    network: z
      .string()
      .min(1)
      .optional()
      .describe(
        "the network it belongs to: the hub, a network or a cluster of the fleet file (the prefix is then one of " +
          "its ranges), or another VNet's name (used space that peerings, peerWith and connectivity may name)",
      ),
  })
  .strict();

/** A file of used space an importer reads (formats: see docs/fleet.md). */
export const UsedFileSection = z
  .object({
    file: z.string().min(1).describe("path relative to the fleet file"),
    format: z
      .enum([
        "auto",
        "avnm-pool-usage",
        "avnm-associated-resources",
        "azure-ipam",
        "netbox-available-prefixes",
        "netbox-prefixes",
        "prefix-list",
        "aksnet-scan",
      ])
      .default("auto"),
  })
  .strict();

export const FleetPlanSchema = z
  .object({
    apiVersion: z.literal("aksnet/v1").default("aksnet/v1"),
    kind: z.literal("FleetPlan"),
    name: z.string().optional(),
    pools: z.array(FleetPoolSection).default([]),
    hub: FleetNetworkSection.optional().describe("the hub VNet (peered with every cluster unless peerWith says else)"),
    networks: z.array(FleetNetworkSection).default([]).describe("other VNets, on-premises and routed networks"),
    peerings: z.array(FleetPeeringSection).default([]),
    connectivity: z.array(FleetConnectivitySection).default([]),
    networkManager: FleetNetworkManagerSection.optional().describe(
      "aksnet generate: the existing Virtual Network Manager that connectivity[] entries with as: networkManager " +
        "are written into",
    ),
    meshes: z.array(FleetMeshSection).default([]),
    defaults: FleetDefaultsSection.default({ peerWith: [] }),
    clusters: z.array(FleetClusterSection).default([]),
    used: z.array(UsedPrefixSection).default([]).describe("prefixes already in use outside the fleet's networks"),
    usedFrom: z.array(UsedFileSection).default([]).describe("files of used space (IPAM exports, aksnet scan)"),
  })
  .strict();

/** A fleet file as written. */
export type FleetPlanInput = z.input<typeof FleetPlanSchema>;
/** A fleet file after structural parsing. */
export type FleetPlan = z.output<typeof FleetPlanSchema>;
export type FleetPool = z.output<typeof FleetPoolSection>;
export type FleetNetwork = z.output<typeof FleetNetworkSection>;
export type FleetPeering = z.output<typeof FleetPeeringSection>;
export type FleetConnectivity = z.output<typeof FleetConnectivitySection>;
export type FleetNetworkManager = z.output<typeof FleetNetworkManagerSection>;
export type FleetMesh = z.output<typeof FleetMeshSection>;
export type FleetCluster = z.output<typeof FleetClusterSection>;
export type UsedFileFormat = z.output<typeof UsedFileSection>["format"];

/**
 * Used space: prefixes already taken, each with a source label. What every
 * importer of used space returns (`cidr` as written in the source; masked and
 * validated by the fleet engine, which reports bad entries as problems).
 */
export interface UsedPrefix {
  readonly cidr: string;
  /** Where it was found: "fleet file", "scan", "avnm:<pool>", "azure-ipam", "netbox", "prefix-list" … */
  readonly source: string;
  /** What holds it, when the source says (a VNet, a subnet, a reservation). */
  readonly name?: string | undefined;
  /**
   * The network it belongs to, when the source says (a scan's VNet, an IPAM system's virtual network): a network of
   * the fleet file (then one of its ranges) or another network's name.
   */
  readonly network?: string | undefined;
}

export interface UsedSpace {
  readonly prefixes: readonly UsedPrefix[];
  /** What the reader noticed but did not take (skipped entries, IPv6, assumptions), in plain sentences. */
  readonly notes: readonly string[];
}
