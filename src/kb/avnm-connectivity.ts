/**
 * Azure Virtual Network Manager connectivity configurations as code: the resources
 * (network group, static members, connectivity configuration) and the commit that
 * deploys them to regions, with the API, provider and CLI versions that have each.
 * `aksnet generate` reads these for a fleet's `connectivity[]` written `as: networkManager`.
 */
import { page, repoFile, sourced, type Sourced } from "./source.js";

const CHECKED = { checked: "2026-12-07" } as const;

const SDK = (file: string, note: string) =>
  repoFile(
    "hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/network/" +
      `2025-01-01/${file}`,
    note,
  );
const SPEC_2024 = (note: string) =>
  repoFile(
    "Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/" +
      "networkManagerConnectivityConfiguration.json",
    note,
  );
const AZURERM_DOC = (resource: string, note: string) =>
  repoFile(`hashicorp/terraform-provider-azurerm:website/docs/r/${resource}.html.markdown`, note);

export interface AvnmConnectivityFacts {
  /**
   * The Microsoft.Network API version aksnet writes for networkGroups, staticMembers and connectivityConfigurations:
   * the newest whose body it has transcribed that has `connectivityCapabilities` (2024-05-01 has the rest).
   */
  readonly apiVersion: Sourced<string>;
  /** The ARM body of a connectivity configuration: flags are the strings "True"/"False", not booleans. */
  readonly stringFlags: Sourced<boolean>;
  /** A commit (deployment) is a POST on the network manager, not a resource: Bicep and ARM cannot write it. */
  readonly commitIsAction: Sourced<boolean>;
  /**
   * A commit sets, per target region, the whole list of configurations deployed there: a configuration left out of
   * a later commit to that region is removed from it.
   */
  readonly commitReplacesRegion: Sourced<boolean>;
  /** The first azurerm version with `connected_group_address_overlap_enabled` on the connectivity configuration. */
  readonly azurermOverlapSince: Sourced<string>;
  /** The az CLI extension that holds `az network manager …` (not in the core CLI). */
  readonly azExtension: Sourced<string>;
  /**
   * The API version the extension's `connect-config create` sends. It has no argument for
   * `connectivityCapabilities` (connectedGroupAddressOverlap), so a configuration that sets it is written
   * with `az rest` (core CLI) at `apiVersion` instead.
   */
  readonly azConnectConfigApi: Sourced<string>;
}

export const AVNM_CONNECTIVITY: AvnmConnectivityFacts = {
  apiVersion: sourced(
    "2025-01-01",
    [
      SDK(
        "connectivityconfigurations/model_connectivityconfigurationproperties.go",
        "ConnectivityConfigurationProperties: appliesToGroups, connectivityCapabilities, connectivityTopology, " +
          "deleteExistingPeering, description, hubs, isGlobal (generated from the 2025-01-01 swagger)",
      ),
      SPEC_2024("2024-05-01: the same properties without connectivityCapabilities"),
      page(
        "https://learn.microsoft.com/azure/templates/microsoft.network/networkmanagers/connectivityconfigurations",
        "connectivityCapabilities { connectedGroupAddressOverlap, connectedGroupPrivateEndpointsScale, " +
          "peeringEnforcement }",
      ),
    ],
    {
      ...CHECKED,
      alternatives: [
        {
          value: "2024-05-01",
          source: [SPEC_2024("the API version aksnet writes for VNets and peerings; no connectivityCapabilities")],
          note:
            "the version of the fleet's other network resources; a connectedGroupAddressOverlap setting cannot be " +
            "written with it, so aksnet writes the newer 2025-01-01 (azurerm 4.x and 5.x use it too)",
        },
      ],
    },
  ),
  stringFlags: sourced(
    true,
    [SPEC_2024("isGlobal, deleteExistingPeering, useHubGateway: enum False | True (strings)")],
    CHECKED,
  ),
  commitIsAction: sourced(
    true,
    [
      repoFile(
        "Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/" +
          "networkManager.json",
        "NetworkManagerCommits_Post: POST …/networkManagers/{name}/commit { targetLocations, configurationIds, " +
          "commitType }",
      ),
      page(
        "https://learn.microsoft.com/azure/virtual-network-manager/create-virtual-network-manager-bicep",
        "the Bicep quickstart deploys the configuration with a deployment script that runs the commit",
      ),
    ],
    CHECKED,
  ),
  commitReplacesRegion: sourced(
    true,
    [
      page(
        "https://learn.microsoft.com/azure/virtual-network-manager/concept-deployments",
        "a deployment to a region sets the goal state: configurations not in the commit are removed from that region",
      ),
      AZURERM_DOC("network_manager_deployment", "one deployment per location, scope_access and configuration_ids"),
    ],
    CHECKED,
  ),
  azurermOverlapSince: sourced(
    "5.0.0",
    [
      repoFile(
        "hashicorp/terraform-provider-azurerm:CHANGELOG.md",
        "5.0.0: azurerm_network_manager_connectivity_configuration - add support for the " +
          "connected_group_address_overlap, connected_group_private_endpoints_scale and peering_enforcement properties",
      ),
      AZURERM_DOC(
        "network_manager_connectivity_configuration",
        "connected_group_address_overlap_enabled (Optional) Defaults to true",
      ),
    ],
    CHECKED,
  ),
  azExtension: sourced(
    "virtual-network-manager",
    [
      repoFile(
        "Azure/azure-cli-extensions:src/network-manager/azext_network_manager/aaz/latest/network/manager/" +
          "connect_config/_create.py",
        "az network manager connect-config create lives in the network-manager extension",
      ),
      page(
        "https://learn.microsoft.com/azure/virtual-network-manager/create-virtual-network-manager-cli",
        "az extension add -n virtual-network-manager",
      ),
    ],
    CHECKED,
  ),
  azConnectConfigApi: sourced(
    "2022-01-01",
    [
      repoFile(
        "Azure/azure-cli-extensions:src/network-manager/azext_network_manager/aaz/latest/network/manager/" +
          "connect_config/_create.py",
        "commit 2ac9710 (extension virtual-network-manager 1.0.1, the newest in setup.py/HISTORY.rst read): " +
          "_aaz_info version 2022-01-01; arguments --applies-to-groups, --connectivity-topology, " +
          "--delete-existing-peering, --description, --hubs, --is-global; no connectivityCapabilities",
      ),
      repoFile(
        "Azure/azure-cli:src/azure-cli/azure/cli/command_modules/util/_params.py",
        "az rest --method put --url (a URL without a host is a resource ID under the cloud's ARM endpoint) --body",
      ),
    ],
    CHECKED,
  ),
};
