/**
 * Static egress gateway pools (`mode: Gateway`): the cluster turns the feature on
 * (`networkProfile.staticEgressGatewayProfile.enabled`), then each gateway pool is added with the size of its
 * public IP prefix. The az script adds them with `az aks nodepool add --mode Gateway` after the cluster (az.ts
 * writes the mode); Bicep declares them as `agentPools` child resources after the cluster (bicep.ts), since
 * the feature must be on before a gateway pool is created. The azurerm provider has neither (checked up to 5.2.0),
 * so the Terraform output writes both with the azapi provider against the same stable API version as Bicep: an
 * `azapi_update_resource` turning the feature on in the cluster's network profile, then one `azapi_resource`
 * agent pool per gateway pool (`DEPLOY_FEATURES.staticEgressGateway.azapi`). A pool without `gatewayPrefixSize`
 * is left to AKS's default, and the output says so. A pool of VM set type VirtualMachines is the private-IP mode:
 * `--vm-set-type VirtualMachines` in az (2.85.0), and in ARM `type: VirtualMachines` with the VM size and count in
 * `virtualMachinesProfile.scale.manual` instead of `vmSize` and `count`, as az sends it (kb GATEWAY_POOL.privateIp).
 *
 * Sources (checked 2026-12-06): MicrosoftDocs/azure-aks-docs:articles/aks/configure-static-egress-gateway.md
 * (`az aks create --enable-static-egress-gateway`, `az aks nodepool add --mode gateway --gateway-prefix-size`,
 * "enable the feature before creating gateway node pools");
 * Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py
 * (`enable_static_egress_gateway`, the Gateway node pool mode); the 2026-04-01 API's ContainerServiceNetworkProfile
 * `staticEgressGatewayProfile` and ManagedClusterAgentPoolProfile `gatewayProfile.publicIPPrefixSize`.
 */
import { DEPLOY_TARGETS } from "../../../kb/index.js";
import type { Arg } from "../az-words.js";
import { autoscales, type GenPlan, type GenPool } from "../model.js";
import { bexpr, type BicepValue } from "../bicep-writer.js";
import { expr, hclObject, type HclItem, type HclValue } from "../hcl.js";
import type { GenFeature, TerraformPieces, TerraformRefs } from "./feature.js";

export const hasGatewayPools = (plan: GenPlan): boolean => plan.pools.some((p) => p.mode === "Gateway");

/**
 * The default of Bicep's `gatewayVmSize` param, the VM size of a private-IP (VirtualMachines) gateway pool, which ARM
 * asks for in `virtualMachinesProfile`: the Terraform output's `node_vm_size` default.
 */
export const PRIVATE_GATEWAY_VM_SIZE = "Standard_D4ds_v5";

/** Bicep's param for that size (a VirtualMachines pool has no `vmSize` for ARM to default). */
export const GATEWAY_VM_SIZE_PARAM = "gatewayVmSize";

function az(plan: GenPlan) {
  if (!hasGatewayPools(plan)) return {};
  return {
    clusterArgs: [["--enable-static-egress-gateway"]] as const,
    poolArgs: (p: GenPool): readonly Arg[] => [
      ...(p.vmSetType === "VirtualMachines" ? [["--vm-set-type", "VirtualMachines"] as const] : []),
      ...(p.mode === "Gateway" && p.gatewayPrefixSize !== undefined
        ? [["--gateway-prefix-size", String(p.gatewayPrefixSize)] as const]
        : []),
    ],
  };
}

/** A VirtualMachines pool's size and count, as az sends them (no vmSize, count or autoscaler of its own). */
function vmsProfile(p: GenPool): BicepValue {
  return { scale: { manual: [{ size: bexpr(GATEWAY_VM_SIZE_PARAM), count: p.count ?? p.minCount }] } };
}

function bicep(plan: GenPlan) {
  if (!hasGatewayPools(plan)) return {};
  return {
    networkProfile: { staticEgressGatewayProfile: { enabled: true } },
    poolProperties: (p: GenPool): Readonly<Record<string, BicepValue>> => ({
      ...(p.vmSetType === "VirtualMachines" ? { type: "VirtualMachines", virtualMachinesProfile: vmsProfile(p) } : {}),
      ...(p.mode === "Gateway" && p.gatewayPrefixSize !== undefined
        ? { gatewayProfile: { publicIPPrefixSize: p.gatewayPrefixSize } }
        : {}),
    }),
  };
}

const API = DEPLOY_TARGETS.managedClustersApi.value;
const ENABLE = "azapi_update_resource.static_egress_gateway";

/** The agent pool's ARM properties, as Bicep writes them (ARM casing), in an azapi body. */
function poolBody(p: GenPool, refs: TerraformRefs): HclValue {
  const auto = autoscales(p) && p.vmSetType !== "VirtualMachines";
  const vms = p.vmSetType === "VirtualMachines";
  const manual = hclObject([
    ["size", expr("var.node_vm_size")],
    ["count", p.count ?? p.minCount],
  ]);
  return hclObject([
    [
      "properties",
      hclObject([
        ["mode", "Gateway"],
        ["type", vms ? "VirtualMachines" : undefined],
        ["vmSize", vms ? undefined : expr("var.node_vm_size")],
        ["osType", "Linux"],
        ["count", vms ? undefined : (p.count ?? (auto ? p.minCount : undefined))],
        ["enableAutoScaling", auto ? true : undefined],
        ["minCount", auto ? p.minCount : undefined],
        ["maxCount", auto ? p.maxCount : undefined],
        ["virtualMachinesProfile", vms ? hclObject([["scale", hclObject([["manual", [manual]]])]]) : undefined],
        ["maxPods", p.maxPods],
        ["vnetSubnetID", p.subnet !== undefined ? expr(`${refs.subnet(p.subnet)}.id`) : undefined],
        ["upgradeSettings", p.maxSurge !== undefined ? hclObject([["maxSurge", p.maxSurge]]) : undefined],
        [
          "gatewayProfile",
          p.gatewayPrefixSize !== undefined ? hclObject([["publicIPPrefixSize", p.gatewayPrefixSize]]) : undefined,
        ],
      ]),
    ],
  ]);
}

function terraform(plan: GenPlan, refs: TerraformRefs): TerraformPieces {
  if (!hasGatewayPools(plan)) return {};
  const items: HclItem[] = [
    {
      comment: [
        "Static egress gateway: azurerm has no argument for it, so azapi turns it on in the cluster's network profile",
        `(Microsoft.ContainerService/managedClusters@${API}); azurerm reads the cluster before it updates it, so the`,
        "setting stays. Source: MicrosoftDocs/azure-aks-docs:articles/aks/configure-static-egress-gateway.md",
      ].join("\n"),
    },
    {
      type: "resource",
      labels: ["azapi_update_resource", "static_egress_gateway"],
      body: [
        { attr: "type", value: `Microsoft.ContainerService/managedClusters@${API}` },
        { attr: "resource_id", value: expr("azurerm_kubernetes_cluster.aks.id") },
        {
          attr: "body",
          value: hclObject([
            [
              "properties",
              hclObject([
                ["networkProfile", hclObject([["staticEgressGatewayProfile", hclObject([["enabled", true]])]])],
              ]),
            ],
          ]),
        },
      ],
    },
  ];
  for (const p of plan.pools.filter((x) => x.mode === "Gateway")) {
    items.push({
      type: "resource",
      labels: ["azapi_resource", `gateway_${p.name}`],
      body: [
        { comment: "A gateway pool: created once the static egress gateway is on." },
        { attr: "type", value: `Microsoft.ContainerService/managedClusters/agentPools@${API}` },
        { attr: "name", value: p.name },
        { attr: "parent_id", value: expr("azurerm_kubernetes_cluster.aks.id") },
        { attr: "body", value: poolBody(p, refs) },
        { attr: "depends_on", value: [expr(ENABLE)] },
      ],
    });
  }
  return { afterCluster: items };
}

export const GATEWAY_POOLS: GenFeature = { az, bicep, terraform };
