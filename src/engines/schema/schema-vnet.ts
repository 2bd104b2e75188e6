/**
 * The plan's sections for the rest of a cluster's VNet (issue #13): the API
 * server subnet, AKS Automatic's subnets, node auto-provisioning, the add-ons
 * that need subnets, NAT gateways, what a subnet is for, and the `layout`
 * section `aksnet layout` reads. `schema.ts` puts them into the plan; the
 * facts behind each (sizes, delegations, limits) are in `src/kb/subnets/`,
 * `src/kb/pools/` and `src/kb/automatic.ts`. Field names follow the AKS API
 * (apiServerAccessProfile, hostedSystemProfile, nodeProvisioningProfile,
 * aciConnectorLinux, gatewayProfile) without their "Profile" suffixes.
 */
import { z } from "zod";
import { SUBNET_KIND_IDS } from "../../kb/index.js";

const name = z.string().min(1);
const subnetName = z.string().min(1).describe("the name of a vnet subnet");
const count = z.number().int().min(0);

/** What a subnet is for: one of the subnet kinds of the knowledge base, or nodes / pods / system nodes / other. */
export const SubnetPurpose = z
  .enum([...SUBNET_KIND_IDS, "nodes", "pods", "systemNodes", "other"])
  .describe(
    "what the subnet holds; inferred from Azure's reserved names, delegations and references when left out " +
      "(apiServer, applicationGatewayForContainers, applicationGateway, azureFirewall, azureFirewallManagement, " +
      "bastion, virtualNetworkGateway, privateEndpoints, internalLoadBalancers, virtualNodes, nodes, pods, " +
      "systemNodes, other)",
  );

/** apiServerAccessProfile: API Server VNet Integration and private clusters. */
export const ApiServerSection = z
  .object({
    vnetIntegration: z
      .boolean()
      .optional()
      .describe("enableVnetIntegration: project the API server into a delegated subnet"),
    subnet: subnetName
      .optional()
      .describe("the API server subnet (delegated to Microsoft.ContainerService/managedClusters)"),
    private: z.boolean().optional().describe("enablePrivateCluster"),
    authorizedIpRanges: z
      .array(z.string())
      .optional()
      .describe(
        "authorizedIPRanges: the public IPv4 CIDRs (or single addresses) allowed to reach a public API server; " +
          "at most 200, 2,000 with vnetIntegration; 0.0.0.0/32 alone allows only the load balancer's outbound IP",
      ),
    clustersSharingSubnet: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "clusters of this VNet that will share the API server subnet (each takes at least 9 addresses); default 1",
      ),
  })
  .strict();

/** hostedSystemProfile: AKS Automatic's managed system node pools in a custom VNet. */
export const HostedSystemSection = z
  .object({
    systemNodeSubnet: subnetName.describe("subnet for the managed system node pools"),
    nodeSubnet: subnetName.optional().describe("subnet for the user nodes node auto-provisioning creates"),
  })
  .strict();

/** One Karpenter NodePool (with its AKSNodeClass subnet) of node auto-provisioning. */
export const NapPoolSection = z
  .object({
    name,
    subnet: subnetName.optional().describe("AKSNodeClass vnetSubnetID; default: the cluster's node subnet"),
    maxNodes: count.describe(
      "the most nodes the NodePool may create (limits.nodes, or its CPU limit ÷ the smallest VM's CPUs)",
    ),
    maxPods: z
      .number()
      .int()
      .optional()
      .describe("AKSNodeClass maxPods; default by network plugin (30 node subnet, 250 overlay)"),
    disruptionBudget: z
      .union([z.number().int().min(0), z.string()])
      .optional()
      .describe('disruption budget nodes: a count or a percentage; default "10%"'),
  })
  .strict();

/** nodeProvisioningProfile: node auto-provisioning (Karpenter). */
export const NodeProvisioningSection = z
  .object({
    mode: z.enum(["Auto", "Manual"]).default("Auto").describe("Auto turns node auto-provisioning on"),
    pools: z.array(NapPoolSection).default([]).describe("the NodePools you will create, for address sizing"),
  })
  .strict();

export const AddonsSection = z
  .object({
    virtualNodes: z
      .object({
        subnet: subnetName.describe("subnet delegated to Microsoft.ContainerInstance/containerGroups"),
        maxPods: count.optional().describe("ACI pods to size the subnet for (one address each)"),
      })
      .strict()
      .optional(),
    applicationGatewayForContainers: z
      .object({ subnet: subnetName.describe("subnet delegated to Microsoft.ServiceNetworking/trafficControllers") })
      .strict()
      .optional(),
    applicationGateway: z
      .object({
        subnet: subnetName.describe("the Application Gateway (v2) subnet for AGIC"),
        maxInstances: z.number().int().min(1).optional().describe("autoscaling maximum (v2: up to 125)"),
        privateFrontend: z.boolean().optional().describe("whether the gateway has a private frontend IP"),
      })
      .strict()
      .optional(),
  })
  .strict();

export const NatGatewaySection = z
  .object({
    name,
    publicIpCount: z.number().int().min(1).optional(),
    idleTimeoutMinutes: z.number().int().optional(),
  })
  .strict();

/**
 * A route table of the VNet (Microsoft.Network/routeTables), attached to subnets by name
 * (`vnet.subnets[].routeTable`). Outbound type userDefinedRouting needs one with a default route on the node
 * subnet: https://learn.microsoft.com/azure/aks/egress-udr (route properties: addressPrefix, nextHopType,
 * nextHopIpAddress, in Azure/azure-rest-api-specs:
 * specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/routeTable.json).
 */
export const RouteSection = z
  .object({
    name,
    addressPrefix: z.string().describe("the destination CIDR, e.g. 0.0.0.0/0"),
    nextHopType: z
      .enum(["VirtualAppliance", "VirtualNetworkGateway", "VnetLocal", "Internet", "None"])
      .describe(
        "VirtualAppliance (a firewall: give nextHopIpAddress) | VirtualNetworkGateway | VnetLocal | Internet | None",
      ),
    nextHopIpAddress: z.string().optional().describe("the appliance's private address, for VirtualAppliance"),
  })
  .strict();

export const RouteTableSection = z
  .object({
    name,
    routes: z.array(RouteSection).default([]),
  })
  .strict();

/** A subnet `aksnet layout` should place beyond the ones the plan references. */
export const LayoutSubnetSection = z
  .object({
    name,
    purpose: SubnetPurpose.optional(),
    prefixLength: z.number().int().optional().describe("the size to place; default: from what the subnet holds"),
    addresses: count.optional().describe("usable addresses it must hold (Azure's 5 are added)"),
  })
  .strict();

/** The largest room to grow `layout` takes (2^8: its MAX_GROWTH_BITS), for plan and fleet files alike. */
export const MAX_GROWTH = 256;

/** Input of `aksnet layout`. */
export const LayoutSection = z
  .object({
    growth: z
      .number()
      .min(1)
      .max(MAX_GROWTH)
      .int()
      .optional()
      .describe("room to grow each subnet in place: 1 (none), 2 (double), 4, 8 …; default 2"),
    addressSpace: z.array(z.string()).optional().describe("where to place new subnets; default vnet.addressSpace"),
    subnets: z.array(LayoutSubnetSection).default([]),
  })
  .strict();

export type ApiServer = z.output<typeof ApiServerSection>;
export type NodeProvisioning = z.output<typeof NodeProvisioningSection>;
export type NapPool = z.output<typeof NapPoolSection>;
export type Addons = z.output<typeof AddonsSection>;
export type LayoutRequest = z.output<typeof LayoutSection>;
