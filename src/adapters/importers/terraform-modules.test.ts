/**
 * Issue #11: `terraform show -json` plans whose cluster reaches its subnet through modules, as real code does
 * (Azure/terraform-azurerm-aks passes `var.vnet_subnet_id` into the cluster; Azure Verified Modules expose
 * subnets as a module output), and plans holding a VNet the cluster does not join. Constructed documents in the
 * JSON output format (https://developer.hashicorp.com/terraform/internals/json-format): configuration addresses
 * are relative to their module, references list the full traversal and then its shorter forms.
 */
import { describe, expect, it } from "vitest";
import { loadPlanText } from "./load.js";

type O = Record<string, unknown>;

const subnet = (address: string, name: string, vnet: string, cidr: string): O => ({
  address,
  mode: "managed",
  type: "azurerm_subnet",
  name: address.split(".").at(-1)!.replace(/\[.*$/, ""),
  values: { name, virtual_network_name: vnet, resource_group_name: "rg-net", address_prefixes: [cidr] },
});
const vnet = (address: string, name: string, cidr: string): O => ({
  address,
  mode: "managed",
  type: "azurerm_virtual_network",
  name: "this",
  values: { name, resource_group_name: "rg-net", address_space: [cidr] },
});
/** A cluster whose subnet ID is unknown at plan time (absent from planned values). */
const cluster = (address: string, subnetId?: string): O => ({
  address,
  mode: "managed",
  type: "azurerm_kubernetes_cluster",
  name: "main",
  values: {
    name: "aks-mod",
    location: "westeurope",
    resource_group_name: "rg-aks",
    default_node_pool: [
      { name: "system", node_count: 3, max_pods: 30, ...(subnetId ? { vnet_subnet_id: subnetId } : {}) },
    ],
    network_profile: [{ network_plugin: "azure", network_plugin_mode: "overlay", pod_cidr: "10.244.0.0/16" }],
  },
});
const refs = (...r: string[]) => ({ references: r });
const clusterConfig = (subnetRef: O, dynamic = false): O => ({
  address: "azurerm_kubernetes_cluster.main",
  mode: "managed",
  type: "azurerm_kubernetes_cluster",
  name: "main",
  expressions: dynamic
    ? { dynamic: { default_node_pool: { content: [{ vnet_subnet_id: subnetRef }] } } }
    : { default_node_pool: [{ vnet_subnet_id: subnetRef }] },
});

function doc(resources: O[], childModules: O[], configuration: O): string {
  return JSON.stringify({
    format_version: "1.2",
    planned_values: { root_module: { resources, child_modules: childModules } },
    configuration: { root_module: configuration },
  });
}

function imported(text: string) {
  const r = loadPlanText(text, "plan.json");
  expect(r.problems).toEqual([]);
  return r.plan!;
}

describe("terraform: subnets reached through modules", () => {
  it("terraform-azurerm-aks: the cluster in module aks takes var.vnet_subnet_id, passed a root subnet", () => {
    const text = doc(
      [vnet("azurerm_virtual_network.spoke", "vnet-spoke", "10.10.0.0/16")].concat(
        subnet("azurerm_subnet.aks", "snet-aks", "vnet-spoke", "10.10.0.0/22"),
      ),
      [{ address: "module.aks", resources: [cluster("module.aks.azurerm_kubernetes_cluster.main")] }],
      {
        module_calls: {
          aks: {
            source: "Azure/aks/azurerm",
            expressions: { vnet_subnet_id: refs("azurerm_subnet.aks.id", "azurerm_subnet.aks") },
            module: { resources: [clusterConfig(refs("var.vnet_subnet_id"), true)] },
          },
        },
      },
    );
    const plan = imported(text);
    expect(plan.nodePools?.[0]?.subnet).toBe("snet-aks");
    expect(plan.vnet?.name).toBe("vnet-spoke");
    expect(plan.vnet?.subnets.map((s) => s.name)).toEqual(["snet-aks"]);
  });

  it('an AVM-style network module: the subnet reached through output subnets["aks"] of a for_each block', () => {
    const text = doc(
      [cluster("azurerm_kubernetes_cluster.main")],
      [
        {
          address: "module.network",
          resources: [
            vnet("module.network.azurerm_virtual_network.this", "vnet-avm", "10.20.0.0/16"),
            subnet('module.network.azurerm_subnet.this["aks"]', "snet-aks", "vnet-avm", "10.20.0.0/22"),
            subnet('module.network.azurerm_subnet.this["pe"]', "snet-pe", "vnet-avm", "10.20.8.0/24"),
          ],
        },
      ],
      {
        resources: [
          clusterConfig(
            refs(
              'module.network.subnets["aks"].resource_id',
              'module.network.subnets["aks"]',
              "module.network.subnets",
            ),
          ),
        ],
        module_calls: {
          network: {
            source: "Azure/avm-res-network-virtualnetwork/azurerm",
            module: { outputs: { subnets: { expression: refs("azurerm_subnet.this") } } },
          },
        },
      },
    );
    const plan = imported(text);
    expect(plan.nodePools?.[0]?.subnet).toBe("snet-aks");
    expect(plan.vnet?.name).toBe("vnet-avm");
    expect(plan.vnet?.subnets.map((s) => s.name)).toEqual(["snet-aks", "snet-pe"]);
  });

  it("nested modules: a variable passed an output of a sibling module, two levels down", () => {
    const text = doc(
      [],
      [
        {
          address: "module.platform",
          child_modules: [
            {
              address: "module.platform.module.net",
              resources: [
                vnet("module.platform.module.net.azurerm_virtual_network.this", "vnet-nested", "10.30.0.0/16"),
                subnet("module.platform.module.net.azurerm_subnet.nodes", "snet-nodes", "vnet-nested", "10.30.0.0/22"),
              ],
            },
            {
              address: "module.platform.module.cluster",
              resources: [cluster("module.platform.module.cluster.azurerm_kubernetes_cluster.main")],
            },
          ],
        },
      ],
      {
        module_calls: {
          platform: {
            module: {
              module_calls: {
                net: { module: { outputs: { node_subnet_id: { expression: refs("azurerm_subnet.nodes.id") } } } },
                cluster: {
                  expressions: { subnet_id: refs("module.net.node_subnet_id", "module.net") },
                  module: { resources: [clusterConfig(refs("var.subnet_id"))] },
                },
              },
            },
          },
        },
      },
    );
    expect(imported(text).nodePools?.[0]?.subnet).toBe("snet-nodes");
  });

  it("a variable that refers back to itself through an output ends, with no subnet", () => {
    const text = doc([], [{ address: "module.a", resources: [cluster("module.a.azurerm_kubernetes_cluster.main")] }], {
      module_calls: {
        a: {
          expressions: { s: refs("module.a.out") },
          module: { resources: [clusterConfig(refs("var.s"))], outputs: { out: { expression: refs("var.s") } } },
        },
      },
    });
    expect(imported(text).nodePools?.[0]?.subnet).toBeUndefined();
  });
});

describe("terraform: a VNet the cluster does not join is not the cluster's", () => {
  const hub = vnet("azurerm_virtual_network.hub", "vnet-hub", "10.0.0.0/16");
  it.each([
    { name: "no pool names a subnet (AKS creates its own VNet)", subnetId: undefined },
    {
      name: "the pool's subnet is in a VNet outside the plan",
      subnetId:
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/" +
        "virtualNetworks/vnet-spoke/subnets/snet-aks",
    },
  ])("$name: the lone hub VNet is left out", ({ subnetId }) => {
    const plan = imported(doc([hub, cluster("azurerm_kubernetes_cluster.main", subnetId)], [], {}));
    expect(plan.vnet).toBeUndefined();
  });

  it("a pool whose subnet ID is unknown until apply: the lone VNet is still taken", () => {
    const text = doc([hub, cluster("azurerm_kubernetes_cluster.main")], [], {
      resources: [clusterConfig(refs("data.azurerm_subnet.existing.id", "data.azurerm_subnet.existing"))],
    });
    expect(imported(text).vnet?.name).toBe("vnet-hub");
  });
});

describe("terraform: hostile nesting", () => {
  it("child modules nested 20,000 deep import (the recursive walk overflowed the stack; the page died on it)", () => {
    const depth = 20_000;
    const leaf = JSON.stringify({ address: "m", resources: [cluster("module.m.azurerm_kubernetes_cluster.main")] });
    const text =
      `{"format_version":"1.2","planned_values":{"root_module":` +
      '{"child_modules":['.repeat(depth) +
      `${leaf}${"]}".repeat(depth)}}}`;
    const plan = imported(text);
    expect(plan.name).toBe("aks-mod");
    expect(loadPlanText(text, "plan.json").locate("name").line).toBe(1);
  });
});
