/**
 * Static egress gateway pools (`mode: Gateway`): the cluster turns the feature on
 * (`networkProfile.staticEgressGatewayProfile.enabled`), then each gateway pool is added with the size of its
 * public IP prefix. The az script adds them with `az aks nodepool add --mode Gateway` after the cluster (az.ts
 * writes the mode); Bicep declares them as `agentPools` child resources after the cluster (bicep.ts), since
 * the feature must be on before a gateway pool is created. The azurerm provider has neither (refused,
 * `support.ts`). A pool without `gatewayPrefixSize` is left to AKS's default, and the output says so.
 *
 * Sources (checked 2026-12-06): MicrosoftDocs/azure-aks-docs:articles/aks/configure-static-egress-gateway.md
 * (`az aks create --enable-static-egress-gateway`, `az aks nodepool add --mode gateway --gateway-prefix-size`,
 * "enable the feature before creating gateway node pools"); Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py
 * (`enable_static_egress_gateway`, the Gateway node pool mode); the 2026-04-01 API's ContainerServiceNetworkProfile
 * `staticEgressGatewayProfile` and ManagedClusterAgentPoolProfile `gatewayProfile.publicIPPrefixSize`.
 */
import type { Arg } from "../az-words.js";
import type { GenPlan, GenPool } from "../model.js";
import type { BicepValue } from "../bicep-writer.js";
import type { GenFeature } from "./feature.js";

export const hasGatewayPools = (plan: GenPlan): boolean => plan.pools.some((p) => p.mode === "Gateway");

function az(plan: GenPlan) {
  if (!hasGatewayPools(plan)) return {};
  return {
    clusterArgs: [["--enable-static-egress-gateway"]] as const,
    poolArgs: (p: GenPool): readonly Arg[] =>
      p.mode === "Gateway" && p.gatewayPrefixSize !== undefined
        ? [["--gateway-prefix-size", String(p.gatewayPrefixSize)]]
        : [],
  };
}

function bicep(plan: GenPlan) {
  if (!hasGatewayPools(plan)) return {};
  return {
    networkProfile: { staticEgressGatewayProfile: { enabled: true } },
    poolProperties: (p: GenPool): Readonly<Record<string, BicepValue>> =>
      p.mode === "Gateway" && p.gatewayPrefixSize !== undefined
        ? { gatewayProfile: { publicIPPrefixSize: p.gatewayPrefixSize } }
        : {},
  };
}

export const GATEWAY_POOLS: GenFeature = { az, bicep };
