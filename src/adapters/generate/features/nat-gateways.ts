/**
 * NAT gateways of a created VNet, attached to its subnets: what outbound type userAssignedNATGateway needs on
 * every node subnet before the cluster is created. Each gateway is a Standard NAT gateway with its own Standard
 * static public IPs (`publicIpCount`, default 1). The current AKS page creates a StandardV2 gateway instead
 * (zone-redundant; it needs StandardV2 public IPs); both work with userAssignedNATGateway, and the output says
 * which SKU it wrote. An existing VNet's subnets keep their NAT gateways: nothing is written.
 *
 * Sources (checked 2026-12-06): MicrosoftDocs/azure-aks-docs:articles/aks/nat-gateway.md ("Create an AKS cluster
 * with a userAssignedNatGateway": `az network public-ip create --allocation-method Static --sku`, `az network nat
 * gateway create --public-ip-addresses --idle-timeout`, `az network vnet subnet create --nat-gateway`; "Both
 * Standard and StandardV2 NAT gateways are supported");
 * Azure/azure-rest-api-specs:specification/network/resource-manager/Microsoft.Network/stable/2024-05-01
 * (natGateway.json: `sku.name`, `idleTimeoutInMinutes`, `publicIpAddresses`; virtualNetwork.json: a subnet's
 * `natGateway`); hashicorp/terraform-provider-azurerm:website/docs/r/nat_gateway.html.markdown,
 * nat_gateway_public_ip_association.html.markdown, subnet_nat_gateway_association.html.markdown,
 * public_ip.html.markdown.
 */
import { DEPLOY_TARGETS } from "../../../kb/index.js";
import { command, type Arg } from "../az-words.js";
import { bexpr, bicepValue, type BicepValue } from "../bicep-writer.js";
import { expr, type HclItem, type HclValue } from "../hcl.js";
import type { GenNatGateway, GenPlan } from "../model.js";
import { shellQuote } from "../quote.js";
import type { GenFeature, TerraformRefs } from "./feature.js";

const SKU_NOTE =
  "NAT gateways are written as Standard with Standard public IPs; for zone redundancy use StandardV2 (and StandardV2 " +
  "public IPs), which the AKS page now shows";

const ident = (prefix: string, name: string) => `${prefix}_${name.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`;

/** The NAT gateways to create: those of a created VNet that a subnet attaches. */
function gatewaysToCreate(plan: GenPlan): readonly GenNatGateway[] {
  const v = plan.vnet;
  if (!v || v.existing) return [];
  const used = new Set(v.subnets.map((s) => s.natGateway));
  return v.natGateways.filter((g) => used.has(g.name));
}

/** Unique identifiers per name (Bicep symbols, Terraform labels). */
function idents(names: readonly string[], prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of names) {
    let id = ident(prefix, n);
    for (let i = 2; taken.has(id); i++) id = `${ident(prefix, n)}_${i}`;
    taken.add(id);
    out.set(n, id);
  }
  return out;
}

function az(plan: GenPlan) {
  const gateways = gatewaysToCreate(plan);
  if (gateways.length === 0) return {};
  const location: Arg[] = plan.location !== undefined ? [["--location", `"$LOCATION"`]] : [];
  const beforeVnet = [`# NAT gateways, attached to their subnets as the subnets are created. ${SKU_NOTE}.`];
  for (const g of gateways) {
    for (const ip of g.publicIps)
      beforeVnet.push(
        command("az network public-ip create", [
          ["--resource-group", `"$VNET_RESOURCE_GROUP"`],
          ["--name", shellQuote(ip)],
          ...location,
          ["--sku", "Standard"],
          ["--allocation-method", "Static"],
        ]),
      );
    beforeVnet.push(
      command("az network nat gateway create", [
        ["--resource-group", `"$VNET_RESOURCE_GROUP"`],
        ["--name", shellQuote(g.name)],
        ...location,
        ["--public-ip-addresses", g.publicIps.map(shellQuote)],
        ...(g.idleTimeoutMinutes !== undefined ? ([["--idle-timeout", String(g.idleTimeoutMinutes)]] as Arg[]) : []),
      ]),
    );
  }
  const names = new Set(gateways.map((g) => g.name));
  return {
    beforeVnet,
    subnetArgs: (s: { natGateway?: string }): readonly Arg[] =>
      s.natGateway !== undefined && names.has(s.natGateway) ? [["--nat-gateway", shellQuote(s.natGateway)]] : [],
  };
}

function bicep(plan: GenPlan) {
  // A VNet in another resource group is only referenced by the Bicep file (see bicep.ts): so are its NAT gateways.
  const gateways = plan.vnet?.resourceGroup !== undefined ? [] : gatewaysToCreate(plan);
  if (gateways.length === 0) return {};
  const ids = idents(
    gateways.map((g) => g.name),
    "natGateway",
  );
  const api = DEPLOY_TARGETS.networkApi.value;
  const resources = [`// ${SKU_NOTE}.\n`];
  for (const g of gateways) {
    const id = ids.get(g.name) ?? "";
    const ipIds = g.publicIps.map((_, k) => `${id}Ip${k + 1}`);
    g.publicIps.forEach((ip, k) => {
      const body = {
        name: ip,
        location: bexpr("location"),
        sku: { name: "Standard" },
        properties: { publicIPAllocationMethod: "Static" },
      };
      resources.push(`resource ${ipIds[k]} 'Microsoft.Network/publicIPAddresses@${api}' = ${bicepValue(body)}\n`);
    });
    const body = {
      name: g.name,
      location: bexpr("location"),
      sku: { name: "Standard" },
      properties: {
        idleTimeoutInMinutes: g.idleTimeoutMinutes,
        publicIpAddresses: ipIds.map((x) => ({ id: bexpr(`${x}.id`) })),
      },
    };
    resources.push(`resource ${id} 'Microsoft.Network/natGateways@${api}' = ${bicepValue(body)}\n`);
  }
  return {
    resources,
    subnetProperties: (s: { natGateway?: string }): Readonly<Record<string, BicepValue>> => {
      const id = s.natGateway !== undefined ? ids.get(s.natGateway) : undefined;
      return id !== undefined ? { natGateway: { id: bexpr(`${id}.id`) } } : {};
    },
  };
}

/** A NAT gateway's public IP and its association, the `k`th of the gateway `id`. */
function publicIpTerraform(id: string, ip: string, k: number, rg: HclValue): HclItem[] {
  const label = `${id}_ip${k + 1}`;
  return [
    {
      type: "resource",
      labels: ["azurerm_public_ip", label],
      body: [
        { attr: "name", value: ip },
        { attr: "location", value: expr("var.location") },
        { attr: "resource_group_name", value: rg },
        { attr: "allocation_method", value: "Static" },
        { attr: "sku", value: "Standard" },
      ],
    },
    {
      type: "resource",
      labels: ["azurerm_nat_gateway_public_ip_association", label],
      body: [
        { attr: "nat_gateway_id", value: expr(`azurerm_nat_gateway.${id}.id`) },
        { attr: "public_ip_address_id", value: expr(`azurerm_public_ip.${label}.id`) },
      ],
    },
  ];
}

function terraform(plan: GenPlan, refs: TerraformRefs) {
  const gateways = gatewaysToCreate(plan);
  const v = plan.vnet;
  if (gateways.length === 0 || !v) return {};
  const ids = idents(
    gateways.map((g) => g.name),
    "nat_gateway",
  );
  const rg = v.resourceGroup !== undefined ? v.resourceGroup : expr("var.resource_group_name");
  const resources: HclItem[] = [{ comment: `${SKU_NOTE}.` }];
  for (const g of gateways) {
    const id = ids.get(g.name) ?? "";
    resources.push({
      type: "resource",
      labels: ["azurerm_nat_gateway", id],
      body: [
        { attr: "name", value: g.name },
        { attr: "location", value: expr("var.location") },
        { attr: "resource_group_name", value: rg },
        { attr: "sku_name", value: "Standard" },
        ...(g.idleTimeoutMinutes !== undefined
          ? [{ attr: "idle_timeout_in_minutes", value: g.idleTimeoutMinutes }]
          : []),
      ],
    });
    g.publicIps.forEach((ip, k) => resources.push(...publicIpTerraform(id, ip, k, rg)));
  }
  const associations: string[] = [];
  for (const s of v.subnets) {
    const id = s.natGateway !== undefined ? ids.get(s.natGateway) : undefined;
    if (id === undefined) continue;
    const label = refs.subnet(s.name).replace(/^azurerm_subnet\./, "");
    resources.push({
      type: "resource",
      labels: ["azurerm_subnet_nat_gateway_association", label],
      body: [
        { attr: "subnet_id", value: expr(`${refs.subnet(s.name)}.id`) },
        { attr: "nat_gateway_id", value: expr(`azurerm_nat_gateway.${id}.id`) },
      ],
    });
    associations.push(`azurerm_subnet_nat_gateway_association.${label}`);
  }
  return { resources, clusterDependsOn: associations };
}

export const NAT_GATEWAYS: GenFeature = { az, bicep, terraform };
