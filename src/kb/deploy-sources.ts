/**
 * The sources the deployment-tool facts cite (deploy-tools.ts, deploy-targets.ts): the azurerm provider snapshot and
 * the stable API it vendors, and the az CLI's argument list.
 */
import { repoFile } from "./source.js";

export const CHECKED = { checked: "2026-12-06" } as const;

/** The snapshot of the azurerm provider read for these facts (release 5.2.0, 20 August 2026). */
export const AZURERM = (path: string, note?: string) => repoFile(`hashicorp/terraform-provider-azurerm:${path}`, note);
export const AZURERM_CLUSTER = (note: string) =>
  AZURERM("internal/services/containers/kubernetes_cluster_resource.go", note);
export const AZURERM_POOL = (note: string) =>
  AZURERM("internal/services/containers/kubernetes_cluster_node_pool_resource.go", note);
export const AZURERM_CHANGELOG_V4 = (note: string) => AZURERM("CHANGELOG-v4.md", note);
/** The stable API the provider vendors: generated from Azure/azure-rest-api-specs by hashicorp/go-azure-sdk. */
export const API_2026_04_01 = (note: string) =>
  AZURERM(
    "vendor/github.com/hashicorp/go-azure-sdk/resource-manager/containerservice/2026-04-01/managedclusters/" +
      "constants.go",
    note,
  );

/** A model of the 2026-04-01 stable API the provider vendors (its JSON names are the ARM property names). */
export const API_2026_04_01_MODEL = (file: string, note: string) =>
  AZURERM(
    `vendor/github.com/hashicorp/go-azure-sdk/resource-manager/containerservice/2026-04-01/managedclusters/${file}`,
    note,
  );
/** The az CLI's own argument list (core, not the aks-preview extension). */
export const AZ_PARAMS = (note: string) =>
  repoFile("Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py", note);

/** The az CLI's release notes (every version, newest first; the snapshot read ends at 2.89.1, 11 August 2026). */
export const AZ_RELEASE_NOTES = (note: string) =>
  repoFile("MicrosoftDocs/azure-docs-cli:docs-ref-conceptual/Latest-version/release-notes-azure-cli.md", note);
