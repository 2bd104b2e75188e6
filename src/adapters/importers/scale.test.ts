/**
 * Estate-sized inputs: 150,000 pools or subnets (more than the ~125,000 arguments
 * a spread into `push` can take before V8's stack overflows, and shaped like a
 * flattened estate export) import without a stack overflow and in linear time
 * (a lookup per pool, not a scan of every subnet).
 */
import { describe, expect, it } from "vitest";
import { loadPlanFiles } from "./load.js";

const N = 150_000;
const POOLS = 20_000;
const subnetId = (i: number) =>
  `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/s${i}`;

describe("150,000 pools and subnets", () => {
  it("az aks show with 150,000 pools and its VNet with 150,000 subnets", () => {
    const cluster = {
      name: "aks",
      networkProfile: { networkPlugin: "azure" },
      agentPoolProfiles: Array.from({ length: N }, (_, i) => ({ name: `p${i}`, count: 1, vnetSubnetId: subnetId(i) })),
    };
    const vnet = {
      name: "vnet",
      addressSpace: { addressPrefixes: ["10.0.0.0/8"] },
      subnets: Array.from({ length: N }, (_, i) => ({ name: `s${i}`, addressPrefix: "10.0.0.0/28" })),
    };
    const r = loadPlanFiles([
      { text: JSON.stringify(cluster), fileName: "aks.json" },
      { text: JSON.stringify(vnet), fileName: "vnet.json" },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.plan?.nodePools).toHaveLength(N);
    expect(r.plan?.vnet?.subnets).toHaveLength(N);
    expect(r.locate("nodePools[149999].subnet")).toMatchObject({ file: "aks.json", line: 1 });
  });

  it("terraform show -json with 150,000 subnets and 20,000 pools (a scan per pool was 3e9 comparisons)", () => {
    const resources: object[] = [
      {
        address: "azurerm_virtual_network.v",
        mode: "managed",
        type: "azurerm_virtual_network",
        values: { name: "vnet", address_space: ["10.0.0.0/8"] },
      },
      {
        address: "azurerm_kubernetes_cluster.aks",
        mode: "managed",
        type: "azurerm_kubernetes_cluster",
        values: { name: "aks", default_node_pool: [{ name: "system", node_count: 1, vnet_subnet_id: subnetId(0) }] },
      },
    ];
    for (let i = 0; i < N; i++) {
      resources.push({
        address: `azurerm_subnet.s${i}`,
        mode: "managed",
        type: "azurerm_subnet",
        values: { name: `s${i}`, virtual_network_name: "vnet", address_prefixes: ["10.0.0.0/28"] },
      });
      if (i < POOLS)
        resources.push({
          address: `azurerm_kubernetes_cluster_node_pool.p${i}`,
          mode: "managed",
          type: "azurerm_kubernetes_cluster_node_pool",
          values: { name: `p${i}`, node_count: 1, vnet_subnet_id: subnetId(i) },
        });
    }
    const doc = { format_version: "1.2", planned_values: { root_module: { resources } } };
    const r = loadPlanFiles([{ text: JSON.stringify(doc), fileName: "plan.json" }]);
    expect(r.problems).toEqual([]);
    expect(r.plan?.nodePools).toHaveLength(POOLS + 1);
    expect(r.plan?.vnet?.subnets).toHaveLength(N);
  });
});
