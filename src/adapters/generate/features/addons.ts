/**
 * The add-ons that take a subnet of the plan's VNet: virtual nodes (the ACI connector, by subnet name; the
 * subnet is delegated to Microsoft.ContainerInstance/containerGroups, see `check-features.ts`) and the
 * Application Gateway Ingress Controller (a new Application Gateway in the given subnet, by ID). The az CLI
 * takes every add-on in one `--enable-addons` list, so both are written here.
 *
 * Sources (checked 2026-12-06): Azure/azure-cli:src/azure-cli/azure/cli/command_modules/acs/_params.py
 * (`aks create --enable-addons`, `--aci-subnet-name`, `--appgw-subnet-id`);
 * MicrosoftDocs/azure-aks-docs:articles/aks/virtual-nodes-cli.md
 * (`--enable-addons virtual-node --aci-subnet-name`); https://learn.microsoft.com/azure/application-gateway/tutorial-ingress-controller-add-on-new
 * (`--enable-addons ingress-appgw --appgw-subnet-cidr|--appgw-subnet-id`);
 * hashicorp/terraform-provider-azurerm:internal/services/containers/kubernetes_addons.go (the add-on profile
 * keys `aciConnectorLinux` with config `SubnetName`, `ingressApplicationGateway` with config `subnetId`, and the
 * `aci_connector_linux { subnet_name }`, `ingress_application_gateway { subnet_id }` blocks).
 */
import { AGC_SUBNET } from "../../../kb/index.js";
import type { Arg } from "../az-words.js";
import { expr, type HclItem } from "../hcl.js";
import type { GenPlan } from "../model.js";
import { shellQuote } from "../quote.js";
import type { AzRefs, BicepRefs, GenFeature, TerraformRefs } from "./feature.js";

/**
 * Application Gateway for Containers is no AKS add-on: its subnet is written with its delegation, and the
 * gateway and its association come from the ALB controller or `az network alb` (comment lines, no prefix).
 */
function agcAfterwards(plan: GenPlan): string[] {
  const subnet = plan.agcSubnet;
  if (subnet === undefined) return [];
  return [
    `Application Gateway for Containers: subnet ${subnet} is delegated to ${AGC_SUBNET.delegation.value ?? ""};`,
    "create the gateway and its association with that subnet with the ALB controller or az network alb.",
    `Source: ${AGC_SUBNET.delegation.source[0]?.url ?? ""}`,
  ];
}

function az(plan: GenPlan, refs: AzRefs) {
  const { virtualNodes: vn, applicationGateway: agw } = plan.addons;
  const after = agcAfterwards(plan).map((l) => `# ${l}`);
  if (!vn && !agw) return { afterCluster: after };
  const names = [...(vn ? ["virtual-node"] : []), ...(agw ? ["ingress-appgw"] : [])];
  const args: Arg[] = [["--enable-addons", names.join(",")]];
  if (vn) args.push(["--aci-subnet-name", shellQuote(vn.subnet)]);
  if (agw) args.push(["--appgw-subnet-id", refs.subnetId(agw.subnet)]);
  return { clusterArgs: args, afterCluster: after };
}

function bicep(plan: GenPlan, refs: BicepRefs) {
  const { virtualNodes: vn, applicationGateway: agw } = plan.addons;
  const afterCluster = agcAfterwards(plan).map((l) => `// ${l}`);
  if (!vn && !agw) return { afterCluster };
  return {
    afterCluster,
    clusterProperties: {
      addonProfiles: {
        aciConnectorLinux: vn ? { enabled: true, config: { SubnetName: vn.subnet } } : undefined,
        ingressApplicationGateway: agw ? { enabled: true, config: { subnetId: refs.subnetId(agw.subnet) } } : undefined,
      },
    },
  };
}

function terraform(plan: GenPlan, refs: TerraformRefs) {
  const { virtualNodes: vn, applicationGateway: agw } = plan.addons;
  const items: HclItem[] = [];
  if (vn)
    items.push({
      type: "aci_connector_linux",
      body: [{ attr: "subnet_name", value: expr(`${refs.subnet(vn.subnet)}.name`) }],
    });
  if (agw)
    items.push({
      type: "ingress_application_gateway",
      body: [{ attr: "subnet_id", value: expr(`${refs.subnet(agw.subnet)}.id`) }],
    });
  const after = agcAfterwards(plan);
  return { clusterItems: items, ...(after.length > 0 ? { afterCluster: [{ comment: after.join("\n") }] } : {}) };
}

export const ADDONS: GenFeature = { az, bicep, terraform };
