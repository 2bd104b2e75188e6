/**
 * AKS Automatic: the network choices it fixes, and the subnets it needs in a
 * custom VNet (an API server subnet, a system node subnet for the managed system
 * node pools, a user node subnet for node auto-provisioning).
 */
import { aksDoc, aksRelease, page, repoFile, sourced } from "./source.js";

const C = { checked: "2026-12-06" } as const;
const INTRO = (note: string) => aksDoc("intro-aks-automatic", note);
const CUSTOM = (note: string) => aksDoc("automatic/quick-automatic-custom-network", note);
const SAMPLES = "Azure-Samples/aks-samples:automatic/custom-network/public/";

export const AKS_AUTOMATIC = {
  /** The network model and dataplane: always Overlay with Cilium. */
  network: sourced(
    { plugin: "azure", pluginMode: "overlay", dataplane: "cilium", policy: "cilium" } as const,
    [
      INTRO("Azure CNI Overlay powered by Cilium"),
      aksDoc("azure-cni-powered-by-cilium", "AKS Automatic uses Overlay with Cilium"),
    ],
    C,
  ),
  /** Node auto-provisioning manages the user nodes. */
  nodeAutoProvisioning: sourced(
    true,
    INTRO("Preconfigured: AKS Automatic manages the node pools using node autoprovisioning"),
    C,
  ),
  /** API Server VNet Integration is always on. */
  apiServerVnetIntegration: sourced(
    true,
    [
      INTRO("API server virtual network integration (preconfigured)"),
      aksDoc("api-server-vnet-integration", "AKS Automatic: preconfigured"),
    ],
    C,
  ),
  /** Subnets a custom VNet needs. */
  customVnetSubnets: sourced(
    ["apiServer", "systemNodes", "userNodes"] as readonly string[],
    [
      CUSTOM("Create an API server subnet, user node subnet, and system node subnet"),
      repoFile(`${SAMPLES}sh/create-vnet.sh`),
    ],
    C,
  ),
  /**
   * The managed system node subnet: at least /26, in the cluster's VNet, not delegated, not the user node subnet
   * (Microsoft's migration how-to, ms.date 2026-09-08); Microsoft's sample uses exactly /26.
   */
  systemNodeSubnetPrefixLength: sourced(
    26,
    [
      repoFile(
        "MicrosoftDocs/azure-aks-docs:articles/aks/automatic/aks-automatic-sku-migration.md",
        "Migrate a custom virtual network cluster: the system node subnet must be at least /26, in the same " +
          "virtual network and region, not delegated, different from the node subnet (version of ms.date 2026-09-08)",
      ),
      repoFile(`${SAMPLES}bicep/virtualNetwork.bicep`, "systemNodeSubnetPrefix 172.19.0.64/26"),
    ],
    {
      checked: "2026-12-07",
      derived:
        "the /26 minimum is stated on the migration how-to (its 2026-09-08 version, titled 'Migrate AKS Automatic " +
        "clusters and managed system node pools'); the create quickstart states no size and its sample uses /26, " +
        "so aksnet applies the same minimum to new clusters",
    },
  ),
  /** What else the system node subnet must be (the same how-to as its /26 minimum). */
  systemNodeSubnetRules: sourced(
    { sameVnet: true, delegated: false, distinctFromNodeSubnet: true },
    repoFile(
      "MicrosoftDocs/azure-aks-docs:articles/aks/automatic/aks-automatic-sku-migration.md",
      "same virtual network and region; not delegated to another service; different from the node subnet",
    ),
    { checked: "2026-12-07" },
  ),
  /** The sample's user node subnet size. */
  userNodeSubnetPrefixLength: sourced(
    24,
    [repoFile(`${SAMPLES}bicep/virtualNetwork.bicep`, "userNodeSubnetPrefix 172.19.1.0/24")],
    {
      ...C,
      derived: "the size Microsoft's sample uses; NAP pools' node limits decide it otherwise",
    },
  ),
  /**
   * Outbound types: managed NAT gateway with the managed VNet; in a custom VNet the load balancer, a user-assigned NAT
   * gateway or UDR.
   */
  outboundTypes: sourced(
    {
      managedVnet: ["managedNATGateway"],
      customVnet: ["loadBalancer", "userAssignedNATGateway", "userDefinedRouting"],
    },
    INTRO(
      "Egress: preconfigured AKS managed NAT gateway with a managed VNet; optional with a custom VNet: load " +
        "balancer, user-assigned NAT gateway, UDR",
    ),
    C,
  ),
  windows: sourced(
    false,
    aksDoc("includes/aks-automatic/aks-automatic-limitations", "Windows nodes aren't supported"),
    C,
  ),
  azCliMin: sourced("2.86.0", CUSTOM("Azure CLI version 2.86.0 or later"), C),
  /**
   * The `az aks create` flags of an Automatic cluster in a custom VNet with managed system node pools: Azure CLI
   * 2.86.0 added `--enable-hosted-system`, `--system-node-subnet-id` and `--node-subnet-id` to `az aks create`
   * (Azure/azure-cli PR #33259); all three subnets go together with `--apiserver-subnet-id` on `--sku automatic`.
   * Microsoft's older sample script passes `--vnet-subnet-id` instead (an Automatic cluster without managed system
   * node pools, which AKS no longer creates).
   */
  az: sourced(
    {
      sku: "--sku automatic",
      hostedSystem: "--enable-hosted-system",
      apiServerSubnet: "--apiserver-subnet-id",
      nodeSubnet: "--node-subnet-id",
      systemNodeSubnet: "--system-node-subnet-id",
      identity: "--assign-identity",
    },
    [
      page(
        "https://github.com/Azure/azure-cli/pull/33259",
        "az aks create: add --system-node-subnet-id, --node-subnet-id and --enable-hosted-system (BYO VNet for " +
          "Automatic managed system pool clusters; with --apiserver-subnet-id on --sku automatic), merged 2026-04",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py",
        "aks create: sku (base|automatic), apiserver_subnet_id, vnet_subnet_id, assign_identity (the stored " +
          "version predates the three hosted-system flags)",
      ),
      repoFile(
        "MicrosoftDocs/azure-aks-docs:articles/aks/automatic/aks-automatic-sku-migration.md",
        "az aks update --enable-hosted-system --system-node-subnet-id --node-subnet-id (custom VNet)",
      ),
      aksDoc("automatic/quick-automatic-managed-network", "az aks create --sku automatic --enable-hosted-system"),
    ],
    {
      checked: "2026-12-07",
      alternatives: [
        {
          value: {
            sku: "--sku automatic",
            hostedSystem: "",
            apiServerSubnet: "--apiserver-subnet-id",
            nodeSubnet: "--vnet-subnet-id",
            systemNodeSubnet: "",
            identity: "--assign-identity",
          },
          source: [repoFile(`${SAMPLES}sh/create-aks.sh`, "az aks create --apiserver-subnet-id --vnet-subnet-id")],
          note:
            "the sample script the create quickstart includes: one cluster subnet, no managed system node pools " +
            "(AKS no longer creates Automatic clusters without them: Azure/azure-cli-extensions PR #10199)",
        },
      ],
    },
  ),
  /**
   * A custom VNet needs a user-assigned identity with Network Contributor on the VNet (the API server subnet and
   * node auto-provisioning's subnets); azurerm refuses `hosted_system` without a UserAssigned identity.
   */
  userAssignedIdentity: sourced(
    { role: "Network Contributor", scope: "the virtual network" },
    [
      CUSTOM("Prerequisites: cluster identity with a Network Contributor role assignment on the virtual network"),
      repoFile(`${SAMPLES}sh/create-uami.sh`, "az identity create; az role assignment create on the VNet"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_automatic_cluster_resource.go",
        "hosted_system requires identity.type UserAssigned",
      ),
    ],
    { checked: "2026-12-07" },
  ),
  /** New Automatic clusters get managed system node pools (GA 2026-05). */
  managedSystemNodePools: sourced(
    true,
    aksRelease(
      "2026-05-29",
      "Managed system node pools are generally available; new Automatic clusters preconfigure them",
    ),
    C,
  ),
  arm: sourced(
    {
      sku: "Automatic",
      subnets:
        "hostedSystemProfile.systemNodeSubnetID, hostedSystemProfile.nodeSubnetID, apiServerAccessProfile.subnetId",
      apiVersion: "2026-04-01",
    },
    [
      repoFile(
        `${SAMPLES}bicep/aks.bicep`,
        "sku Automatic, apiServerAccessProfile.subnetId, hostedSystemProfile (2024-03-02-preview in the sample)",
      ),
      repoFile(
        "hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/" +
          "containerservice/2026-04-01/managedclusters/model_managedclusterhostedsystemprofile.go",
        "hostedSystemProfile (enabled, nodeSubnetID, systemNodeSubnetID) in the stable 2026-04-01 API",
      ),
      repoFile(
        "hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_automatic_cluster_resource.go",
        "the provider sends hostedSystemProfile.enabled true with the two subnet IDs",
      ),
    ],
    { checked: "2026-12-07" },
  ),
  /**
   * The azurerm resource. It has no network profile, Kubernetes version or add-on arguments: only the subnets,
   * the identity, a private cluster and ingress/service mesh.
   */
  terraform: sourced(
    {
      resource: "azurerm_kubernetes_automatic_cluster",
      subnets: "hosted_system { node_subnet_id, system_node_subnet_id }, api_server_access { subnet_id }",
      azurermMin: "4.81.0",
    },
    [
      repoFile("hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_automatic_cluster.html.markdown"),
      CUSTOM("Terraform: azurerm_kubernetes_automatic_cluster requires AzureRM provider version v4.81 or later"),
      repoFile(
        "hashicorp/terraform-provider-azurerm:internal/services/containers/registration.go",
        "KubernetesAutomaticClusterResource registered at tag v4.81.0 (14 July 2026; added by PR #32215, 8 July)",
      ),
    ],
    {
      checked: "2026-12-07",
      derived:
        "the v4.81.0 changelog does not list the resource, but its code at that tag registers it and Microsoft's " +
        "quickstart names v4.81",
    },
  ),
} as const;
