/**
 * What the three deployment tools aksnet writes for accept: the oldest az CLI
 * (and `aks-preview` extension) that has a flag or value, whether the stable
 * `Microsoft.ContainerService` API version written in Bicep accepts it, and the
 * azurerm provider version that has an argument for it. The generators read
 * these to state each output's minimum tool version and to refuse, in one
 * sentence, a value a tool would reject.
 */
import { aksDoc, aksRelease, page, repoFile, sourced, type Sourced } from "./source.js";
import { NODE_PUBLIC_IP_FEATURES } from "./deploy-node-public-ips.js";
import {
  API_2026_04_01,
  API_2026_04_01_MODEL,
  AZ_PARAMS,
  AZURERM,
  AZURERM_CHANGELOG_V4,
  AZURERM_CLUSTER,
  AZURERM_POOL,
  CHECKED,
} from "./deploy-sources.js";

/**
 * What the az CLI needs for a flag or value: the CLI version, and for preview values the extension and feature flag.
 */
export interface AzRequirement {
  /** The oldest CLI with the flag or value; absent when the sources name none beyond the extension. */
  readonly cli?: string;
  /** The `aks-preview` extension version, for values only the extension knows. */
  readonly previewExtension?: string;
  /** A feature to register first (`az feature register --namespace Microsoft.ContainerService --name …`). */
  readonly featureFlag?: string;
}

/**
 * `stable`: the stable API version the Bicep output uses accepts the value; `preview-only`: only preview versions do.
 */
export type ArmSupport = "stable" | "preview-only";

/** The azurerm version that first has the argument, or the newest version read that still lacks it. */
export type AzurermSupport = { readonly since: string } | { readonly missingIn: string; readonly tracking?: string };

/** How the Terraform output writes a value azurerm has no argument for: through the azapi provider's ARM resources. */
export interface AzapiWay {
  /** The azapi resources written (`azapi_resource`, `azapi_update_resource`) and the ARM type each uses. */
  readonly resources: string;
}

export interface DeployFeature {
  /** What the plan asks for, in words. */
  readonly title: string;
  readonly az: Sourced<AzRequirement>;
  readonly arm: Sourced<ArmSupport>;
  readonly azurerm: Sourced<AzurermSupport>;
  /** Set when the Terraform output writes the value with azapi instead of refusing it. */
  readonly azapi?: Sourced<AzapiWay>;
}

const stable = (source: Parameters<typeof sourced>[1]) => sourced<ArmSupport>("stable", source, CHECKED);
const inApi = stable(API_2026_04_01("the constant or model is in the 2026-04-01 stable API"));
const oldAzurerm = (since: string, note: string) =>
  sourced<AzurermSupport>({ since }, AZURERM_CHANGELOG_V4(note), CHECKED);

/**
 * The plan values whose support differs between the tools. A value not listed
 * here is accepted by every tool version the generators name as their minimum.
 */
export const DEPLOY_FEATURES = {
  overlay: {
    title: "Azure CNI Overlay",
    az: sourced<AzRequirement>({ cli: "2.48.0" }, aksDoc("azure-cni-overlay", "Prerequisites"), CHECKED),
    arm: inApi,
    azurerm: sourced<AzurermSupport>(
      { since: "3.35.0" },
      AZURERM("CHANGELOG-v3.md", "3.35.0: support for network_plugin_mode"),
      CHECKED,
    ),
  },
  ciliumDataplane: {
    title: "the Cilium dataplane with Overlay or a pod subnet",
    az: sourced<AzRequirement>(
      { cli: "2.48.1" },
      aksDoc("azure-cni-powered-by-cilium", "required Azure CLI version by IP assignment method"),
      CHECKED,
    ),
    arm: inApi,
    azurerm: sourced<AzurermSupport>(
      { since: "3.108.0" },
      AZURERM("CHANGELOG-v3.md", "3.108.0: network_data_plane supersedes ebpf_data_plane"),
      CHECKED,
    ),
  },
  ciliumNodeSubnet: {
    title: "the Cilium dataplane on Node Subnet",
    az: sourced<AzRequirement>(
      { cli: "2.69.0" },
      aksDoc("azure-cni-powered-by-cilium", "required Azure CLI version: node subnet 2.69.0 or later"),
      CHECKED,
    ),
    arm: inApi,
    azurerm: sourced<AzurermSupport>(
      { since: "3.108.0" },
      [
        AZURERM(
          "website/docs/r/kubernetes_cluster.html.markdown",
          'network_data_plane: the docs say "cilium" needs network_plugin_mode overlay or a pod_subnet_id',
        ),
        AZURERM_CLUSTER("no validation enforces that note: the provider sends the value as written"),
      ],
      { ...CHECKED, derived: "the provider's code accepts it although its documentation says otherwise" },
    ),
  },
  podSubnet: {
    title: "pod subnets",
    az: sourced<AzRequirement>(
      { cli: "2.37.0" },
      aksDoc("configure-azure-cni-dynamic-ip-allocation", "Prerequisites"),
      CHECKED,
    ),
    arm: inApi,
    azurerm: oldAzurerm("4.0.0", "pod_subnet_id exists in every 4.x release"),
  },
  staticBlock: {
    title: "static block pod IP allocation",
    az: sourced<AzRequirement>(
      { cli: "2.75.0" },
      aksDoc("configure-azure-cni-static-block-allocation", "Prerequisites"),
      CHECKED,
    ),
    arm: stable(API_2026_04_01("PodIPAllocationModeStaticBlock")),
    azurerm: sourced<AzurermSupport>(
      { missingIn: "5.2.0" },
      AZURERM_POOL("no pod IP allocation mode argument in the node pool or default_node_pool schema"),
      CHECKED,
    ),
  },
  byoCni: {
    title: "bring-your-own CNI",
    az: sourced<AzRequirement>({ cli: "2.39.0" }, aksDoc("use-byo-cni", "Prerequisites"), CHECKED),
    arm: inApi,
    azurerm: oldAzurerm("4.0.0", "network_plugin none exists in every 4.x release"),
  },
  maxSurge: {
    title: "node pool max surge",
    az: sourced<AzRequirement>(
      { cli: "2.34.1" },
      aksDoc("upgrade-aks-node-pools-rolling", "Before you begin"),
      CHECKED,
    ),
    arm: inApi,
    azurerm: oldAzurerm("4.0.0", "upgrade_settings.max_surge exists in every 4.x release"),
  },
  ...NODE_PUBLIC_IP_FEATURES,
  spotPool: {
    title: "Spot node pools",
    az: sourced<AzRequirement>(
      { cli: "2.14.0" },
      aksDoc("spot-node-pool", "This article requires Azure CLI version 2.14 or later"),
      CHECKED,
    ),
    arm: inApi,
    azurerm: oldAzurerm("4.0.0", "priority, eviction_policy and spot_max_price exist in every 4.x release"),
  },
  userDefinedRouting: {
    title: "outbound type userDefinedRouting",
    az: sourced<AzRequirement>({ cli: "2.0.81" }, aksDoc("egress-udr", "Before you begin"), CHECKED),
    arm: inApi,
    azurerm: oldAzurerm("4.0.0", "outbound_type userDefinedRouting exists in every 4.x release"),
  },
  outboundNone: {
    title: "outbound type none",
    az: sourced<AzRequirement>(
      { cli: "2.71.0" },
      [aksDoc("network-isolated", "Before you begin"), aksRelease("2025-09-21", "outbound type none is GA")],
      CHECKED,
    ),
    arm: stable(API_2026_04_01("OutboundTypeNone, ManagedClusterBootstrapProfile.artifactSource Cache")),
    azurerm: sourced<AzurermSupport>(
      { since: "4.44.0" },
      [
        AZURERM_CHANGELOG_V4("4.44.0: bootstrap_profile and the none value for network_profile.outbound_type"),
        AZURERM_CLUSTER("outbound_type none requires bootstrap_profile.artifact_source Cache"),
      ],
      CHECKED,
    ),
  },
  outboundBlock: {
    title: "the preview outbound type block",
    az: sourced<AzRequirement>(
      { cli: "2.71.0", previewExtension: "9.0.0b2" },
      [aksDoc("egress-outboundtype", "Outbound type: block (Preview)"), aksDoc("network-isolated", "Before you begin")],
      CHECKED,
    ),
    arm: sourced<ArmSupport>(
      "preview-only",
      [aksDoc("egress-outboundtype", "block is in preview"), API_2026_04_01("OutboundType has no block value")],
      CHECKED,
    ),
    azurerm: sourced<AzurermSupport>(
      { missingIn: "5.2.0" },
      AZURERM_CLUSTER(
        "outbound_type accepts loadBalancer, userDefinedRouting, managedNATGateway, userAssignedNATGateway, none",
      ),
      CHECKED,
    ),
  },
  managedNatGatewayV2: {
    title: "the preview outbound type managedNATGatewayV2",
    az: sourced<AzRequirement>(
      { previewExtension: "20.0.0b1", featureFlag: "ManagedNATGatewayV2Preview" },
      [aksDoc("nat-gateway", "Install the aks-preview Azure CLI extension; register ManagedNATGatewayV2Preview")],
      CHECKED,
    ),
    arm: sourced<ArmSupport>(
      "preview-only",
      [
        aksDoc("nat-gateway", "managedNATGatewayV2 is in preview"),
        API_2026_04_01("OutboundType has no managedNATGatewayV2"),
      ],
      CHECKED,
    ),
    azurerm: sourced<AzurermSupport>(
      { missingIn: "5.2.0" },
      AZURERM_CLUSTER(
        "outbound_type accepts loadBalancer, userDefinedRouting, managedNATGateway, userAssignedNATGateway, none",
      ),
      CHECKED,
    ),
  },
  windows2025: {
    title: "Windows Server 2025 node pools",
    az: sourced<AzRequirement>(
      { cli: "2.87.0" },
      [
        aksRelease("2026-05-29", "Windows Server 2025 GA: minimum GA CLI version 2.87.0, Kubernetes 1.32+"),
        aksDoc("create-node-pools", "Windows2025 pools need --enable-fips-image"),
      ],
      CHECKED,
    ),
    arm: stable(API_2026_04_01("OSSKUWindowsTwoZeroTwoFive; agent pool enableFIPS")),
    azurerm: sourced<AzurermSupport>(
      { missingIn: "5.2.0", tracking: "https://github.com/hashicorp/terraform-provider-azurerm/pull/33451" },
      [
        AZURERM_POOL(
          "os_sku accepts AzureLinux, AzureLinux3, Ubuntu, Ubuntu2204, Ubuntu2404, Windows2019, Windows2022",
        ),
        page(
          "https://github.com/hashicorp/terraform-provider-azurerm/pull/32084",
          "closed unmerged: Windows2025 not yet in the API spec the provider vendored",
        ),
      ],
      CHECKED,
    ),
  },
  apiServerVnetIntegration: {
    title: "API Server VNet Integration",
    az: sourced<AzRequirement>(
      { cli: "2.73.0" },
      [
        aksDoc("api-server-vnet-integration", "Prerequisites: Azure CLI version 2.73.0 or later"),
        AZ_PARAMS("aks create: --enable-apiserver-vnet-integration, --apiserver-subnet-id, --enable-private-cluster"),
      ],
      CHECKED,
    ),
    arm: stable(
      API_2026_04_01_MODEL(
        "model_managedclusterapiserveraccessprofile.go",
        "apiServerAccessProfile: enableVnetIntegration, subnetId, enablePrivateCluster",
      ),
    ),
    azurerm: oldAzurerm(
      "4.46.0",
      "4.46.0 (September 25, 2025): api_server_access_profile.virtual_network_integration_enabled and subnet_id",
    ),
  },
  authorizedIpRanges: {
    title: "API server authorized IP ranges",
    az: sourced<AzRequirement>(
      { cli: "2.0.76" },
      [
        aksDoc("api-server-authorized-ip-ranges", "Azure CLI version 2.0.76 or later"),
        AZ_PARAMS("aks create and aks update: --api-server-authorized-ip-ranges"),
      ],
      { checked: "2026-12-07" },
    ),
    arm: stable(
      API_2026_04_01_MODEL(
        "model_managedclusterapiserveraccessprofile.go",
        "apiServerAccessProfile: authorizedIPRanges",
      ),
    ),
    azurerm: oldAzurerm(
      "4.0.0",
      "api_server_access_profile.authorized_ip_ranges exists in every 4.x release (3.x's top-level " +
        "api_server_authorized_ip_ranges was removed in 4.0)",
    ),
  },
  staticEgressGateway: {
    title: "static egress gateway pools",
    az: sourced<AzRequirement>(
      { cli: "2.75.0" },
      [
        aksDoc("configure-static-egress-gateway", "Prerequisites: Azure CLI version 2.75.0 or later"),
        AZ_PARAMS("aks create --enable-static-egress-gateway; nodepool mode Gateway"),
      ],
      CHECKED,
    ),
    arm: stable(
      API_2026_04_01_MODEL(
        "model_managedclusterstaticegressgatewayprofile.go",
        "networkProfile.staticEgressGatewayProfile.enabled; agent pool mode Gateway and " +
          "gatewayProfile.publicIPPrefixSize",
      ),
    ),
    azurerm: sourced<AzurermSupport>(
      { missingIn: "5.2.0" },
      [
        AZURERM_POOL("mode accepts System and User only"),
        AZURERM_CLUSTER("network_profile has no static egress gateway argument"),
      ],
      CHECKED,
    ),
    azapi: sourced<AzapiWay>(
      {
        resources:
          "azapi_update_resource (Microsoft.ContainerService/managedClusters: " +
          "networkProfile.staticEgressGatewayProfile.enabled) " +
          "and one azapi_resource per gateway pool (Microsoft.ContainerService/managedClusters/agentPools: mode " +
          "Gateway, " +
          "gatewayProfile.publicIPPrefixSize)",
      },
      [
        API_2026_04_01_MODEL("model_managedclusteragentpoolprofile.go", "gatewayProfile, mode, vnetSubnetID, vmSize"),
        API_2026_04_01("AgentPoolModeGateway"),
        repoFile("Azure/terraform-provider-azapi:docs/resources/update_resource.md", "type, resource_id, body"),
      ],
      { checked: "2026-12-07" },
    ),
  },
  gatewayPrivateIp: {
    title: "gateway pools' private-IP mode (VirtualMachines)",
    az: sourced<AzRequirement>(
      { cli: "2.85.0" },
      [
        aksDoc("virtual-machines-node-pools", "Azure CLI version 2.85.0 or later; --vm-set-type VirtualMachines"),
        aksDoc("configure-static-egress-gateway", "az aks nodepool add --mode gateway --vm-set-type VirtualMachines"),
      ],
      { checked: "2026-12-07" },
    ),
    arm: stable(
      API_2026_04_01_MODEL(
        "model_virtualmachinesprofile.go",
        "agent pool type VirtualMachines with virtualMachinesProfile.scale.manual [{ size, count }]",
      ),
    ),
    azurerm: sourced<AzurermSupport>(
      { missingIn: "5.2.0" },
      [AZURERM_POOL("mode accepts System and User only; no VirtualMachines pool type")],
      { checked: "2026-12-07" },
    ),
    azapi: sourced<AzapiWay>(
      {
        resources:
          "the gateway pool's azapi_resource (Microsoft.ContainerService/managedClusters/agentPools: type " +
          "VirtualMachines, virtualMachinesProfile.scale.manual)",
      },
      [API_2026_04_01("AgentPoolTypeVirtualMachines")],
      { checked: "2026-12-07" },
    ),
  },
  nodeAutoProvisioning: {
    title: "node auto-provisioning",
    az: sourced<AzRequirement>(
      { cli: "2.76.0" },
      [
        aksDoc("node-auto-provisioning", "Azure CLI version 2.76.0 or later"),
        AZ_PARAMS("aks create --node-provisioning-mode Auto|Manual"),
      ],
      CHECKED,
    ),
    arm: stable(
      API_2026_04_01_MODEL("model_managedclusternodeprovisioningprofile.go", "nodeProvisioningProfile.mode Auto"),
    ),
    azurerm: oldAzurerm("4.57.0", "4.57.0 (December 18, 2025): the node_provisioning_profile block"),
  },
  virtualNodes: {
    title: "the virtual nodes add-on",
    az: sourced<AzRequirement>({}, [AZ_PARAMS("aks create --enable-addons virtual-node --aci-subnet-name")], {
      ...CHECKED,
      derived: "no version named: the add-on predates every version the script needs otherwise",
    }),
    arm: stable(API_2026_04_01_MODEL("model_managedclusteraddonprofile.go", "addonProfiles: enabled, config")),
    azurerm: sourced<AzurermSupport>(
      { since: "4.0.0" },
      AZURERM("internal/services/containers/kubernetes_addons.go", "aci_connector_linux { subnet_name } → SubnetName"),
      CHECKED,
    ),
  },
  applicationGatewayIngress: {
    title: "the Application Gateway Ingress Controller add-on",
    az: sourced<AzRequirement>({}, [AZ_PARAMS("aks create --enable-addons ingress-appgw --appgw-subnet-id")], {
      ...CHECKED,
      derived: "no version named: the add-on predates every version the script needs otherwise",
    }),
    arm: stable(API_2026_04_01_MODEL("model_managedclusteraddonprofile.go", "addonProfiles: enabled, config")),
    azurerm: sourced<AzurermSupport>(
      { since: "4.0.0" },
      AZURERM(
        "internal/services/containers/kubernetes_addons.go",
        "ingress_application_gateway { subnet_id } → ingressApplicationGateway config subnetId",
      ),
      CHECKED,
    ),
  },
  automatic: {
    title: "AKS Automatic in a custom VNet",
    az: sourced<AzRequirement>(
      { cli: "2.86.0" },
      [aksDoc("automatic/quick-automatic-custom-network", "Azure CLI version 2.86.0 or later")],
      { checked: "2026-12-07" },
    ),
    arm: stable(
      API_2026_04_01_MODEL(
        "model_managedclusterhostedsystemprofile.go",
        "hostedSystemProfile: enabled, nodeSubnetID, systemNodeSubnetID; ManagedClusterSKUNameAutomatic",
      ),
    ),
    azurerm: sourced<AzurermSupport>(
      { since: "4.81.0" },
      [
        aksDoc("automatic/quick-automatic-custom-network", "azurerm_kubernetes_automatic_cluster needs v4.81 or later"),
        AZURERM("internal/services/containers/registration.go", "KubernetesAutomaticClusterResource at tag v4.81.0"),
      ],
      { checked: "2026-12-07" },
    ),
  },
  avnmIpamPool: {
    title: "VNet and subnet addresses from a Virtual Network Manager IPAM pool",
    az: sourced<AzRequirement>(
      { cli: "2.75.0" },
      repoFile(
        "Azure/azure-cli:src/azure-cli/HISTORY.rst",
        "2.68.0 (January 14, 2025): az network vnet create/update --ipam-pool-prefix-allocations; " +
          "2.75.0 (July 01, 2025): az network vnet subnet create/update: Support IPAM pool allocation",
      ),
      { checked: "2026-12-07" },
    ),
    arm: stable(
      repoFile(
        "Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/" +
          "virtualNetwork.json",
        "AddressSpace and SubnetPropertiesFormat: ipamPoolPrefixAllocations " +
          "(the Microsoft.Network version the Bicep output uses)",
      ),
    ),
    azurerm: sourced<AzurermSupport>(
      { since: "4.38.0" },
      [
        AZURERM_CHANGELOG_V4("4.38.0 (July 30, 2025): azurerm_subnet - add support for the ip_address_pool block"),
        AZURERM_CHANGELOG_V4(
          "4.37.0: azurerm_virtual_network - suppress a perpetual diff on address_space when using ip_address_pool " +
            "(the block predates it)",
        ),
      ],
      { checked: "2026-12-07" },
    ),
  },
} as const satisfies Record<string, DeployFeature>;

export type DeployFeatureId = keyof typeof DEPLOY_FEATURES;
