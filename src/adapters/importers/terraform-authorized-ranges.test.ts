/** `terraform show -json` plans with API server authorized IP ranges and node public IPs (azurerm 4.x and 3.x). */
import { describe, expect, it } from "vitest";
import { loadPlanText } from "./load.js";

type O = Record<string, unknown>;

/** A plan document holding one cluster with these extra values and default pool fields. */
const doc = (extra: O, pool: O = {}, pools: O[] = []) =>
  JSON.stringify({
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: [
          {
            address: "azurerm_kubernetes_cluster.main",
            mode: "managed",
            type: "azurerm_kubernetes_cluster",
            name: "main",
            values: {
              name: "aks-tf",
              default_node_pool: [{ name: "system", node_count: 3, ...pool }],
              network_profile: [{ network_plugin: "azure", network_plugin_mode: "overlay" }],
              ...extra,
            },
          },
          ...pools,
        ],
      },
    },
  });
const nodePool = (values: O): O => ({
  address: "azurerm_kubernetes_cluster_node_pool.edge",
  mode: "managed",
  type: "azurerm_kubernetes_cluster_node_pool",
  name: "edge",
  values: { name: "edge", node_count: 2, ...values },
});
const planOf = (text: string) => {
  const r = loadPlanText(text, "plan.json");
  if (!r.plan) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe("terraform show -json: authorized IP ranges and node public IPs", () => {
  it.each([
    {
      name: "azurerm 4.x api_server_access_profile",
      extra: { api_server_access_profile: [{ authorized_ip_ranges: ["73.140.245.0/24", "20.61.12.34/32"] }] },
      ranges: ["73.140.245.0/24", "20.61.12.34/32"],
    },
    {
      name: "azurerm 3.x top-level api_server_authorized_ip_ranges",
      extra: { api_server_authorized_ip_ranges: ["73.140.245.0/24"] },
      ranges: ["73.140.245.0/24"],
    },
    {
      name: "the block wins over 3.x's top-level list",
      extra: {
        api_server_access_profile: [{ authorized_ip_ranges: ["20.61.12.34/32"] }],
        api_server_authorized_ip_ranges: ["73.140.245.0/24"],
      },
      ranges: ["20.61.12.34/32"],
    },
    { name: "an empty set", extra: { api_server_access_profile: [{ authorized_ip_ranges: [] }] }, ranges: undefined },
    { name: "no block", extra: {}, ranges: undefined },
    {
      name: "unknown at plan time (absent)",
      extra: { api_server_access_profile: [{ subnet_id: null }] },
      ranges: undefined,
    },
  ])("$name", ({ extra, ranges }) => {
    expect(planOf(doc(extra)).plan?.apiServer?.authorizedIpRanges).toEqual(ranges);
  });

  it.each([
    { name: "4.x node_public_ip_enabled", pool: { node_public_ip_enabled: true }, on: true },
    { name: "3.x enable_node_public_ip", pool: { enable_node_public_ip: true }, on: true },
    { name: "false", pool: { node_public_ip_enabled: false }, on: undefined },
  ])("default pool: $name", ({ pool, on }) => {
    expect(planOf(doc({}, pool)).plan?.nodePools[0]?.nodePublicIp).toBe(on);
  });

  it("a node pool resource's node public IPs, and its prefix's resource ID", () => {
    const id =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/" +
      "publicIPPrefixes/pip-edge";
    const plan = planOf(doc({}, {}, [nodePool({ node_public_ip_enabled: true, node_public_ip_prefix_id: id })])).plan;
    expect(plan?.nodePools.map((p) => [p.nodePublicIp, p.nodePublicIpPrefixId])).toEqual([
      [undefined, undefined],
      [true, id],
    ]);
  });

  it("locates the ranges at their attribute", () => {
    const r = planOf(doc({ api_server_access_profile: [{ authorized_ip_ranges: ["73.140.245.0/24"] }] }));
    expect(r.locate("apiServer.authorizedIpRanges").line).toBeGreaterThan(0);
  });
});
