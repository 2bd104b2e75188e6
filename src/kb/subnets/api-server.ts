/**
 * API Server VNet Integration: the API server's internal load balancer and pods
 * are projected into a subnet of the cluster's VNet, delegated to AKS.
 */
import { aksDoc, aksRelease, repoFile, sourced } from "../source.js";
import { defineSubnetKind } from "./kind.js";

const C = { checked: "2026-12-06" } as const;
const PAGE = (note: string) => aksDoc("api-server-vnet-integration", note);
const AUTOMATIC = (note: string) => aksDoc("automatic/quick-automatic-custom-network", note);

export const API_SERVER_SUBNET = defineSubnetKind({
  id: "apiServer",
  title: "API server subnet (API Server VNet Integration)",
  requiredName: sourced(null, PAGE("any name; the samples use apiServerSubnet"), C),
  delegation: sourced(
    "Microsoft.ContainerService/managedClusters",
    [
      PAGE("bring-your-own VNet: you must create and delegate an API server subnet"),
      AUTOMATIC("AKS delegates the subnet to Microsoft.ContainerService/managedClusters on your behalf"),
    ],
    {
      ...C,
      derived:
        "AKS Standard asks you to delegate the subnet; for AKS Automatic the page says AKS delegates it itself. " +
        "A subnet delegated beforehand satisfies both, so aksnet always writes the delegation",
    },
  ),
  dedicated: sourced(
    true,
    PAGE("you can't use the subnet for any other workloads, but you can use it for several AKS clusters in the VNet"),
    C,
  ),
  maxPrefixLength: sourced(
    28,
    [PAGE("the minimum supported API server subnet size is /28"), AUTOMATIC("at least /28")],
    C,
  ),
  minPrefixLength: sourced(null, PAGE("no largest size documented"), C),
  recommendedPrefixLength: sourced(28, [PAGE("samples use 172.19.0.0/28")], {
    ...C,
    derived: "the documented minimum, which the samples use; aksnet adds room for more clusters sharing the subnet",
  }),
  unitUse: sourced(
    { unit: "cluster", addresses: 9 },
    [PAGE("an AKS cluster reserves at least nine IPs in the subnet address space"), AUTOMATIC("at least nine (9) IPs")],
    C,
  ),
  /** Clusters in the same VNet may share one API server subnet. */
  sharedByClusters: sourced(
    true,
    PAGE("you can use it for multiple AKS clusters located in the same virtual network"),
    C,
  ),
  /** The az CLI version that creates it. */
  azCliMin: sourced("2.73.0", PAGE("Prerequisites: Azure CLI version 2.73.0 or later"), C),
  /** Enabling it on an existing cluster is permanent and needs a restart. */
  oneWay: sourced(
    true,
    PAGE("Once enabled, the feature is permanent. You can't disable API Server VNet Integration"),
    C,
  ),
  /** Not with Virtual Network Encryption (rejected as a client error since 2026-01). */
  vnetEncryptionIncompatible: sourced(
    true,
    [PAGE("doesn't support Virtual Network Encryption"), aksRelease("2026-01-04", "AKS returns a client error")],
    C,
  ),
  /** Regions where it is not available. */
  unavailableRegions: sourced(
    ["qatarcentral"] as readonly string[],
    PAGE("available in all GA public cloud regions except qatarcentral"),
    C,
  ),
  /** Terraform: attributes and the azurerm version that added them. */
  terraform: sourced(
    {
      attributes: "api_server_access_profile { virtual_network_integration_enabled, subnet_id }",
      azurermMin: "4.46.0",
    },
    repoFile(
      "hashicorp/terraform-provider-azurerm:CHANGELOG-v4.md",
      "4.46.0 (September 25, 2025) adds the two properties",
    ),
    C,
  ),
});
