import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scanViewOf, type ScanView } from "./scan-view.js";

const SCAN = readFileSync("src/adapters/importers/used/fixtures/aksnet-scan.json", "utf8");

describe("scanViewOf", () => {
  it("reads aksnet scan's JSON as used space: the networks that hold it, subnets inside them left out", () => {
    const v = scanViewOf(SCAN) as ScanView;
    expect(v.count).toBe(10);
    expect(v.groups).toEqual([
      { name: "pod CIDR of cluster aks-payments-weu", cidrs: ["192.168.0.0/16"] },
      { name: "VNet vnet-spoke-weu", cidrs: ["10.20.0.0/16"] },
      { name: "peered with VNet vnet-spoke-weu (spoke-to-hub)", cidrs: ["10.0.0.0/16"] },
    ]);
    const plan = parse(v.planText) as { connectedNetworks: { name: string; cidrs: string[] }[] };
    expect(plan.connectedNetworks).toEqual(v.groups);
  });

  it.each([
    { name: "a cluster plan", text: "apiVersion: aksnet/v1\nkind: ClusterPlan\n" },
    { name: "JSON that is not a scan", text: '{"clusters": 3}' },
    { name: "half-typed JSON", text: '{"kind": "ScanReport", "clusters": [' },
  ])("is not a scan: $name", ({ text }) => {
    expect(scanViewOf(text)).toBeUndefined();
  });

  it("a scan the reader refuses gives its sentence", () => {
    expect(scanViewOf(JSON.stringify({ kind: "ScanReport", clusters: [], subnets: [7] }))).toEqual({
      problem: expect.stringMatching(/subnets\[0\] is not an object/),
    });
  });
});
