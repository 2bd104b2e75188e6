import { describe, expect, it } from "vitest";
import { extraSubnetProblems, extraSubnetSizes, type ExtraSubnetCounts } from "./extra-sizes.js";

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
