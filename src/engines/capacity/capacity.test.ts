import { describe, expect, it } from "vitest";
import { parsePrefix } from "../../ip/index.js";
import type { MaxSurge, ModelId } from "../../kb/index.js";
import { compare } from "./compare.js";
import { fits } from "./fits.js";
import { staticBlocksPerNode } from "./per-node.js";
import { nodeSubnetAddressesNeeded, podCidrBlocksNeeded } from "./pools.js";
import {
  podCidrBlocks,
  podCidrPrefixLength,
  staticPodSubnetPrefixLength,
  subnetPrefixLength,
} from "./range-capacity.js";
import { size } from "./size.js";
import { surgeNodes, tryParseMaxSurge } from "./surge.js";

const p = parsePrefix;
const count = (c: number): MaxSurge => ({ kind: "count", count: c });
const pct = (x: number): MaxSurge => ({ kind: "percent", percent: x });
const none = count(0);

describe("Microsoft's documented examples", () => {
  it.each<{ name: string; model: ModelId; subnet: string; maxPods: number; nodes: number; pods: number }>([
    {
      name: "a /24 holds 251 kubenet nodes and 27,610 pods at 110 (configure-kubenet)",
      model: "kubenet",
      subnet: "10.0.0.0/24",
      maxPods: 110,
      nodes: 251,
      pods: 27610,
    },
    {
      name: "a /24 holds 8 Node Subnet nodes and 240 pods at 30 (concepts-network-legacy-cni)",
      model: "azure-cni-node-subnet",
      subnet: "10.0.0.0/24",
      maxPods: 30,
      nodes: 8,
      pods: 240,
    },
  ])("$name", ({ model, subnet, maxPods, nodes, pods }) => {
    const f = fits({ model, nodeSubnet: p(subnet), podCidr: p("10.244.0.0/16"), maxPods, maxSurge: none });
    expect([f.maxNodes, f.maxPods, f.limitedBy]).toEqual([nodes, pods, "node-subnet"]);
    expect([f.maxNodesWithSurge, f.surgeNodes]).toEqual([nodes, 0]);
  });

  it.each([
    {
      name: "50 nodes, surge 1, 30 pods need 1,581 addresses, a /21 (concepts-network-ip-address-planning)",
      nodes: 50,
      addresses: 1581,
      bits: 21,
    },
    { name: "60 nodes, surge 1, 30 pods need 1,891 addresses, a /21", nodes: 60, addresses: 1891, bits: 21 },
  ])("$name", ({ nodes, addresses, bits }) => {
    const pools = [{ name: "p", nodes, maxPods: 30, maxSurge: count(1) }];
    expect(nodeSubnetAddressesNeeded("azure-cni-node-subnet", pools)).toBe(addresses);
    const row = size({ pools, models: ["azure-cni-node-subnet"] }).models[0];
    expect(row?.nodeSubnet).toEqual({ addressesNeeded: addresses, prefixLength: bits });
  });

  it.each([
    { podCidr: "10.244.0.0/16", nodes: 256 },
    { podCidr: "10.244.0.0/15", nodes: 512 },
    { podCidr: "10.244.0.0/14", nodes: 1024 },
    { podCidr: "10.240.0.0/13", nodes: 2048 },
    { podCidr: "10.240.0.0/12", nodes: 4096 },
    { podCidr: "10.224.0.0/11", nodes: 8192 },
  ])("an Overlay pod CIDR $podCidr serves $nodes nodes (concepts-network-azure-cni-overlay)", ({ podCidr, nodes }) => {
    expect(podCidrBlocks(p(podCidr))).toBe(nodes);
    const f = fits({
      model: "azure-cni-overlay",
      nodeSubnet: p("10.0.0.0/8"),
      podCidr: p(podCidr),
      maxPods: 250,
      maxSurge: none,
    });
    expect(f.limits.find((l) => l.resource === "pod-cidr")?.maxNodes).toBe(nodes);
  });

  it.each([
    {
      name: "1,000 nodes with 10% surge need a /13 pod CIDR, not a /19",
      nodes: 1000,
      surge: pct(10),
      blocks: 1100,
      bits: 13,
    },
    { name: "1,000 nodes with surge 1 need a /14", nodes: 1000, surge: count(1), blocks: 1001, bits: 14 },
    { name: "1,000 nodes with 24 surge still fit a /14", nodes: 1000, surge: count(24), blocks: 1024, bits: 14 },
  ])("$name", ({ nodes, surge, blocks, bits }) => {
    const pools = [{ name: "p", nodes, maxPods: 200, maxSurge: surge }];
    expect(podCidrBlocksNeeded(pools)).toBe(blocks);
    expect(podCidrPrefixLength(blocks)).toBe(bits);
    expect(size({ pools, models: ["azure-cni-overlay"] }).models[0]?.podCidr).toEqual({
      blocksNeeded: blocks,
      prefixLength: bits,
    });
  });

  it.each([
    { maxPods: 30, blocks: 2 },
    { maxPods: 31, blocks: 2 },
    { maxPods: 32, blocks: 3 },
    { maxPods: 15, blocks: 1 },
    { maxPods: 250, blocks: 16 },
  ])(
    "a static-block node with max pods $maxPods takes $blocks /28 blocks (configure-azure-cni-static-block-allocation)",
    ({ maxPods, blocks }) => {
      expect(staticBlocksPerNode(maxPods)).toBe(blocks);
    },
  );

  it("caps kubenet at 400 nodes, the route table limit, even in a huge subnet", () => {
    const f = fits({
      model: "kubenet",
      nodeSubnet: p("10.0.0.0/16"),
      podCidr: p("10.244.0.0/12"),
      maxPods: 110,
      maxSurge: count(1),
    });
    expect([f.maxNodes, f.limitedBy, f.maxNodesWithSurge, f.limitedByWithSurge]).toEqual([
      400,
      "route-table",
      399,
      "route-table",
    ]);
  });

  it("flags a kubenet target over 400 nodes with surge", () => {
    const r = size({ pools: [{ name: "p", nodes: 400, maxPods: 110, maxSurge: count(1) }], models: ["kubenet"] })
      .models[0];
    expect(r?.problems.map((x) => x.code)).toContain("route-table-limit");
  });

  it("caps Overlay at 5,000 nodes per cluster", () => {
    const f = fits({
      model: "azure-cni-overlay",
      nodeSubnet: p("10.0.0.0/16"),
      podCidr: p("100.64.0.0/10"),
      maxPods: 30,
      maxSurge: none,
    });
    expect([f.maxNodes, f.limitedBy]).toEqual([5000, "cluster-node-limit"]);
  });
});

describe("compare with no options (the README's first command)", () => {
  const r = compare();
  const row = (model: ModelId, dataplane: string | null = "azure") =>
    r.models.find((m) => m.model === model && m.dataplane === dataplane);
  it.each([
    { name: "kubenet raw", actual: () => [row("kubenet")?.maxNodes, row("kubenet")?.maxPods], expected: [251, 27610] },
    {
      name: "kubenet with the 10% default surge: 228 + 23 = 251",
      actual: () => [row("kubenet")?.withSurge.maxNodes, row("kubenet")?.withSurge.surgeNodes],
      expected: [228, 23],
    },
    {
      name: "kubenet with the alternative default surge of 1",
      actual: () => row("kubenet")?.withAlternativeSurge?.maxNodes,
      expected: 250,
    },
    {
      name: "Node Subnet raw",
      actual: () => [row("azure-cni-node-subnet")?.maxNodes, row("azure-cni-node-subnet")?.maxPods],
      expected: [8, 240],
    },
    {
      name: "Node Subnet with surge: 7 + 1",
      actual: () => [row("azure-cni-node-subnet")?.withSurge.maxNodes, row("azure-cni-node-subnet")?.withSurge.maxPods],
      expected: [7, 210],
    },
    { name: "no Cilium row for kubenet", actual: () => row("kubenet", "cilium"), expected: undefined },
    {
      name: "Cilium rows for the Azure CNI modes",
      actual: () => r.models.filter((m) => m.dataplane === "cilium").map((m) => m.model),
      expected: [
        "azure-cni-node-subnet",
        "azure-cni-pod-subnet-dynamic",
        "azure-cni-pod-subnet-static",
        "azure-cni-overlay",
      ],
    },
    { name: "byo-cni has no dataplane", actual: () => row("byo-cni", null)?.maxNodes, expected: 251 },
    {
      name: "Overlay raw",
      actual: () => [
        row("azure-cni-overlay")?.maxNodes,
        row("azure-cni-overlay")?.maxPods,
        row("azure-cni-overlay")?.limitedBy,
      ],
      expected: [251, 62750, "node-subnet"],
    },
    {
      name: "the surge default is stated with its alternative",
      actual: () => [r.assumptions["maxSurge"]?.value, r.assumptions["maxSurge"]?.alternatives?.[0]?.value],
      expected: ["10%", "1"],
    },
  ])("$name", ({ actual, expected }) => {
    expect(actual()).toEqual(expected);
  });
});

describe("surge", () => {
  it.each([
    { nodes: 50, surge: count(1), expected: 1 },
    { nodes: 1000, surge: pct(10), expected: 100 },
    { nodes: 3, surge: pct(10), expected: 1 },
    { nodes: 3, surge: pct(33), expected: 1 },
    { nodes: 100, surge: pct(33), expected: 33 },
    { nodes: 101, surge: pct(33), expected: 34 },
    { nodes: 2, surge: count(5), expected: 2 },
    { nodes: 0, surge: count(1), expected: 0 },
    { nodes: 10, surge: count(0), expected: 0 },
  ])("$nodes nodes with $surge.kind $surge.count$surge.percent → $expected", ({ nodes, surge, expected }) => {
    expect(surgeNodes(nodes, surge)).toBe(expected);
  });

  it.each([
    { text: "1", expected: count(1) },
    { text: "0", expected: count(0) },
    { text: "10%", expected: pct(10) },
    { text: " 33% ", expected: pct(33) },
    { text: "100%", expected: pct(100) },
    { text: "0%", expected: undefined },
    { text: "101%", expected: undefined },
    { text: "-1", expected: undefined },
    { text: "1.5", expected: undefined },
    { text: "ten", expected: undefined },
    { text: "", expected: undefined },
  ])("reads $text", ({ text, expected }) => {
    expect(tryParseMaxSurge(text)).toEqual(expected);
  });
});

describe("prefix helpers", () => {
  it.each([
    { name: "3 addresses fit a /29 (8 − 5)", actual: subnetPrefixLength(3), expected: 29 },
    { name: "4 addresses need a /28", actual: subnetPrefixLength(4), expected: 28 },
    { name: "251 addresses fit a /24", actual: subnetPrefixLength(251), expected: 24 },
    { name: "252 addresses need a /23", actual: subnetPrefixLength(252), expected: 23 },
    { name: "one /24 block is a /24 pod CIDR", actual: podCidrPrefixLength(1), expected: 24 },
    { name: "257 blocks need a /15", actual: podCidrPrefixLength(257), expected: 15 },
    {
      name: "2 static blocks need a /26 (the first and last /28 hold reserved addresses)",
      actual: staticPodSubnetPrefixLength(2),
      expected: 26,
    },
    { name: "3 static blocks need a /25", actual: staticPodSubnetPrefixLength(3), expected: 25 },
  ])("$name", ({ actual, expected }) => {
    expect(actual).toBe(expected);
  });
});

describe("size assumptions name what each pool was given", () => {
  const pools = [
    { name: "system", nodes: 3, maxPods: 110, maxSurge: count(1) },
    { name: "batch", nodes: 20, maxPods: 30, maxSurge: pct(33) },
  ];
  it.each([
    {
      name: "pools with different max pods",
      input: pools,
      key: "maxPods",
      value: null,
      note: "max pods per node per pool: system 110, batch 30",
    },
    {
      name: "pools with different surges",
      input: pools,
      key: "maxSurge",
      value: null,
      note: "max surge per pool: system 1, batch 33%",
    },
    {
      name: "pools with the same max pods",
      input: pools.map((p) => ({ ...p, maxPods: 50 })),
      key: "maxPods",
      value: 50,
      note: "of every pool",
    },
    {
      name: "a pool without max pods",
      input: [pools[0]!, { name: "x", nodes: 5, maxSurge: count(1) }],
      key: "maxPods",
      value: null,
      note: "pools x take each model's default",
    },
    {
      name: "a pool without surge",
      input: [pools[0]!, { name: "x", nodes: 5, maxPods: 30 }],
      key: "maxSurge",
      value: "10%",
      note: "for pools without their own max surge",
    },
  ])("$name", ({ input, key, value, note }) => {
    const a = size({ pools: input }).assumptions[key];
    expect(a?.value).toEqual(value);
    expect(a?.note).toContain(note);
  });
});
