/**
 * `layoutPlan`: named cases for what gets placed where and why, and two laws:
 * a laid-out plan passes `check` without error findings, and laying it out again
 * changes nothing (existing subnets stay where they are).
 */
import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../plan/index.js";
import { validate } from "../validate/index.js";
import { layoutPlan, type LayoutOptions, type LayoutResult } from "./layout.js";

function plan(input: PlanInput) {
  const r = parsePlan(input);
  if (!r.plan) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

/** `name cidr kind` per subnet (unplaced: `name - kind`), in the result's order. */
const rows = (r: LayoutResult) => r.subnets.map((s) => `${s.name} ${s.cidr ?? "-"} ${s.kind}`);

const OVERLAY: PlanInput = {
  name: "aks",
  network: { plugin: "azure", pluginMode: "overlay", dataplane: "cilium", podCidrs: ["10.244.0.0/16"] },
  vnet: { name: "vnet", addressSpace: ["10.40.0.0/20"], subnets: [] },
};

const cases: { name: string; plan: PlanInput; options?: LayoutOptions; rows: string[]; problems?: string[] }[] = [
  {
    name: "the worked example: Overlay + Cilium, API server, AGC, a gateway pool and private endpoints in a /20",
    plan: {
      ...OVERLAY,
      apiServer: { vnetIntegration: true, subnet: "aks-apiserver" },
      addons: { applicationGatewayForContainers: { subnet: "agc" } },
      nodePools: [
        { name: "system", count: 3, subnet: "aks-nodes" },
        { name: "user", minCount: 3, maxCount: 40, subnet: "aks-nodes" },
        { name: "egress", mode: "Gateway", count: 2, gatewayPrefixSize: 30, subnet: "aks-egress" },
      ],
      layout: { subnets: [{ name: "pe", purpose: "privateEndpoints", addresses: 40 }] },
    },
    rows: [
      "agc 10.40.0.0/24 applicationGatewayForContainers",
      "aks-nodes 10.40.1.0/26 nodes",
      "pe 10.40.1.128/26 privateEndpoints",
      "aks-apiserver 10.40.2.0/28 apiServer",
      "aks-egress 10.40.2.32/29 nodes",
    ],
  },
  {
    name: "existing subnets stay; new ones avoid them, connected networks and the service CIDR",
    plan: {
      ...OVERLAY,
      vnet: { name: "vnet", addressSpace: ["10.0.0.0/16"], subnets: [{ name: "old", cidr: "10.0.1.0/24" }] },
      network: { ...OVERLAY.network, serviceCidrs: ["10.0.4.0/22"] },
      connectedNetworks: [{ name: "hub", cidrs: ["10.0.2.0/23"] }],
      nodePools: [{ name: "system", count: 200, subnet: "nodes" }],
    },
    rows: ["old 10.0.1.0/24 other", "nodes 10.0.8.0/24 nodes"],
  },
  {
    name: "pools without a subnet in a VNet without any get one node subnet",
    plan: {
      ...OVERLAY,
      nodePools: [
        { name: "system", count: 3 },
        { name: "user", count: 10 },
      ],
    },
    rows: ["aks-nodes 10.40.0.0/27 nodes"],
  },
  {
    name: "AKS Automatic: an API server subnet, a system node subnet and a user node subnet",
    plan: { ...OVERLAY, sku: { name: "Automatic" } },
    rows: [
      "aks-nodes 10.40.0.0/24 nodes",
      "aks-system-nodes 10.40.2.0/26 systemNodes",
      "aks-apiserver 10.40.2.128/28 apiServer",
    ],
  },
  {
    name: "hub subnets take their required names and sizes; the firewall keeps no room to grow",
    plan: {
      ...OVERLAY,
      layout: {
        subnets: [{ name: "AzureFirewallSubnet" }, { name: "AzureBastionSubnet" }, { name: "GatewaySubnet" }],
      },
    },
    options: { growth: 1 },
    rows: [
      "AzureFirewallSubnet 10.40.0.0/26 azureFirewall",
      "AzureBastionSubnet 10.40.0.64/26 bastion",
      "GatewaySubnet 10.40.0.128/27 virtualNetworkGateway",
    ],
  },
  {
    name: "no address space: a problem, nothing placed",
    plan: { nodePools: [{ name: "a", count: 3, subnet: "n" }] },
    rows: ["n - nodes"],
    problems: ["no-address-space"],
  },
  {
    name: "an address space that does not parse",
    plan: { ...OVERLAY, nodePools: [{ name: "a", count: 3, subnet: "n" }] },
    options: { addressSpaces: ["10.0.0.0/33"] },
    rows: ["n - nodes"],
    problems: ["address-space-invalid", "no-address-space"].slice(0, 1),
  },
  {
    name: "one name needed as two kinds",
    plan: {
      ...OVERLAY,
      apiServer: { vnetIntegration: true, subnet: "n" },
      nodePools: [{ name: "a", count: 3, subnet: "n" }],
    },
    rows: ["n 10.40.0.0/28 nodes"],
    problems: ["subnet-kind-conflict"],
  },
  {
    name: "a subnet whose size nothing gives",
    plan: { ...OVERLAY, layout: { subnets: [{ name: "misc" }] } },
    rows: ["misc - other"],
    problems: ["subnet-size-unknown"],
  },
  {
    name: "a subnet that does not fit the space",
    plan: {
      ...OVERLAY,
      vnet: { addressSpace: ["10.40.0.0/26"], subnets: [] },
      layout: { subnets: [{ name: "agc", purpose: "applicationGatewayForContainers" }] },
    },
    rows: ["agc - applicationGatewayForContainers"],
    problems: ["no-room"],
  },
  {
    name: "a growth factor that is not whole",
    plan: { ...OVERLAY, nodePools: [{ name: "a", count: 3, subnet: "n" }] },
    options: { growth: 1.5 },
    rows: ["n 10.40.0.0/28 nodes"],
    problems: ["growth-invalid"],
  },
  {
    name: "an existing node subnet too small for its pools (found by the breaker: 'nothing to add', exit 0)",
    plan: {
      ...OVERLAY,
      vnet: { name: "vnet", addressSpace: ["10.40.0.0/20"], subnets: [{ name: "n", cidr: "10.40.0.0/28" }] },
      nodePools: [{ name: "a", count: 20, subnet: "n" }],
    },
    rows: ["n 10.40.0.0/28 nodes"],
    problems: ["existing-too-small"],
  },
  {
    name: "an existing node subnet that holds its pools",
    plan: {
      ...OVERLAY,
      vnet: { name: "vnet", addressSpace: ["10.40.0.0/20"], subnets: [{ name: "n", cidr: "10.40.0.0/27" }] },
      nodePools: [{ name: "a", count: 20, subnet: "n" }],
    },
    rows: ["n 10.40.0.0/27 nodes"],
  },
  {
    name: "an existing pod subnet too small for its pools' pods",
    plan: {
      ...OVERLAY,
      network: { plugin: "azure", dataplane: "azure" },
      vnet: {
        name: "vnet",
        addressSpace: ["10.40.0.0/20"],
        subnets: [
          { name: "n", cidr: "10.40.0.0/24" },
          { name: "p", cidr: "10.40.1.0/28" },
        ],
      },
      nodePools: [{ name: "a", count: 3, maxPods: 30, subnet: "n", podSubnet: "p" }],
    },
    rows: ["n 10.40.0.0/24 nodes", "p 10.40.1.0/28 pods"],
    problems: ["existing-too-small"],
  },
];

describe("layoutPlan: cases", () => {
  for (const c of cases)
    it(c.name, () => {
      const r = layoutPlan(plan(c.plan), c.options);
      expect(rows(r)).toEqual(c.rows);
      expect(r.problems.map((p) => p.code)).toEqual(c.problems ?? []);
      expect(r.ok).toBe((c.problems ?? []).length === 0 && !r.subnets.some((s) => s.status === "unplaced"));
    });

  it("an existing subnet too small is named with its size, what it must hold and the prefix that would", () => {
    const r = layoutPlan(plan(cases.find((c) => c.name.startsWith("an existing node subnet too small"))!.plan));
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      [
        ["vnet", "subnets", 0],
        'existing subnet "n" (nodes, 10.40.0.0/28) has 11 usable addresses and must hold 22; layout keeps existing ' +
          "subnets as they are: widen it to a /27 or point pools at a new subnet",
      ],
    ]);
  });

  it("room to grow: each new subnet can double in place at growth 2", () => {
    const r = layoutPlan(plan(cases[0]!.plan));
    expect(r.growth).toEqual({ asked: 2, kept: 2 });
    const grow = Object.fromEntries(r.subnets.map((s) => [s.name, s.canGrowTo]));
    expect(grow).toEqual({
      agc: "10.40.0.0/24",
      "aks-nodes": "10.40.1.0/25",
      pe: "10.40.1.128/25",
      "aks-apiserver": "10.40.2.0/27",
      "aks-egress": "10.40.2.32/28",
    });
  });

  it("less room when the growth asked does not fit, and the output says so", () => {
    const r = layoutPlan(
      plan({
        ...OVERLAY,
        vnet: { addressSpace: ["10.40.0.0/24"], subnets: [] },
        nodePools: [{ name: "a", count: 100, subnet: "n" }],
      }),
      { growth: 4 },
    );
    expect(rows(r)).toEqual(["n 10.40.0.0/25 nodes"]);
    expect(r.growth).toEqual({ asked: 4, kept: 2 });
    expect(r.assumptions.join(" ")).toContain("growth 4 did not fit");
  });

  it("the edits write the subnets with their delegations, and point the plan at them", () => {
    const r = layoutPlan(plan({ ...OVERLAY, sku: { name: "Automatic" } }));
    expect(r.plan.apiServer).toEqual({ subnet: "aks-apiserver" });
    expect(r.plan.hostedSystem).toEqual({ systemNodeSubnet: "aks-system-nodes", nodeSubnet: "aks-nodes" });
    expect(r.plan.vnet?.subnets.find((s) => s.name === "aks-apiserver")?.delegation).toBe(
      "Microsoft.ContainerService/managedClusters",
    );
  });
});

describe("layoutPlan: laws", () => {
  const placeable = cases.filter((c) => !c.problems);
  const errors = (p: PlanInput) =>
    validate(p)
      .filter((f) => f.severity === "error" && f.ruleId !== "subnet-reference-invalid")
      .map((f) => `${f.ruleId}: ${f.message}`);
  it.each(placeable.map((c) => [c.name, c]))("%s: the layout adds no error to check's findings", (_, c) => {
    const r = layoutPlan(plan(c.plan), c.options);
    const before = new Set(errors(c.plan));
    expect(errors(r.plan).filter((e) => !before.has(e))).toEqual([]);
  });

  it("the worked example passes check without any error", () => {
    expect(errors(layoutPlan(plan(cases[0]!.plan)).plan)).toEqual([]);
  });

  it.each(placeable.map((c) => [c.name, c]))("%s: laying out again changes nothing", (_, c) => {
    const once = layoutPlan(plan(c.plan), c.options);
    const twice = layoutPlan(once.plan, c.options);
    expect(twice.edits).toEqual([]);
    expect(rows(twice)).toEqual(rows(once).map((x) => x));
  });
});
