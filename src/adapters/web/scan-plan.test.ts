import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePlan, resolvePlan } from "../../engines/plan/index.js";
import { validate } from "../../engines/validate/index.js";
import { scanViewOf, type ScanView } from "./scan-view.js";

const SCAN_TEXT = readFileSync("src/adapters/importers/used/fixtures/aksnet-scan.json", "utf8");
const SCAN = JSON.parse(SCAN_TEXT) as {
  clusters: {
    name: string;
    model: string;
    kubernetesVersion: string;
    podCidr: { cidr: string } | null;
    findings: { ruleId: string; severity: string }[];
    pools: { name: string; count: number; maxCount: number | null; maxPods: number; nodeSubnetId: string }[];
  }[];
};
const view = scanViewOf(SCAN_TEXT) as ScanView;

describe("a plan started from a scanned cluster is that cluster's configuration", () => {
  it("lists the scan's clusters", () => {
    expect(view.clusters.map((c) => c.name)).toEqual(SCAN.clusters.map((c) => c.name));
  });

  it.each(SCAN.clusters.map((c) => ({ name: c.name, c })))("$name", ({ name, c }) => {
    const text = view.planFor(name)!;
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    const parsed = parsePlan(parse(text));
    expect(parsed.problems ?? []).toEqual([]);
    const plan = parsed.plan!;
    const resolved = resolvePlan(plan);
    // The model, the version, the pod CIDR and every pool as the scan read them.
    expect(resolved.model).toBe(c.model);
    expect(c.kubernetesVersion.startsWith(String(plan.kubernetesVersion))).toBe(true);
    expect(plan.network.podCidrs ?? []).toEqual(
      c.podCidr && c.model !== "azure-cni-node-subnet" ? [c.podCidr.cidr] : [],
    );
    expect(plan.nodePools.map((p) => [p.name, p.count, p.maxCount ?? null, p.maxPods, p.subnet])).toEqual(
      c.pools.map((p) => [p.name, p.count, p.maxCount, p.maxPods, p.nodeSubnetId.split("/").pop()]),
    );
    // The VNet its pools sit in, with every subnet the scan saw in it.
    expect(plan.vnet?.name).toBe("vnet-spoke-weu");
    expect(plan.vnet?.addressSpace).toEqual(["10.20.0.0/16"]);
    expect(plan.vnet?.subnets.map((s) => s.name)).toContain(c.pools[0]!.nodeSubnetId.split("/").pop());
    // The rest of the estate is connected, not the cluster's own VNet or pod CIDR.
    const connected = (plan.connectedNetworks ?? []).flatMap((n) => n.cidrs);
    expect(connected).toContain("10.0.0.0/16");
    expect(connected).not.toContain("10.20.0.0/16");
    // The check of the started plan finds what the scan's check found for the cluster.
    const errors = validate(resolved)
      .filter((f) => f.severity === "error")
      .map((f) => f.ruleId);
    for (const f of c.findings.filter((x) => x.severity === "error")) expect(errors).toContain(f.ruleId);
  });

  it("a cluster the report does not hold gives no plan", () => {
    expect(view.planFor("nope")).toBeUndefined();
  });
});
