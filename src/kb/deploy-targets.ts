/**
 * What the generators write whatever the plan: the API versions in the Bicep output, the provider constraints in the
 * Terraform output, the oldest az CLI the script needs, and the shapes the sources disagree on. The per-value
 * support of each tool is in deploy-tools.ts.
 */
import { aksDoc, aksRelease, page, repoFile, sourced, type Sourced } from "./source.js";
import { API_2026_04_01, AZURERM, AZURERM_CHANGELOG_V4, CHECKED } from "./deploy-sources.js";

export interface DeployTargets {
  /**
   * The `Microsoft.ContainerService/managedClusters` API version the Bicep output uses: stable, and knowing every
   * property written.
   */
  readonly managedClustersApi: Sourced<string>;
  /** The `Microsoft.Network` API version of the VNet, subnets and route tables in the Bicep output. */
  readonly networkApi: Sourced<string>;
  /** The azurerm versions the Terraform output declares (`required_providers` constraint). */
  readonly azurermConstraint: Sourced<string>;
  /** The azapi versions the Terraform output declares when it writes azapi resources (HCL object bodies). */
  readonly azapiConstraint: Sourced<string>;
  /** The oldest az CLI the script needs whatever the plan: `--flag=value` on every command and `az group create`. */
  readonly azBaseline: Sourced<string>;
  /** How the API spells an AKS-managed StandardV2 NAT gateway; the sources disagree. */
  readonly natGatewayV2Shape: Sourced<string>;
  /** Windows Server 2025 pools cannot disable FIPS: the FIPS image must be asked for. */
  readonly windows2025RequiresFips: Sourced<boolean>;
  /** Windows Server 2025 pools need this Kubernetes version or later. */
  readonly windows2025MinKubernetes: Sourced<string>;
}

export const DEPLOY_TARGETS: DeployTargets = {
  managedClustersApi: sourced(
    "2026-04-01",
    [
      API_2026_04_01("the newest stable containerservice API the azurerm provider vendors (5.2.0)"),
      page("https://learn.microsoft.com/azure/templates/microsoft.containerservice/managedclusters"),
      repoFile(
        "Azure/azure-rest-api-specs:specification/containerservice/resource-manager/Microsoft.ContainerService/aks/" +
          "stable/2026-06-01/managedClusters.json",
        "the newest stable version stored (info.version 2026-06-01)",
      ),
    ],
    {
      checked: "2026-12-07",
      derived:
        "the stable version azurerm 5.2.0 vendors; it has every property the generator writes (osSKU Windows2025, " +
        "enableFIPS, podIPAllocationMode, bootstrapProfile, outboundType none). A newer stable version, 2026-06-01, " +
        "is in azure-rest-api-specs (read 2026-12-07); aksnet keeps the version its outputs were checked against",
    },
  ),
  networkApi: sourced(
    "2024-05-01",
    repoFile(
      "Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/" +
        "virtualNetwork.json",
      "stable; virtualNetworks, subnets (routeTable, delegations) and routeTables",
    ),
    CHECKED,
  ),
  azurermConstraint: sourced(
    ">= 4.57.0, < 6.0.0",
    [
      AZURERM_CHANGELOG_V4("4.57.0: node_provisioning_profile"),
      AZURERM(
        "website/docs/guides/5.0-upgrade-guide.html.markdown",
        "5.0: the node_provisioning_profile block is required",
      ),
      AZURERM("CHANGELOG.md", "5.2.0, the newest release read"),
    ],
    {
      ...CHECKED,
      derived:
        "the output always writes node_provisioning_profile, which 4.57.0 introduced and 5.x requires; 6.0 is a " +
        "major version not yet read",
    },
  ),
  azapiConstraint: sourced(
    ">= 2.0.1, < 3.0.0",
    repoFile(
      "Azure/terraform-provider-azapi:CHANGELOG.md",
      "v2.0.0-beta: body accepts only an HCL object (no jsonencode); v2.0.1 (16 October 2024) the first 2.x release; " +
        "2.12.0 the newest read",
    ),
    { checked: "2026-12-07", derived: "the output writes bodies as HCL objects, which 2.x requires; 3.0 not yet read" },
  ),
  azBaseline: sourced("2.0.81", aksDoc("egress-udr", "the oldest CLI version an AKS networking page names"), {
    ...CHECKED,
    derived: "no flag the script always writes needs more; each plan value may raise it (see the features)",
  }),
  natGatewayV2Shape: sourced(
    "outboundType: managedNATGatewayV2",
    [
      aksDoc("nat-gateway", "Create an AKS cluster with a managed StandardV2 NAT gateway"),
      aksDoc("egress-outboundtype"),
    ],
    {
      ...CHECKED,
      alternatives: [
        {
          value: "outboundType: managedNATGateway with natGatewayProfile.sku: standardV2",
          source: [aksRelease("2026-07-17", "NAT Gateway V2 public preview, API version 2026-06-01")],
          note: "the release notes describe the preview as the existing outbound type with a StandardV2 SKU",
        },
      ],
    },
  ),
  windows2025RequiresFips: sourced(
    true,
    [
      aksDoc("enable-fips-nodes", "Windows Server 2025: enabled by default and can't be disabled"),
      aksDoc("upgrade-os-version", "Windows2025 requires a FIPS-enabled image (--enable-fips-image)"),
    ],
    CHECKED,
  ),
  windows2025MinKubernetes: sourced("1.32", aksRelease("2026-05-29", "Windows Server 2025 GA on 1.32+"), CHECKED),
};
