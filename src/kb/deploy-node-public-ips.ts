/**
 * What the deployment tools need for node public IPs (`nodePools[].nodePublicIp`, `nodePublicIpPrefixId`): part of
 * `DEPLOY_FEATURES` (deploy-tools.ts), kept here by subject.
 */
import { AZ_RELEASE_NOTES, API_2026_04_01_MODEL, AZURERM, AZURERM_POOL } from "./deploy-sources.js";
import type { ArmSupport, AzRequirement, AzurermSupport, DeployFeature } from "./deploy-tools.js";
import { aksDoc, sourced } from "./source.js";

export const NODE_PUBLIC_IP_FEATURES = {
  nodePublicIp: {
    title: "node public IPs",
    az: sourced<AzRequirement>(
      { cli: "2.4.0" },
      [
        AZ_RELEASE_NOTES("2.4.0 (April 21, 2020), AKS: Add node public IP support"),
        aksDoc("use-node-public-ips", "az aks create and az aks nodepool add --enable-node-public-ip"),
      ],
      { checked: "2026-12-07" },
    ),
    arm: sourced<ArmSupport>(
      "stable",
      API_2026_04_01_MODEL("model_managedclusteragentpoolprofile.go", "enableNodePublicIP"),
      { checked: "2026-12-07" },
    ),
    azurerm: sourced<AzurermSupport>(
      { since: "4.0.0" },
      [
        AZURERM_POOL("node_public_ip_enabled"),
        AZURERM(
          "website/docs/guides/4.0-upgrade-guide.html.markdown",
          "4.0 renamed enable_node_public_ip to node_public_ip_enabled",
        ),
      ],
      { checked: "2026-12-07" },
    ),
  },
  nodePublicIpPrefix: {
    title: "node public IPs from a public IP prefix",
    az: sourced<AzRequirement>(
      { cli: "2.21.0" },
      [
        AZ_RELEASE_NOTES("2.21.0 (March 23, 2021), AKS: Add support for node public IP prefix ID"),
        aksDoc(
          "use-node-public-ips",
          "Use a public IP prefix: --node-public-ip-prefix-id with --enable-node-public-ip",
        ),
      ],
      { checked: "2026-12-07" },
    ),
    arm: sourced<ArmSupport>(
      "stable",
      API_2026_04_01_MODEL("model_managedclusteragentpoolprofile.go", "nodePublicIPPrefixID"),
      { checked: "2026-12-07" },
    ),
    azurerm: sourced<AzurermSupport>(
      { since: "4.0.0" },
      [
        AZURERM_POOL("node_public_ip_prefix_id, RequiredWith node_public_ip_enabled"),
        AZURERM("CHANGELOG-v2.md", "2.62.0 (June 04, 2021): support for node_public_ip_prefix_id"),
      ],
      { checked: "2026-12-07" },
    ),
  },
} as const satisfies Record<string, DeployFeature>;
