import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../../engines/schema/schema.js";
import { generate } from "../index.js";
import { azCommands } from "../testing/az-args.js";
import { runWithAzStub } from "../testing/az-stub.js";

const udr = (patch: Partial<NonNullable<PlanInput["vnet"]>> = {}): PlanInput => ({
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"], outboundType: "userDefinedRouting" },
  vnet: {
    name: "vnet",
    addressSpace: ["10.224.0.0/12"],
    routeTables: [
      {
        name: "rt-fw",
        routes: [
          {
            name: "default",
            addressPrefix: "0.0.0.0/0",
            nextHopType: "VirtualAppliance",
            nextHopIpAddress: "10.224.8.4",
          },
        ],
      },
    ],
    subnets: [{ name: "nodes", cidr: "10.224.0.0/24", routeTable: "rt-fw" }],
    ...patch,
  },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
});

const gen = (plan: PlanInput, format: "az" | "bicep" | "terraform", existingVnet = false) => {
  const r = generate(PlanSchema.parse(plan), format, { existingVnet });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
};

describe("a route table with a default route on the node subnet (userDefinedRouting)", () => {
  it("az: the table and its route exist before the subnet, which is created with it attached", () => {
    const calls = runWithAzStub(gen(udr(), "az"));
    const at = (words: string) => calls.findIndex((c) => c.slice(0, words.split(" ").length).join(" ") === words);
    expect(calls[at("network route-table create")]).toEqual([
      "network",
      "route-table",
      "create",
      "--resource-group=rg",
      "--name=rt-fw",
      "--location=westeurope",
    ]);
    expect(calls[at("network route-table route create")]).toContain("--next-hop-ip-address=10.224.8.4");
    expect(calls[at("network vnet subnet create")]).toContain("--route-table=rt-fw");
    expect(at("network route-table route create")).toBeLessThan(at("network vnet subnet create"));
    expect(at("network vnet subnet create")).toBeLessThan(at("aks create"));
  });

  it("bicep: a routeTables resource the subnet references by id", () => {
    const text = gen(udr(), "bicep");
    expect(text).toMatch(/resource routeTable_rt_fw 'Microsoft\.Network\/routeTables@2024-05-01' = \{/);
    expect(text).toMatch(/routeTable: \{\n\s+id: routeTable_rt_fw\.id\n/);
    expect(text).toMatch(/nextHopIpAddress: '10\.224\.8\.4'/);
  });

  it("terraform: the table, its association with the subnet, and the cluster waits for the association", async () => {
    const text = gen(udr(), "terraform");
    const json = (await parse("main.tf", text)) as {
      resource: Record<string, Record<string, { [k: string]: unknown }[]>>;
    };
    const rt = json.resource["azurerm_route_table"]?.["route_table_rt_fw"]?.[0];
    expect(rt?.["route"]).toEqual([
      {
        name: "default",
        address_prefix: "0.0.0.0/0",
        next_hop_type: "VirtualAppliance",
        next_hop_in_ip_address: "10.224.8.4",
      },
    ]);
    expect(json.resource["azurerm_subnet_route_table_association"]?.["nodes"]?.[0]).toEqual({
      subnet_id: "${azurerm_subnet.nodes.id}",
      route_table_id: "${azurerm_route_table.route_table_rt_fw.id}",
    });
    expect(json.resource["azurerm_kubernetes_cluster"]?.["aks"]?.[0]?.["depends_on"]).toEqual([
      "${azurerm_subnet_route_table_association.nodes}",
    ]);
  });

  it.each(["az", "bicep", "terraform"] as const)(
    "%s: an existing VNet keeps its route tables: nothing written",
    (format) => {
      const text = gen(udr(), format, true);
      expect(text).not.toMatch(/route-table|routeTables@|azurerm_route_table/);
    },
  );

  it("a subnet without a route table gets none", () => {
    const plan = udr({ subnets: [{ name: "nodes", cidr: "10.224.0.0/24" }] });
    expect(azCommands(gen(plan, "az")).some((c) => c.words.join(" ") === "az network route-table create")).toBe(false);
    expect(gen(plan, "terraform")).not.toMatch(/depends_on/);
  });
});

describe("route table values that are refused, naming the field", () => {
  type Route = NonNullable<NonNullable<PlanInput["vnet"]>["routeTables"]>[number]["routes"];
  const rt = (route: Omit<NonNullable<Route>[number], "name">, name = "rt-fw") => ({
    routeTables: [{ name, routes: [{ name: "default", ...route }] }],
  });
  it.each<{ name: string; patch: Partial<NonNullable<PlanInput["vnet"]>>; path: string }>([
    {
      name: "a subnet naming a route table the VNet does not describe",
      patch: { subnets: [{ name: "nodes", cidr: "10.224.0.0/24", routeTable: "rt-missing" }] },
      path: "vnet.subnets[0].routeTable",
    },
    {
      name: "a VirtualAppliance route without the appliance's address",
      patch: rt({ addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance" }),
      path: "vnet.routeTables[0].routes[0].nextHopIpAddress",
    },
    {
      name: "an Internet route with a next hop address",
      patch: rt({ addressPrefix: "0.0.0.0/0", nextHopType: "Internet", nextHopIpAddress: "10.0.0.4" }),
      path: "vnet.routeTables[0].routes[0].nextHopIpAddress",
    },
    {
      name: "a route prefix that is not a network address",
      patch: rt({ addressPrefix: "10.1.2.3/8", nextHopType: "None" }),
      path: "vnet.routeTables[0].routes[0].addressPrefix",
    },
    {
      name: "command substitution in a route table name",
      patch: { ...rt({ addressPrefix: "0.0.0.0/0", nextHopType: "None" }, "rt$(id)"), subnets: [] },
      path: "vnet.routeTables[0].name",
    },
    {
      name: "a quote in a next hop address",
      patch: rt({ addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: "10.0.0.4'" }),
      path: "vnet.routeTables[0].routes[0].nextHopIpAddress",
    },
  ])("$name", ({ patch, path }) => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(udr(patch)), format);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(path);
    }
  });
});
