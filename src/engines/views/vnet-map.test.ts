import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { applyEdits, layoutPlan } from "../layout/index.js";
import { parsePlan, type PlanInput } from "../plan/index.js";
import { addSubnetEdit, joinBlock, splitBlock, vnetMap, type VnetMap } from "./vnet-map.js";

const plan = (p: PlanInput) => parsePlan(p).plan!;
const EXAMPLE = plan(parse(readFileSync("examples/layout/overlay-cilium-20.yaml", "utf8")) as PlanInput);

const SMALL = plan({
  network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"], serviceCidrs: ["10.0.0.0/16"] },
  vnet: {
    name: "v",
    addressSpace: ["10.1.0.0/22"],
    subnets: [
      { name: "aks-nodes", cidr: "10.1.0.0/24" },
      { name: "ep", cidr: "10.1.2.0/26", purpose: "privateEndpoints" },
    ],
  },
  nodePools: [{ name: "system", count: 3, subnet: "aks-nodes" }],
});

const rows = (m: VnetMap) =>
  m.spaces[0]!.blocks.map((b) => `${b.kind} ${b.cidrs.join("+")} ${b.label}${b.purpose ? ` (${b.purpose})` : ""}`);

describe("vnetMap", () => {
  it("cuts the VNet into its subnets, named with their purpose, and free aligned blocks", () => {
    const m = vnetMap(SMALL);
    expect(m.name).toBe("v");
    expect(rows(m)).toEqual([
      "subnet 10.1.0.0/24 aks-nodes (nodes)",
      "free 10.1.1.0/24 free",
      "subnet 10.1.2.0/26 ep (endpoints)",
      "free 10.1.2.64/26 free",
      "free 10.1.2.128/25 free",
      "free 10.1.3.0/24 free",
    ]);
    const s = m.spaces[0]!;
    expect([s.size, s.used, s.free, s.largestFree]).toEqual([1024, 320, 704, "10.1.1.0/24"]);
    expect(s.blocks[0]!.usable).toBe(251);
    expect(m.proposed.names).toEqual([]);
  });

  it("draws what aksnet layout would add, with the room each keeps to grow, where layoutPlan puts it", () => {
    const m = vnetMap(EXAMPLE);
    const layout = layoutPlan(EXAMPLE);
    const proposed = m.spaces[0]!.blocks.filter((b) => b.kind === "proposed");
    expect(proposed.map((b) => [b.label, b.cidrs[0], b.purpose])).toEqual(
      layout.subnets
        .filter((s) => s.status === "placed")
        .map((s) => [s.name, s.cidr, expect.any(String)])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]), "en", { numeric: true })),
    );
    expect(proposed.find((b) => b.label === "agc")?.purpose).toBe("AGC");
    expect(proposed.find((b) => b.label === "aks-apiserver")?.purpose).toBe("API server");
    expect(m.spaces[0]!.blocks.some((b) => b.kind === "growth" && b.label === "room for aks-nodes to grow")).toBe(true);
    expect(m.proposed.names).toHaveLength(5);
    // The edits give the plan layout writes: applied, the map shows the same subnets as the plan's own.
    const after = vnetMap(applyEdits(EXAMPLE, m.proposed.edits));
    expect(after.proposed.names).toEqual([]);
    expect(after.spaces[0]!.blocks.filter((b) => b.kind === "subnet").map((b) => b.cidrs[0])).toEqual(
      proposed.map((b) => b.cidrs[0]),
    );
  });

  it("covers each space exactly: blocks are consecutive and sum to its size", () => {
    for (const m of [vnetMap(SMALL), vnetMap(EXAMPLE), vnetMap(SMALL, { splits: ["10.1.1.0/24", "10.1.1.0/25"] })]) {
      for (const s of m.spaces) {
        expect(s.blocks.reduce((n, b) => n + b.size, 0)).toBe(s.size);
        s.blocks.forEach((b, i) => {
          if (i > 0) expect(b.x).toBeCloseTo(s.blocks[i - 1]!.x + s.blocks[i - 1]!.width, 12);
        });
      }
    }
  });

  it.each([
    { name: "no split", splits: [], free: ["10.1.1.0/24"], joins: [null] },
    {
      name: "a /24 in halves",
      splits: ["10.1.1.0/24"],
      free: ["10.1.1.0/25", "10.1.1.128/25"],
      joins: ["10.1.1.0/24", "10.1.1.0/24"],
    },
    {
      name: "a half split again: only the innermost halves join",
      splits: ["10.1.1.0/24", "10.1.1.0/25"],
      free: ["10.1.1.0/26", "10.1.1.64/26", "10.1.1.128/25"],
      joins: ["10.1.1.0/25", "10.1.1.0/25", null],
    },
    { name: "a subnet is not split", splits: ["10.1.0.0/24"], free: ["10.1.1.0/24"], joins: [null] },
    { name: "nothing below /29", splits: ["10.1.1.0/29"], free: ["10.1.1.0/24"], joins: [null] },
  ])("split and join: $name", ({ splits, free, joins }) => {
    const blocks = vnetMap(SMALL, { splits }).spaces[0]!.blocks.filter(
      (b) => b.kind === "free" && b.first.startsWith("10.1.1."),
    );
    expect(blocks.map((b) => b.cidrs[0])).toEqual(free);
    expect(blocks.map((b) => b.joins ?? null)).toEqual(joins);
  });

  it("join undoes split, and joining a block undoes the splits inside it", () => {
    expect(joinBlock(splitBlock([], "10.1.1.0/24"), "10.1.1.0/24")).toEqual([]);
    expect(joinBlock(["10.1.1.0/24", "10.1.1.0/25", "10.9.0.0/16"], "10.1.1.0/24")).toEqual(["10.9.0.0/16"]);
    expect(splitBlock(["10.1.1.0/24"], "10.1.1.0/24")).toEqual(["10.1.1.0/24"]);
  });

  it("a free block becomes a subnet with the first unused name, and the map then shows it", () => {
    const add = addSubnetEdit(SMALL, "10.1.1.0/24")!;
    expect(add.name).toBe("subnet-1");
    const next = applyEdits(SMALL, [add.edit]);
    expect(rows(vnetMap(next))[1]).toBe("subnet 10.1.1.0/24 subnet-1 (other)");
    expect(addSubnetEdit(next, "10.1.3.0/24")!.name).toBe("subnet-2");
    expect(addSubnetEdit(SMALL, "not a cidr")).toBeUndefined();
  });

  it("stays readable with 30 pools: every subnet a labelled block", () => {
    const subnets = Array.from({ length: 60 }, (_, i) => ({ name: `snet-${i}`, cidr: `10.2.${i}.0/24` }));
    const pools = Array.from({ length: 30 }, (_, i) => ({ name: `pool${i}`, count: 3, subnet: `snet-${i * 2}` }));
    const m = vnetMap(
      plan({
        network: { plugin: "azure", pluginMode: "overlay" },
        vnet: { addressSpace: ["10.2.0.0/16"], subnets },
        nodePools: pools,
      }),
    );
    const named = m.spaces[0]!.blocks.filter((b) => b.kind === "subnet");
    expect(named).toHaveLength(60);
    expect(named.filter((b) => b.purpose === "nodes")).toHaveLength(30);
    // 60 /24s in a /16: the zoomed window runs from the first subnet to the last.
    expect(m.spaces[0]!.zoom).toEqual({ x: 0, width: 60 / 256, first: "10.2.0.0", last: "10.2.59.255" });
    expect(vnetMap(SMALL).spaces[0]!.zoom).toBeNull();
  });

  it("says what it does not draw", () => {
    const m = vnetMap(
      plan({
        network: { plugin: "azure", pluginMode: "overlay", ipFamilies: ["IPv4", "IPv6"] },
        vnet: { addressSpace: ["10.3.0.0/24", "fd00::/48"], subnets: [] },
        nodePools: [{ name: "a", count: 1 }],
      }),
    );
    expect(m.notes).toContain("fd00::/48 is not drawn: the map draws IPv4 address spaces.");
    expect(m.spaces).toHaveLength(1);
  });
});
