import { describe, expect, it } from "vitest";
import {
  extraSubnetProblems,
  extraSubnetSizes,
  extraSubnetSizesByModel,
  type ExtraSubnetCounts,
} from "./extra-sizes.js";

describe("extraSubnetSizes: the subnets beside the nodes, from counts (aksnet size flags)", () => {
  it.each<{ name: string; counts: ExtraSubnetCounts; want: Record<string, unknown> }>([
    {
      name: "an API server subnet shared by 2 clusters: 18 addresses, a /27",
      counts: { apiServerClusters: 2 },
      want: { kind: "apiServer", addressesNeeded: 18, prefixLength: 27 },
    },
    {
      name: "one cluster: the /28 minimum",
      counts: { apiServerClusters: 1 },
      want: { kind: "apiServer", addressesNeeded: 9, prefixLength: 28 },
    },
    {
      name: "AGC with Overlay: exactly a /24",
      counts: { agc: true },
      want: { kind: "applicationGatewayForContainers", prefixLength: 24 },
    },
    {
      name: "a gateway pool of 4 nodes: 4 + 1 surge",
      counts: { gatewayNodes: 4 },
      want: { kind: "nodes", addressesNeeded: 5, prefixLength: 28 },
    },
    {
      name: "20 private endpoints in their own subnet",
      counts: { privateEndpoints: 20 },
      want: { kind: "privateEndpoints", addressesNeeded: 20, prefixLength: 27 },
    },
    {
      name: "virtual nodes for 100 ACI pods",
      counts: { virtualNodePods: 100 },
      want: { kind: "virtualNodes", addressesNeeded: 100, prefixLength: 25 },
    },
    {
      name: "a NAP subnet for 50 nodes (Overlay: one address a node) and its 10% replacement nodes",
      counts: { napNodes: 50 },
      want: { kind: "nodes", addressesNeeded: 55, prefixLength: 26 },
    },
  ])("$name", ({ counts, want }) => {
    const out = extraSubnetSizes(counts);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject(want);
  });

  it("no counts: no subnets", () => {
    expect(extraSubnetSizes({})).toEqual([]);
  });

  it("all of them at once: one subnet each, the node subnet of the sizing pool left out", () => {
    const out = extraSubnetSizes({
      apiServerClusters: 1,
      agc: true,
      gatewayNodes: 2,
      privateEndpoints: 5,
      virtualNodePods: 10,
      napNodes: 10,
    });
    expect(out.map((s) => s.kind).sort()).toEqual(
      ["apiServer", "applicationGatewayForContainers", "nodes", "nodes", "privateEndpoints", "virtualNodes"].sort(),
    );
    expect(out.some((s) => s.name === "aks-nodes")).toBe(false);
  });

  it.each<{ name: string; counts: ExtraSubnetCounts; fields: string[] }>([
    { name: "zero clusters", counts: { apiServerClusters: 0 }, fields: ["apiServerClusters"] },
    { name: "a fraction of a node", counts: { gatewayNodes: 1.5 }, fields: ["gatewayNodes"] },
    { name: "NaN pods", counts: { virtualNodePods: Number.NaN }, fields: ["virtualNodePods"] },
    { name: "NAP max pods without its nodes", counts: { napMaxPods: 30 }, fields: ["napMaxPods"] },
  ])("refused: $name", ({ counts, fields }) => {
    expect(extraSubnetProblems(counts).map((p) => p.field)).toEqual(fields);
    expect(extraSubnetSizes(counts)).toEqual([]);
  });
});

describe("extraSubnetSizesByModel: the same counts sized per network model", () => {
  const counts: ExtraSubnetCounts = { apiServerClusters: 1, agc: true, gatewayNodes: 2, napNodes: 10 };
  const rows = (models: Parameters<typeof extraSubnetSizesByModel>[1]) =>
    extraSubnetSizesByModel(counts, models).map((s) => [s.name, s.addressesNeeded, s.prefixLength, s.models.join(",")]);

  it("Overlay and Node Subnet: one API server row; gateway and NAP nodes take pod addresses with Node Subnet", () => {
    expect(rows(["azure-cni-overlay", "azure-cni-node-subnet"])).toEqual([
      ["aks-apiserver", 9, 28, "azure-cni-overlay,azure-cni-node-subnet"],
      // 2 + 1 surge nodes × 1 address; × (1 + 30 default max pods) with Node Subnet.
      ["aks-egress", 3, 29, "azure-cni-overlay"],
      ["aks-egress", 93, 25, "azure-cni-node-subnet"],
      // 10 + 1 replacement nodes × 1; × 31.
      ["aks-nap", 11, 28, "azure-cni-overlay"],
      ["aks-nap", 341, 23, "azure-cni-node-subnet"],
      ["aks-agc", null, 24, "azure-cni-overlay"],
      ["aks-agc", null, 24, "azure-cni-node-subnet"],
    ]);
  });

  it("what AKS refuses with a model is sized but says so", () => {
    const out = extraSubnetSizesByModel(counts, ["kubenet", "azure-cni-pod-subnet-dynamic"]);
    const note = (name: string, model: string) =>
      out.find((s) => s.name === name && s.models.includes(model as never))?.notes.join(" ");
    expect(note("aks-agc", "kubenet")).toMatch(/Application Gateway for Containers does not support kubenet/);
    expect(note("aks-nap", "kubenet")).toMatch(/node auto-provisioning does not support kubenet/);
    expect(note("aks-egress", "azure-cni-pod-subnet-dynamic")).toMatch(
      /static egress gateway pools are not supported with Azure CNI Pod Subnet/,
    );
    expect(note("aks-apiserver", "kubenet")).toBe("");
  });

  it("one model gives the rows extraSubnetSizes gives, each naming it", () => {
    const one = extraSubnetSizesByModel(counts, ["azure-cni-overlay"]);
    expect(one.map(({ models: _m, ...s }) => s).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      extraSubnetSizes(counts).sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(one.every((s) => s.models.join() === "azure-cni-overlay")).toBe(true);
  });
});
