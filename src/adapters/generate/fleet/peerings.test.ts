/** The fleet's peerings as code: both directions, gateway transit as modelled, in all three formats. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { FleetPlanSchema, type FleetPlanInput } from "../../../engines/schema/schema-fleet.js";
import { runWithAzStub } from "../testing/az-stub.js";
import { AZURERM_ATTRIBUTES } from "../testing/azurerm-attributes.js";
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
}));
const HUB: FleetPlanInput = {
  kind: "FleetPlan",
  hub: { name: "vnet-hub", resourceGroup: "rg-hub", cidrs: ["10.100.0.0/22"], gateway: true },
  networks: [{ name: "on-prem", kind: "onPremises", cidrs: ["192.168.0.0/16"], connectedTo: ["vnet-hub"] }],
  defaults: { peerWith: ["vnet-hub"] },
  peerings: [{ between: ["aks-weu-1", "aks-neu-1"] }],
  clusters: FLEET.map((c) => ({ name: c.name })),
};
const peered = fleetPeerings(FleetPlanSchema.parse(HUB), clusters);

describe("fleetPeerings", () => {
  it("two sides per peering, mirrored: one side's useRemoteGateways is the other's allowGatewayTransit", () => {
    expect(peered.problems).toEqual([]);
    expect(peered.peerings).toHaveLength(8); // 3 clusters with the hub, 1 between clusters, each both ways
    for (const p of peered.peerings) {
      const back = peered.peerings.find((q) => q.vnet.name === p.remote.name && q.remote.name === p.vnet.name)!;
      expect(back.allowGatewayTransit).toBe(p.useRemoteGateways);
      expect(back.useRemoteGateways).toBe(p.allowGatewayTransit);
    }
    const spoke = peered.peerings.find((p) => p.name === "vnet-aks-legacy-to-vnet-hub")!;
    expect([spoke.useRemoteGateways, spoke.allowGatewayTransit]).toEqual([true, false]);
    expect(peered.peerings.some((p) => p.remote.name === "on-prem")).toBe(false);
    expect(peered.peerings.find((p) => p.name === "vnet-aks-weu-1-to-vnet-aks-neu-1")!.after).toBe("aks-neu-1");
  });

  it.each<{ name: string; patch: Partial<FleetPlanInput>; note: RegExp }>([
    {
      name: "a peering between two networks the fleet does not create",
      patch: {
        networks: [{ name: "vnet-shared", resourceGroup: "rg-shared", cidrs: ["10.101.0.0/22"] }],
        peerings: [{ between: ["vnet-hub", "vnet-shared"] }],
      },
      note: /^not written: the peering vnet-hub–vnet-shared between networks the fleet does not create, assumed/,
    },
    {
      name: "a Virtual Network Manager connectivity configuration (written as peerings by default)",
      patch: { connectivity: [{ name: "hs", topology: "hubAndSpoke", hub: "vnet-hub", members: ["aks-weu-1"] }] },
      note: new RegExp(
        "^Virtual Network Manager connectivity configuration hs \\(hub and spoke with hub vnet-hub; members " +
          "aks-weu-1\\) is written as VNet peerings \\(as: peerings, the default\\).*set as: networkManager",
      ),
    },
  ])("$name: said in the notes", ({ patch, note }) => {
    const r = fleetPeerings(FleetPlanSchema.parse({ ...HUB, ...patch }), clusters);
    expect(r.problems).toEqual([]);
    expect(r.notes.some((n) => note.test(n))).toBe(true);
  });

  it("a hub without its resource group: an input in each format, and a note naming them", async () => {
    const hub = { name: "vnet-hub", cidrs: ["10.100.0.0/22"], gateway: true };
    const noRg = fleetPeerings(FleetPlanSchema.parse({ ...HUB, hub }), [
      ...clusters.slice(0, 2),
      { name: clusters[2]!.name, vnet: { ...clusters[2]!.vnet, resourceGroup: "" } },
    ]);
    expect(noRg.problems).toEqual([]);
    expect(noRg.notes[0]).toMatch(
      new RegExp(
        "^VNet vnet-hub is peered but the fleet file gives vnet-hub no resource group: .*Terraform variable " +
          "vnet_hub_resource_group, Bicep parameter vnetHubResourceGroup, shell variable VNET_HUB_RESOURCE_GROUP",
      ),
    );
    expect(noRg.notes[1]).toMatch(/cluster aks-legacy's plan names no resource group/);
    const tf = generateFleet(FLEET, "terraform", {}, noRg.peerings, noRg.notes);
    if (!tf.ok) throw new Error(JSON.stringify(tf.problems));
    const peerings = tf.files.find((f) => f.path === "peerings.tf")!.text;
    golden("fleet-rg-input-peerings.tf", peerings);
    const json = (await parse("peerings.tf", peerings)) as { variable: Record<string, unknown> };
    expect(Object.keys(json.variable).sort()).toEqual(["aks_legacy_resource_group", "vnet_hub_resource_group"]);
    expect(tf.files[0]!.text).toMatch(/^# Fleet: VNet vnet-hub is peered but/);
    const bicep = generateFleet(FLEET, "bicep", {}, noRg.peerings, noRg.notes);
    if (!bicep.ok) throw new Error(JSON.stringify(bicep.problems));
    golden("fleet-rg-input-main.bicep", bicep.files[0]!.text);
    const az = generateFleet(FLEET, "az", {}, noRg.peerings, noRg.notes);
    if (!az.ok) throw new Error(JSON.stringify(az.problems));
    const script = az.files[0]!.text;
    expect(script.split("\n")[1]).toMatch(/^# Fleet: VNet vnet-hub/);
    // Without the variable the script stops at the first peering and names it; with it, every call gets it.
    expect(() => runWithAzStub(script)).toThrow(
      /VNET_HUB_RESOURCE_GROUP: set VNET_HUB_RESOURCE_GROUP to the resource group of VNet vnet-hub/,
    );
    const calls = runWithAzStub(script, { VNET_HUB_RESOURCE_GROUP: "rg-hub", AKS_LEGACY_RESOURCE_GROUP: "rg-legacy" });
    const hubSide = calls.find((c) => c.includes("--name=vnet-hub-to-vnet-aks-weu-1"))!;
    expect(hubSide).toContain("--resource-group=rg-hub");
    expect(calls.find((c) => c.includes("--name=vnet-aks-legacy-to-vnet-hub"))).toContain("--resource-group=rg-legacy");
  });

  it.each<{ name: string; patch: Partial<FleetPlanInput>; problem: RegExp }>([
    {
      name: "a resource group that cannot be written",
      patch: { hub: { name: "vnet-hub", resourceGroup: 'rg"x', cidrs: ["10.100.0.0/22"] } },
      problem: /cannot be written safely/,
    },
  ])("$name: one sentence", ({ patch, problem }) => {
    const r = fleetPeerings(FleetPlanSchema.parse({ ...HUB, ...patch }), clusters);
    expect(r.problems[0]).toMatch(problem);
  });
});

describe("peerings in the generated fleet", () => {
  it("Terraform: peerings.tf (golden) parses, with documented arguments only", async () => {
    const r = generateFleet(FLEET, "terraform", {}, peered.peerings);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const f = r.files.find((x) => x.path === "peerings.tf")!;
    golden("fleet-hub-peerings.tf", f.text);
    const json = (await parse("peerings.tf", f.text)) as {
      resource: { azurerm_virtual_network_peering: Record<string, Record<string, unknown>[]> };
    };
    const all = Object.values(json.resource.azurerm_virtual_network_peering).flat();
    expect(all).toHaveLength(8);
    for (const body of all)
      for (const k of Object.keys(body)) expect(AZURERM_ATTRIBUTES["azurerm_virtual_network_peering"]).toContain(k);
  });

  it("Bicep: main.bicep ends with the peering loop, modules/peering.bicep deploys one (goldens)", () => {
    const r = generateFleet(FLEET, "bicep", {}, peered.peerings);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    golden("fleet-hub-main.bicep", r.files[0]!.text);
    golden("fleet-hub-modules-peering.bicep", r.files.find((f) => f.path === "modules/peering.bicep")!.text);
  });

  it("az: each cluster's peerings run right after it, against the recording az stub (golden)", () => {
    const r = generateFleet(FLEET, "az", {}, peered.peerings);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    golden("fleet-hub-create-fleet.sh", r.files[0]!.text);
    const calls = runWithAzStub(r.files[0]!.text).filter((c) => c[0] === "aks" || c[2] === "peering");
    const seq = calls.map((c) => (c[0] === "aks" ? `${c[1]}` : c.find((a) => a.startsWith("--name="))!));
    expect(seq.filter((s) => s.startsWith("--name=")).length).toBe(8);
    // The peering between the two Overlay clusters comes after the second one is created.
    const creates = seq.flatMap((s, i) => (s === "create" ? [i] : []));
    expect(seq.indexOf("--name=vnet-aks-weu-1-to-vnet-aks-neu-1")).toBeGreaterThan(creates[1]!);
    expect(seq.indexOf("--name=vnet-aks-weu-1-to-vnet-hub")).toBeLessThan(creates[1]!);
  });
});
