/**
 * AKS Automatic: the network choices it fixes, and the subnets it needs in a
 * custom VNet (an API server subnet, a system node subnet for the managed system
 * node pools, a user node subnet for node auto-provisioning).
 */
import { aksDoc, aksRelease, repoFile, sourced } from "./source.js";

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
  /** The sample's system node subnet size; no minimum is documented. */
  systemNodeSubnetPrefixLength: sourced(
    26,
    [repoFile(`${SAMPLES}bicep/virtualNetwork.bicep`, "systemNodeSubnetPrefix 172.19.0.64/26")],
    {
      ...C,
      derived: "the size Microsoft's sample uses; no minimum is documented for the managed system node subnet",
    },
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
  /** Outbound types: managed NAT gateway with the managed VNet; in a custom VNet the load balancer, a user-assigned NAT gateway or UDR. */
  outboundTypes: sourced(
    {
      managedVnet: ["managedNATGateway"],
      customVnet: ["loadBalancer", "userAssignedNATGateway", "userDefinedRouting"],
    },
    INTRO(
      "Egress: preconfigured AKS managed NAT gateway with a managed VNet; optional with a custom VNet: load balancer, user-assigned NAT gateway, UDR",
    ),
    C,
  ),
  windows: sourced(
    false,
    aksDoc("includes/aks-automatic/aks-automatic-limitations", "Windows nodes aren't supported"),
    C,
  ),
  azCliMin: sourced("2.86.0", CUSTOM("Azure CLI version 2.86.0 or later"), C),
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
        "hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/containerservice/2026-04-01/managedclusters/model_managedclusterhostedsystemprofile.go",
        "hostedSystemProfile in the stable 2026-04-01 API (absent from 2025-10-01)",
      ),
    ],
    C,
  ),
  terraform: sourced(
    {
      resource: "azurerm_kubernetes_automatic_cluster",
      subnets: "hosted_system { node_subnet_id, system_node_subnet_id }, api_server_access { subnet_id }",
      azurermMin: "5.0.0",
    },
    repoFile("hashicorp/terraform-provider-azurerm:website/docs/r/kubernetes_automatic_cluster.html.markdown"),
    {
      ...C,
      derived: "the resource was added on 2026-07-08 (PR #32215); the first release after that is 5.0.0 (27 July 2026)",
    },
  ),
} as const;
