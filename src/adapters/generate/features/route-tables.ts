/**
 * Route tables of a created VNet, attached to its subnets: what outbound type
 * userDefinedRouting needs on the node subnet (a 0.0.0.0/0 route to the
 * firewall), and a route table kubenet brings. AKS checks the route at create
 * time, so each generator attaches the table before the cluster: the az script
 * creates it first and passes it to `az network vnet subnet create
 * --route-table`, Bicep sets the subnet's `routeTable`, Terraform associates it
 * and makes the cluster depend on the association. An existing VNet's subnets
 * keep the route tables they have: nothing is written.
 *
 * Sources (checked 2026-12-06): MicrosoftDocs/azure-aks-docs:articles/aks/egress-udr.md,
 * limit-egress-traffic.md (`az network route-table create`, `route create --next-hop-type
 * --next-hop-ip-address`, `subnet update --route-table`); hashicorp/terraform-provider-azurerm:
 * website/docs/r/route_table.html.markdown, subnet_route_table_association.html.markdown.
 */
import { DEPLOY_TARGETS } from "../../../kb/index.js";
import { command, type Arg } from "../az-words.js";
import { bexpr, bicepValue, type BicepValue } from "../bicep-writer.js";
import { expr, type HclItem } from "../hcl.js";
import type { GenPlan, GenRouteTable } from "../model.js";
import { shellQuote } from "../quote.js";
import type { GenFeature } from "./feature.js";

const ident = (prefix: string, name: string) => `${prefix}_${name.toLowerCase().replace(/[^a-z0-9_]/g, "_")}`;

/** The route tables to create: those of a created VNet that a subnet attaches. */
function tablesToCreate(plan: GenPlan): readonly GenRouteTable[] {
  const v = plan.vnet;
  if (!v || v.existing) return [];
  const used = new Set(v.subnets.map((s) => s.routeTable));
  return v.routeTables.filter((t) => used.has(t.name));
}

/** Unique identifiers (Bicep symbols, Terraform labels) per route table name. */
function idents(tables: readonly GenRouteTable[], prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of tables) {
    let id = ident(prefix, t.name);
    for (let i = 2; taken.has(id); i++) id = `${ident(prefix, t.name)}_${i}`;
    taken.add(id);
    out.set(t.name, id);
  }
  return out;
}

function az(plan: GenPlan) {
  const tables = tablesToCreate(plan);
  if (tables.length === 0) return {};
  const location: Arg[] = plan.location !== undefined ? [["--location", `"$LOCATION"`]] : [];
  const beforeVnet = ["# Route tables, attached to their subnets as the subnets are created."];
  for (const t of tables) {
    beforeVnet.push(
      command("az network route-table create", [
        ["--resource-group", `"$VNET_RESOURCE_GROUP"`],
        ["--name", shellQuote(t.name)],
        ...location,
      ]),
    );
    for (const r of t.routes)
      beforeVnet.push(
        command("az network route-table route create", [
          ["--resource-group", `"$VNET_RESOURCE_GROUP"`],
          ["--route-table-name", shellQuote(t.name)],
          ["--name", shellQuote(r.name)],
          ["--address-prefix", shellQuote(r.addressPrefix)],
          ["--next-hop-type", r.nextHopType],
          ...(r.nextHopIpAddress !== undefined
            ? ([["--next-hop-ip-address", shellQuote(r.nextHopIpAddress)]] as Arg[])
            : []),
        ]),
      );
  }
  const names = new Set(tables.map((t) => t.name));
  return {
    beforeVnet,
    subnetArgs: (s: { routeTable?: string }): readonly Arg[] =>
      s.routeTable !== undefined && names.has(s.routeTable) ? [["--route-table", shellQuote(s.routeTable)]] : [],
  };
}

function bicep(plan: GenPlan) {
  // A VNet in another resource group is only referenced by the Bicep file (see bicep.ts): so are its route tables.
  const tables = plan.vnet?.resourceGroup !== undefined ? [] : tablesToCreate(plan);
  if (tables.length === 0) return {};
  const ids = idents(tables, "routeTable");
  const api = DEPLOY_TARGETS.networkApi.value;
  const resources = tables.map((t) => {
    const body: BicepValue = {
      name: t.name,
      location: bexpr("location"),
      properties: {
        routes: t.routes.map((r) => ({
          name: r.name,
          properties: {
            addressPrefix: r.addressPrefix,
            nextHopType: r.nextHopType,
            nextHopIpAddress: r.nextHopIpAddress,
          },
        })),
      },
    };
    return `resource ${ids.get(t.name) ?? ""} 'Microsoft.Network/routeTables@${api}' = ${bicepValue(body)}\n`;
  });
  return {
    resources,
    subnetProperties: (s: { routeTable?: string }): Readonly<Record<string, BicepValue>> => {
      const id = s.routeTable !== undefined ? ids.get(s.routeTable) : undefined;
      return id !== undefined ? { routeTable: { id: bexpr(`${id}.id`) } } : {};
    },
  };
}

function terraform(plan: GenPlan, names: { readonly subnet: (name: string) => string }) {
  const tables = tablesToCreate(plan);
  const v = plan.vnet;
  if (tables.length === 0 || !v) return {};
  const ids = idents(tables, "route_table");
  const rg = v.resourceGroup !== undefined ? v.resourceGroup : expr("var.resource_group_name");
  const resources: HclItem[] = tables.map((t) => ({
    type: "resource",
    labels: ["azurerm_route_table", ids.get(t.name) ?? ""],
    body: [
      { attr: "name", value: t.name },
      { attr: "location", value: expr("var.location") },
      { attr: "resource_group_name", value: rg },
      ...t.routes.map((r): HclItem => ({
        type: "route",
        body: [
          { attr: "name", value: r.name },
          { attr: "address_prefix", value: r.addressPrefix },
          { attr: "next_hop_type", value: r.nextHopType },
          ...(r.nextHopIpAddress !== undefined ? [{ attr: "next_hop_in_ip_address", value: r.nextHopIpAddress }] : []),
        ],
      })),
    ],
  }));
  const associations: string[] = [];
  for (const s of v.subnets) {
    const id = s.routeTable !== undefined ? ids.get(s.routeTable) : undefined;
    if (id === undefined) continue;
    const label = names.subnet(s.name).replace(/^azurerm_subnet\./, "");
    resources.push({
      type: "resource",
      labels: ["azurerm_subnet_route_table_association", label],
      body: [
        { attr: "subnet_id", value: expr(`${names.subnet(s.name)}.id`) },
        { attr: "route_table_id", value: expr(`azurerm_route_table.${id}.id`) },
      ],
    });
    associations.push(`azurerm_subnet_route_table_association.${label}`);
  }
  return { resources, clusterDependsOn: associations };
}

export const ROUTE_TABLES: GenFeature = { az, bicep, terraform };
