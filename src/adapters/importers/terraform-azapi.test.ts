/**
 * A VNet and subnets written with the azapi provider, in a `terraform show -json` plan: the subnets are read as the
 * azurerm ones are, and the cluster's pools are placed in them through `parent_id` or the configuration's reference
 * to the parent VNet. Constructed documents in the JSON output format
 * (https://developer.hashicorp.com/terraform/internals/json-format) with azapi's attributes (`type`, `name`,
 * `parent_id`, `body`: Azure/terraform-provider-azapi:docs/resources/resource.md).
 */
import { describe, expect, it } from "vitest";
import { loadPlanText } from "./load.js";

type O = Record<string, unknown>;

const azapi = (address: string, type: string, name: string, body: O, parentId?: string): O => ({
  address,
  mode: "managed",
  type: "azapi_resource",
  name: address.split(".").at(-1),
  values: { type, name, body, ...(parentId !== undefined ? { parent_id: parentId } : {}) },
});
const VNET_ID = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke";
const vnet = (subnets: O[] = []) =>
  azapi("azapi_resource.vnet", "Microsoft.Network/virtualNetworks@2024-05-01", "vnet-spoke", {
    properties: { addressSpace: { addressPrefixes: ["10.20.0.0/16"] }, subnets },
  });
const subnet = (address: string, name: string, properties: O, parentId?: string) =>
  azapi(address, "Microsoft.Network/virtualNetworks/subnets@2024-05-01", name, { properties }, parentId);
const cluster: O = {
  address: "azurerm_kubernetes_cluster.main",
  mode: "managed",
  type: "azurerm_kubernetes_cluster",
  name: "main",
  values: {
    name: "aks-azapi",
    default_node_pool: [{ name: "system", node_count: 3 }],
    network_profile: [{ network_plugin: "azure", network_plugin_mode: "overlay", pod_cidr: "10.244.0.0/16" }],
  },
};
const config = (parentRef: string | undefined, subnetRef: string): O => ({
  resources: [
    {
      address: "azurerm_kubernetes_cluster.main",
      mode: "managed",
      type: "azurerm_kubernetes_cluster",
      name: "main",
      expressions: {
        default_node_pool: [{ vnet_subnet_id: { references: [subnetRef, subnetRef.replace(/\.id$/, "")] } }],
      },
    },
    ...(parentRef !== undefined
      ? [
          {
            address: "azapi_resource.nodes",
            mode: "managed",
            type: "azapi_resource",
            name: "nodes",
            expressions: { parent_id: { references: [parentRef, parentRef.replace(/\.id$/, "")] } },
          },
        ]
      : []),
  ],
});

const load = (resources: O[], configuration: O) => {
  const r = loadPlanText(
    JSON.stringify({
      format_version: "1.2",
      planned_values: { root_module: { resources } },
      configuration: { root_module: configuration },
    }),
    "plan.json",
  );
  expect(r.problems).toEqual([]);
  return r.plan!;
};

describe("terraform: azapi VNets and subnets", () => {
  it.each([
    {
      name: "a subnet whose parent_id is known names its VNet",
      resources: [vnet(), subnet("azapi_resource.nodes", "snet-nodes", { addressPrefix: "10.20.0.0/22" }, VNET_ID)],
      parentRef: undefined,
      cidr: "10.20.0.0/22",
    },
    {
      name: "a subnet whose parent_id is unknown until apply is placed by its reference to the azapi VNet",
      resources: [vnet(), subnet("azapi_resource.nodes", "snet-nodes", { addressPrefixes: ["10.20.4.0/22"] })],
      parentRef: "azapi_resource.vnet.id",
      cidr: "10.20.4.0/22",
    },
  ])("$name", ({ resources, parentRef, cidr }) => {
    const plan = load([...resources, cluster], config(parentRef, "azapi_resource.nodes.id"));
    expect(plan.vnet?.name).toBe("vnet-spoke");
    expect(plan.vnet?.addressSpace).toEqual(["10.20.0.0/16"]);
    expect(plan.vnet?.subnets).toEqual([{ name: "snet-nodes", cidr }]);
    expect(plan.nodePools[0]?.subnet).toBe("snet-nodes");
  });

  it("an azapi subnet of an azurerm VNet, and a VNet's inline subnets", () => {
    const azurermVnet: O = {
      address: "azurerm_virtual_network.spoke",
      mode: "managed",
      type: "azurerm_virtual_network",
      name: "spoke",
      values: { name: "vnet-rm", address_space: ["10.30.0.0/16"] },
    };
    const plan = load(
      [azurermVnet, subnet("azapi_resource.nodes", "snet-nodes", { addressPrefix: "10.30.0.0/24" }), cluster],
      config("azurerm_virtual_network.spoke.id", "azapi_resource.nodes.id"),
    );
    expect(plan.vnet?.name).toBe("vnet-rm");
    expect(plan.vnet?.subnets).toEqual([{ name: "snet-nodes", cidr: "10.30.0.0/24" }]);

    const known = structuredClone(cluster);
    ((known["values"] as O)["default_node_pool"] as O[])[0]!["vnet_subnet_id"] = `${VNET_ID}/subnets/snet-a`;
    const inline = load([vnet([{ name: "snet-a", properties: { addressPrefix: "10.20.8.0/24" } }]), known], {
      resources: [],
    });
    expect(inline.vnet?.subnets).toEqual([{ name: "snet-a", cidr: "10.20.8.0/24" }]);
    expect(inline.nodePools[0]?.subnet).toBe("snet-a");
  });
});
