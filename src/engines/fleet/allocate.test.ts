import { describe, expect, it } from "vitest";
import { overlappingPairsText } from "../../ip/index.js";
import type { FleetPlanInput, Plan, PlanInput } from "../plan/index.js";
import { parsePlan } from "../plan/index.js";
import { allocateFleet } from "./allocate.js";
import { checkFleet } from "./check.js";

const template: PlanInput = {
  kind: "ClusterPlan",
  kubernetesVersion: "1.33",
  network: { plugin: "azure", pluginMode: "overlay", dataplane: "cilium" },
  apiServer: { vnetIntegration: true },
  nodePools: [
    { name: "system", mode: "System", count: 3, maxCount: 5, minCount: 3, subnet: "aks-nodes" },
    { name: "user", mode: "User", minCount: 3, maxCount: 50, subnet: "aks-nodes" },
  ],
};
const plan = parsePlan(template).plan as Plan;

function fleet(n: number, extra: Partial<FleetPlanInput> = {}): FleetPlanInput {
  return {
    kind: "FleetPlan",
    hub: { name: "hub", cidrs: ["10.0.0.0/16"], gateway: true },
    networks: [{ name: "on-prem", kind: "onPremises", cidrs: ["10.128.0.0/9"], connectedTo: ["hub"] }],
    defaults: { peerWith: ["hub"] },
    pools: [{ name: "spokes", cidrs: ["10.0.0.0/8"] }],
    clusters: Array.from({ length: n }, (_, i) => ({ name: `aks-${i}`, plan: "template.yaml" })),
    ...extra,
  };
}

const plans = new Map([["template.yaml", plan]]);

describe("allocateFleet", () => {
  it("places every cluster's VNet apart from everything used, and every written plan passes check", () => {
    const r = allocateFleet(fleet(20), { plans, used: [{ cidr: "10.1.0.0/16", source: "netbox" }] });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    const vnets = r.clusters.flatMap((c) => c.vnet);
    expect(vnets).toHaveLength(20);
    // No two VNets overlap, and none overlaps the hub, on-premises, used space or the reused pod/service CIDRs.
    const reused = [...(r.clusters[0]?.podCidrs ?? []), ...(r.clusters[0]?.serviceCidrs ?? [])];
    // 10.244.0.0/16 lies in on-premises 10.128.0.0/9, so the fleet reuses another pod CIDR, and says so.
    expect(reused).toEqual(["100.64.0.0/16", "172.17.0.0/16"]);
    expect(r.assumptions.join(" ")).toContain("clusters reuse 100.64.0.0/16 instead");
    const all = [...vnets, "10.0.0.0/16", "10.128.0.0/9", "10.1.0.0/16", ...reused];
    expect(overlappingPairsText(all).count).toBe(0);
    for (const c of r.clusters) {
      expect(c.status).toBe("allocated");
      expect(c.checkErrors).toEqual([]);
      expect(c.podCidrKind).toBe("reused");
      expect(c.plan?.connectedNetworks.map((n) => n.name)).toEqual(["hub", "on-prem"]);
    }
    // The fleet with the allocation checks clean.
    const again = checkFleet(r.fleet);
    expect(again.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(again.ok).toBe(true);
  });

  it("gives meshed clusters distinct pod CIDRs from a pods pool (around the pod CIDR the others reuse)", () => {
    const r = allocateFleet(
      fleet(3, {
        pools: [
          { name: "spokes", cidrs: ["10.0.0.0/8"] },
          { name: "pods", cidrs: ["100.64.0.0/10"], for: "pods" },
        ],
        meshes: [{ name: "m", clusters: ["aks-0", "aks-1", "aks-2"] }],
      }),
      { plans },
    );
    expect(r.problems).toEqual([]);
    expect(r.clusters.map((c) => c.podCidrs[0])).toEqual(["100.65.0.0/16", "100.66.0.0/16", "100.67.0.0/16"]);
    expect(checkFleet(r.fleet).findings.filter((f) => f.ruleId === "fleet-ranges-overlap")).toEqual([]);
  });

  it.each([
    {
      name: "a full pool",
      extra: { pools: [{ name: "spokes", cidrs: ["10.0.0.0/24"] }] },
      code: "cluster-unplaced",
    },
    { name: "no pool", extra: { pools: [] }, code: "no-pool" },
    {
      name: "meshed clusters without a pods pool",
      extra: { meshes: [{ name: "m", clusters: ["aks-0", "aks-1"] }] },
      code: "cluster-unplaced",
    },
  ])("says why a cluster is not placed: $name", ({ extra, code }) => {
    const r = allocateFleet(fleet(2, extra), { plans });
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.code).toBe(code);
    expect(r.clusters[0]?.status).toBe("unplaced");
  });

  it("keeps existing clusters where they are and places around them", () => {
    const existing = { ...plan, vnet: { addressSpace: ["10.2.0.0/16"], subnets: [] } };
    const f = fleet(1);
    const r = allocateFleet({ ...f, clusters: [{ name: "old", plan: existing }, ...(f.clusters ?? [])] }, { plans });
    expect(r.clusters[0]?.status).toBe("existing");
    expect(overlappingPairsText([...(r.clusters[1]?.vnet ?? []), "10.2.0.0/16"]).count).toBe(0);
  });

  it.each([
    { name: "a Cilium cluster mesh of 255 clusters", n: 255, codes: [] },
    { name: "a Cilium cluster mesh of 256 clusters", n: 256, codes: ["mesh-too-large"] },
  ])("applies the mesh limit: $name", ({ n, codes }) => {
    const names = Array.from({ length: n }, (_, i) => `aks-${i}`);
    const r = allocateFleet(
      fleet(n, {
        meshes: [{ name: "m", clusters: names }],
        pools: [
          { name: "spokes", cidrs: ["10.0.0.0/8"] },
          // 512 /16s: one distinct pod CIDR for each meshed cluster (public space; the plans are not checked here).
          { name: "pods", for: "pods", cidrs: ["30.0.0.0/7"] },
        ],
      }),
      { plans, checkPlans: false },
    );
    expect(r.problems.map((p) => p.code)).toEqual(codes);
    expect(r.clusters.every((c) => c.status === "allocated")).toBe(true);
  });

  it("refuses a fleet that fails the schema without throwing", () => {
    expect(allocateFleet({ kind: "FleetPlan", clusters: 3 }).problems[0]?.code).toBe("fleet-invalid");
  });
});
