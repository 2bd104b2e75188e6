import { describe, expect, it } from "vitest";
import { isFleetDocument } from "../plan/index.js";
import { parseFleetPlan } from "./parse-fleet.js";

const minimal = { kind: "FleetPlan", pools: [{ name: "spokes", cidrs: ["10.64.0.0/10"] }] };

describe("parseFleetPlan", () => {
  it("fills the defaults of a minimal fleet", () => {
    const r = parseFleetPlan(minimal);
    expect(r.problems).toEqual([]);
    expect(r.fleet?.pools[0]).toEqual({ name: "spokes", cidrs: ["10.64.0.0/10"], exclude: [], for: "vnets" });
    expect(r.fleet?.clusters).toEqual([]);
    expect(r.fleet?.defaults.peerWith).toEqual([]);
  });

  it("takes clusters inline and by reference", () => {
    const r = parseFleetPlan({
      ...minimal,
      clusters: [
        { name: "a", plan: "clusters/a.yaml" },
        { name: "b", plan: { kind: "ClusterPlan", nodePools: [{ name: "system", count: 3 }] } },
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.fleet?.clusters[0]?.plan).toBe("clusters/a.yaml");
    expect(typeof r.fleet?.clusters[1]?.plan).toBe("object");
  });

  it.each([
    { name: "kind is required", value: { pools: [] }, path: "kind" },
    { name: "a cluster plan is not a fleet", value: { kind: "ClusterPlan" }, path: "kind" },
    { name: "unknown field", value: { ...minimal, pool: [] }, path: "pool" },
    {
      name: "pool without cidrs",
      value: { kind: "FleetPlan", pools: [{ name: "p", cidrs: [] }] },
      path: "pools[0].cidrs",
    },
    {
      name: "peering of one network",
      value: { kind: "FleetPlan", peerings: [{ between: ["hub"] }] },
      path: "peerings[0].between",
    },
    {
      name: "mesh of one cluster",
      value: { kind: "FleetPlan", meshes: [{ name: "m", clusters: ["a"] }] },
      path: "meshes[0].clusters",
    },
    {
      name: "unknown field in an inline plan",
      value: { kind: "FleetPlan", clusters: [{ name: "a", plan: { kind: "ClusterPlan", vnett: {} } }] },
      path: "clusters[0].plan.vnett",
    },
    {
      name: "a growth past layout's 256",
      value: { ...minimal, clusters: [{ name: "a", plan: "a.yaml", growth: 1e308 }] },
      path: "clusters[0].growth",
    },
    { name: "a default growth past 256", value: { ...minimal, defaults: { growth: 512 } }, path: "defaults.growth" },
  ])("refuses: $name", ({ value, path }) => {
    const r = parseFleetPlan(value);
    expect(r.fleet).toBeUndefined();
    expect(r.problems.map((p) => p.pathText)).toContain(path);
  });

  it.each([
    { value: minimal, want: true },
    { value: { kind: "ClusterPlan" }, want: false },
    { value: null, want: false },
    { value: [], want: false },
  ])("isFleetDocument($value) is $want", ({ value, want }) => {
    expect(isFleetDocument(value)).toBe(want);
  });
});
