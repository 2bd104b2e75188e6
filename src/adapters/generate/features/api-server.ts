/**
 * API Server VNet Integration and a private API server (`apiServerAccessProfile`): the cluster's API server
 * is projected into the plan's delegated API server subnet (its delegation is written with the subnet, see
 * `check-features.ts`). Without a subnet AKS creates one in its managed VNet.
 *
 * Sources (checked 2026-12-06): MicrosoftDocs/azure-aks-docs:articles/aks/api-server-vnet-integration.md
 * (`az aks create --enable-apiserver-vnet-integration --apiserver-subnet-id`, `--enable-private-cluster`);
 * Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py (the three flags of `aks create`);
 * the 2026-04-01 API's ManagedClusterAPIServerAccessProfile (`enableVnetIntegration`, `subnetId`,
 * `enablePrivateCluster`) as vendored by hashicorp/terraform-provider-azurerm;
 * hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_cluster_resource.go
 * (`api_server_access_profile { virtual_network_integration_enabled, subnet_id }`, `private_cluster_enabled`).
 * Authorized IP ranges (checked 2026-12-07, kb AUTHORIZED_IP_RANGES.names): az `--api-server-authorized-ip-ranges`,
 * ARM `apiServerAccessProfile.authorizedIPRanges`, azurerm `api_server_access_profile { authorized_ip_ranges }`.
 */
import type { Arg } from "../az-words.js";
import { expr, type HclItem } from "../hcl.js";
import type { GenPlan } from "../model.js";
import type { AzRefs, BicepRefs, GenFeature, TerraformRefs } from "./feature.js";

function az(plan: GenPlan, refs: AzRefs) {
  const a = plan.apiServer;
  const ranges = plan.authorizedIpRanges;
  const args: Arg[] = [];
  if (a?.vnetIntegration) args.push(["--enable-apiserver-vnet-integration"]);
  if (a?.subnet !== undefined) args.push(["--apiserver-subnet-id", refs.subnetId(a.subnet)]);
  if (a?.private) args.push(["--enable-private-cluster"]);
  // Comma-separated, as az aks create takes them (the CIDRs hold no shell metacharacters).
  if (ranges !== undefined) args.push(["--api-server-authorized-ip-ranges", ranges.join(",")]);
  return args.length > 0 ? { clusterArgs: args } : {};
}

/** AKS Automatic writes its own apiServerAccessProfile (automatic.ts), with the authorized ranges. */
function bicep(plan: GenPlan, refs: BicepRefs) {
  const a = plan.apiServer;
  const ranges = plan.authorizedIpRanges;
  if (plan.automatic || (!a && ranges === undefined)) return {};
  return {
    clusterProperties: {
      apiServerAccessProfile: {
        authorizedIPRanges: ranges,
        enableVnetIntegration: a?.vnetIntegration ? true : undefined,
        subnetId: a?.subnet !== undefined ? refs.subnetId(a.subnet) : undefined,
        enablePrivateCluster: a?.private ? true : undefined,
      },
    },
  };
}

/** AKS Automatic writes its own api_server_access block (automatic.ts), with the authorized ranges. */
function terraform(plan: GenPlan, refs: TerraformRefs) {
  const a = plan.apiServer;
  const ranges = plan.authorizedIpRanges;
  if (plan.automatic || (!a && ranges === undefined)) return {};
  const items: HclItem[] = [];
  if (a?.private) items.push({ attr: "private_cluster_enabled", value: true });
  const body: HclItem[] = [];
  if (ranges !== undefined) body.push({ attr: "authorized_ip_ranges", value: [...ranges] });
  if (a?.vnetIntegration) {
    body.push({ attr: "virtual_network_integration_enabled", value: true });
    if (a.subnet !== undefined) body.push({ attr: "subnet_id", value: expr(`${refs.subnet(a.subnet)}.id`) });
  }
  if (body.length > 0) items.push({ type: "api_server_access_profile", body });
  return { clusterItems: items };
}

export const API_SERVER: GenFeature = { az, bicep, terraform };
