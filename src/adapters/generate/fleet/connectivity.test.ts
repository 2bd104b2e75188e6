/**
 * A fleet's Virtual Network Manager connectivity configurations as code: `as: peerings` (the default) writes their
 * connections as VNet peerings, `as: networkManager` the network group, static members, configuration and commit
 * in the fleet's network manager, in all three formats (goldens, checked against the tools' schemas by
 * test/generated-*-schema.test.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { FleetPlanSchema, type FleetPlanInput } from "../../../engines/schema/schema-fleet.js";
import { checkAzScript } from "../testing/az-schema.js";
import { runWithAzStub } from "../testing/az-stub.js";
import { bicepResources, type BicepJson } from "../testing/bicep-parse.js";
import { fleetPeerings, generateFleet } from "./index.js";
import { FLEET } from "./testing.js";

const GOLDEN = join(import.meta.dirname, "__golden__");
function golden(name: string, text: string): void {
  if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(join(GOLDEN, name), text);
  expect(text).toBe(readFileSync(join(GOLDEN, name), "utf8"));
}

const clusters = FLEET.map((c) => ({
  name: c.name,
  vnet: { name: c.plan.vnet!.name!, resourceGroup: c.plan.resourceGroup! },
  location: c.plan.location,
}));
const VNET = "Microsoft.Network/virtualNetworks";
const NM_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/" +
  "networkManagers/nm-platform";

/** The hub and spoke of the goldens: the three clusters with the hub, by the network manager. */
export const AVNM_FLEET: FleetPlanInput = {
  kind: "FleetPlan",
  hub: { name: "vnet-hub", resourceGroup: "rg-hub", cidrs: ["10.100.0.0/22"], gateway: true, location: "westeurope" },
  networkManager: { id: NM_ID },
  connectivity: [
    {
      name: "hub-and-spoke",
      topology: "hubAndSpoke",
      hub: "vnet-hub",
      members: ["aks-weu-1", "aks-neu-1", "aks-legacy"],
      useHubGateway: true,
      as: "networkManager",
    },
    {
      name: "overlay-mesh",
      topology: "mesh",
      members: ["aks-weu-1", "aks-neu-1"],
      global: true,
      connectedGroupAddressOverlap: "Disallowed",
      as: "networkManager",
    },
  ],
  clusters: FLEET.map((c) => ({ name: c.name })),
};

const plan = (input: FleetPlanInput) => fleetPeerings(FleetPlanSchema.parse(input), clusters);

describe("connectivity as: peerings (the default)", () => {
  it.each<{ name: string; connectivity: FleetPlanInput["connectivity"]; want: string[] }>([
    {
      name: "hub and spoke: each member with the hub, using its gateway",
      connectivity: [
        { name: "hs", topology: "hubAndSpoke", hub: "vnet-hub", members: ["aks-weu-1"], useHubGateway: true },
      ],
      want: ["vnet-aks-weu-1-to-vnet-hub gw:use", "vnet-hub-to-vnet-aks-weu-1 gw:offer"],
    },
    {
      name: "mesh: every pair of members",
      connectivity: [{ name: "m", topology: "mesh", members: ["aks-weu-1", "aks-neu-1", "aks-legacy"] }],
      want: [
        "vnet-aks-legacy-to-vnet-aks-neu-1",
        "vnet-aks-legacy-to-vnet-aks-weu-1",
        "vnet-aks-neu-1-to-vnet-aks-legacy",
        "vnet-aks-neu-1-to-vnet-aks-weu-1",
        "vnet-aks-weu-1-to-vnet-aks-legacy",
        "vnet-aks-weu-1-to-vnet-aks-neu-1",
      ],
    },
    {
      name: "hub and spoke with direct connectivity: the hub's and the members' pairs",
      connectivity: [
        {
          name: "hs",
          topology: "hubAndSpoke",
          hub: "vnet-hub",
          members: ["aks-weu-1", "aks-neu-1"],
          directConnectivity: true,
        },
      ],
      want: [
        "vnet-aks-neu-1-to-vnet-aks-weu-1",
        "vnet-aks-neu-1-to-vnet-hub",
        "vnet-aks-weu-1-to-vnet-aks-neu-1",
        "vnet-aks-weu-1-to-vnet-hub",
        "vnet-hub-to-vnet-aks-neu-1",
        "vnet-hub-to-vnet-aks-weu-1",
      ],
    },
  ])("$name", ({ connectivity, want }) => {
    const r = plan({ ...AVNM_FLEET, networkManager: undefined, connectivity });
    expect(r.problems).toEqual([]);
    expect(r.networkManager).toBeUndefined();
    const got = r.peerings.map(
      (p) => `${p.name}${p.useRemoteGateways ? " gw:use" : ""}${p.allowGatewayTransit ? " gw:offer" : ""}`,
    );
    expect(got.sort()).toEqual(want);
    expect(r.notes.some((n) => /is written as VNet peerings \(as: peerings, the default\)/.test(n))).toBe(true);
  });
});

describe("connectivity as: networkManager", () => {
  const r = plan(AVNM_FLEET);

  it("writes no peerings for it, and plans one group and configuration each, committed to every region", () => {
    expect(r.problems).toEqual([]);
    expect(r.peerings).toEqual([]);
    const p = r.networkManager!;
    expect(p.manager).toMatchObject({ name: "nm-platform", resourceGroup: "rg-network" });
    expect(p.locations).toEqual(["northeurope", "westeurope"]);
    expect(p.configurations.map((c) => [c.name, c.topology, c.groupConnectivity, c.useHubGateway, c.global])).toEqual([
      ["hub-and-spoke", "HubAndSpoke", "None", true, false],
      ["overlay-mesh", "Mesh", "DirectlyConnected", false, true],
    ]);
    expect(r.notes.some((n) => /a commit sets every connectivity configuration deployed in its regions/.test(n))).toBe(
      true,
    );
  });

  it.each<{ name: string; patch: Partial<FleetPlanInput>; problem: RegExp }>([
    { name: "no networkManager", patch: { networkManager: undefined }, problem: /names no networkManager/ },
    {
      name: "an id that is not a manager's",
      patch: { networkManager: { id: "/subscriptions/x" } },
      problem: /is not a network manager's resource ID/,
    },
    {
      name: "a name without resource group",
      patch: { networkManager: { name: "nm" } },
      problem: /needs its id, or its name and resourceGroup/,
    },
  ])("refuses $name, in one sentence", ({ patch, problem }) => {
    const bad = plan({ ...AVNM_FLEET, ...patch });
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(problem);
  });

  it("Terraform: network-manager.tf (golden), azurerm raised to 5.0.0 for connectedGroupAddressOverlap", async () => {
    const g = generateFleet(FLEET, "terraform", {}, r.peerings, r.notes, r.networkManager);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    const f = g.files.find((x) => x.path === "network-manager.tf")!;
    golden("fleet-avnm-network-manager.tf", f.text);
    const json = (await parse("network-manager.tf", f.text)) as { resource: Record<string, object> };
    expect(Object.keys(json.resource).sort()).toEqual([
      "azurerm_network_manager_connectivity_configuration",
      "azurerm_network_manager_deployment",
      "azurerm_network_manager_network_group",
      "azurerm_network_manager_static_member",
    ]);
    expect(g.files.find((x) => x.path === "main.tf")!.text).toContain('version = ">= 5.0.0, < 6.0.0"');
  });

  it("Bicep: the module (golden), the call in main.bicep, and the commit as an az script", () => {
    const g = generateFleet(FLEET, "bicep", {}, r.peerings, r.notes, r.networkManager);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    const mod = g.files.find((x) => x.path === "modules/network-manager.bicep")!;
    golden("fleet-avnm-modules-network-manager.bicep", mod.text);
    golden("fleet-avnm-commit-network-manager.sh", g.files.find((x) => x.path === "commit-network-manager.sh")!.text);
    expect(bicepResources(mod.text).map((x) => x.type.split("@")[0])).toEqual([
      "Microsoft.Network/networkManagers",
      ...Array<string>(2)
        .fill("")
        .flatMap((_x, i) => [
          "Microsoft.Network/networkManagers/networkGroups",
          ...Array<string>(i === 0 ? 3 : 2).fill("Microsoft.Network/networkManagers/networkGroups/staticMembers"),
          "Microsoft.Network/networkManagers/connectivityConfigurations",
        ]),
    ]);
    expect(g.files[0]!.text).toContain("module networkManagerConnectivity 'modules/network-manager.bicep'");
    expect(g.notes.some((n) => /Bicep has no resource for the commit/.test(n))).toBe(true);
  });

  it("az: the network manager's function runs after every cluster (golden), with known flags only", () => {
    const g = generateFleet(FLEET, "az", {}, r.peerings, r.notes, r.networkManager);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    golden("fleet-avnm-create-fleet.sh", g.files[0]!.text);
    expect(checkAzScript(g.files[0]!.text)).toEqual([]);
  });
});

describe("the network manager's code against the tools' schemas", () => {
  const r = plan(AVNM_FLEET);
  const CONFIGURATION = "Microsoft.Network/networkManagers/connectivityConfigurations@2025-01-01";

  it.each([
    { name: "a mesh (the goldens' overlay-mesh)", input: AVNM_FLEET, hub: undefined },
    {
      name: "a hub and spoke, its hub's ID spliced in",
      input: {
        ...AVNM_FLEET,
        connectivity: [{ ...AVNM_FLEET.connectivity![0]!, connectedGroupAddressOverlap: "Disallowed" as const }],
      },
      hub: "/subscriptions/0/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub",
    },
  ])("az: Disallowed overlap in $name is PUT with az rest, its body valid JSON after bash", async ({ input, hub }) => {
    const { checkArmBody } = await import("../testing/arm-schema.js");
    const p = plan(input);
    const g = generateFleet(FLEET, "az", {}, p.peerings, p.notes, p.networkManager);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    expect(g.notes.some((n) => /is written with az rest --method put at API 2025-01-01/.test(n))).toBe(true);
    const rest = runWithAzStub(g.files[0]!.text).filter((a) => a[0] === "rest");
    expect(rest).toHaveLength(1);
    const arg = (flag: string) => rest[0]!.find((a) => a.startsWith(`${flag}=`))!.slice(flag.length + 1);
    expect(arg("--method")).toBe("put");
    expect(arg("--url")).toMatch(/\/connectivityConfigurations\/[a-z-]+\?api-version=2025-01-01$/);
    const body = JSON.parse(arg("--body")) as { properties: Record<string, BicepJson> };
    expect(body.properties["connectivityCapabilities"]).toMatchObject({ connectedGroupAddressOverlap: "Disallowed" });
    if (hub) expect(body.properties["hubs"]).toEqual([{ resourceId: hub, resourceType: VNET }]);
    expect(checkArmBody(CONFIGURATION, body, "bicep")).toEqual([]);
  });

  it("Bicep module bodies against the ARM schema", async () => {
    const { checkArmBody } = await import("../testing/arm-schema.js");
    const g = generateFleet(FLEET, "bicep", {}, r.peerings, r.notes, r.networkManager);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    const mod = g.files.find((x) => x.path === "modules/network-manager.bicep")!;
    const problems = bicepResources(mod.text)
      .filter((x) => !x.existing)
      .flatMap((x) => checkArmBody(x.type, x.body, "bicep"));
    expect(problems).toEqual([]);
  });
});
