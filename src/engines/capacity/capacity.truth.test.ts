/**
 * Named cases for issue #11 ("Capacity and the knowledge base"): each failed before its fix and passes after.
 */
import { describe, expect, it } from "vitest";
import { parsePrefix } from "../../ip/index.js";
import { tryParseKubernetesVersion, type MaxSurge } from "../../kb/index.js";
import { compare } from "./compare.js";
import { fits } from "./fits.js";
import { addressesPerNode, dynamicAddressesPerNode } from "./per-node.js";
import { size, type SizePool } from "./size.js";

const p = parsePrefix;
const count = (c: number): MaxSurge => ({ kind: "count", count: c });
const pct = (x: number): MaxSurge => ({ kind: "percent", percent: x });
const v = (s: string) => tryParseKubernetesVersion(s);
const codes = (r: { problems: readonly { code: string }[] } | undefined) => r?.problems.map((x) => x.code) ?? [];

describe("dynamic pod-subnet allocation charges a node at most its IP limit plus its primary IP", () => {
  it.each([
    { maxPods: 250, perNode: 251, old: 272 },
    { maxPods: 110, perNode: 111, old: 128 },
    { maxPods: 30, perNode: 31, old: 48 },
    { maxPods: 10, perNode: 11, old: 32 },
  ])(
    "max pods $maxPods: $perNode pod-subnet addresses per full node (not the batch-rounded $old)",
    ({ maxPods, perNode }) => {
      expect(dynamicAddressesPerNode(maxPods)).toBe(perNode);
      expect(addressesPerNode("azure-cni-pod-subnet-dynamic", maxPods)).toMatchObject({
        podSubnet: perNode,
        vnetIps: perNode + 1,
      });
    },
  );

  it("the /24 example is limited by the node subnet (251 nodes), not the VNet's 65,536 addresses (260 nodes)", () => {
    const r = compare({ models: ["azure-cni-pod-subnet-dynamic"] }).models[0];
    expect(r).toMatchObject({ maxNodes: 251, limitedBy: "node-subnet" });
    expect(r?.limits.find((l) => l.resource === "vnet-ip-limit")?.maxNodes).toBe(260);
  });
});

describe("pricing tiers: Free 1,000 nodes, Standard and Premium 5,000", () => {
  const base = { nodeSubnet: p("10.0.0.0/16"), podCidr: p("10.0.0.0/8"), models: ["azure-cni-overlay" as const] };
  it.each([
    { tier: undefined, maxNodes: 1000, limitedBy: "tier-node-limit", assumed: "default" },
    { tier: "Free" as const, maxNodes: 1000, limitedBy: "tier-node-limit", assumed: "given" },
    { tier: "Standard" as const, maxNodes: 5000, limitedBy: "cluster-node-limit", assumed: "given" },
    { tier: "Premium" as const, maxNodes: 5000, limitedBy: "cluster-node-limit", assumed: "given" },
  ])("compare, tier $tier: $maxNodes nodes ($limitedBy)", ({ tier, maxNodes, limitedBy, assumed }) => {
    const r = compare({ ...base, tier });
    expect(r.models[0]).toMatchObject({ maxNodes, limitedBy });
    expect(r.assumptions["tier"]?.origin).toBe(assumed);
  });

  it.each([
    { name: "1,500 nodes on the default tier: a warning", tier: undefined, nodes: 1500, want: ["tier-node-limit"] },
    { name: "1,500 nodes on Standard: fine", tier: "Standard" as const, nodes: 1500, want: [] },
    {
      name: "past 5,000 with surge: an error on any tier",
      tier: "Premium" as const,
      nodes: 4800,
      want: ["cluster-node-limit"],
    },
  ])("size: $name", ({ tier, nodes, want }) => {
    const pools: SizePool[] = Array.from({ length: Math.ceil(nodes / 600) }, (_, i) => ({
      name: `p${i}`,
      nodes: Math.min(600, nodes - i * 600),
      maxPods: 30,
      maxSurge: pct(10),
    }));
    const r = size({ pools, tier, models: ["azure-cni-overlay"] });
    expect(codes(r.models[0]).filter((c) => c.endsWith("node-limit"))).toEqual(want);
    if (want.length)
      expect(r.models[0]?.problems[0]?.severity).toBe(want[0] === "tier-node-limit" ? "warning" : "error");
  });
});

describe("upgrade strategy: maxUnavailable, maxSurge 0, and the Kubernetes 1.35 fallback to one surge node", () => {
  it("maxUnavailable upgrades in place: no surge nodes, no extra addresses, no problem", () => {
    const r = size({
      pools: [{ name: "a", nodes: 20, maxPods: 30, maxSurge: count(0), maxUnavailable: count(2) }],
      models: ["azure-cni-node-subnet"],
    });
    expect(r.models[0]).toMatchObject({ surgeNodes: 0, nodeSubnet: { addressesNeeded: 20 * 31 } });
    expect(codes(r.models[0])).toEqual([]);
    expect(r.assumptions["maxUnavailable"]?.value).toBe("a 2");
  });

  it("maxSurge 0 without maxUnavailable is refused by AKS: size says so per pool, compare warns", () => {
    const s = size({ pools: [{ name: "a", nodes: 20, maxPods: 30, maxSurge: count(0) }], models: ["kubenet"] });
    expect(codes(s.models[0])).toContain("surge-required");
    const c = compare({ maxSurge: count(0), models: ["kubenet"] });
    expect(c.problems).toMatchObject([{ severity: "warning", code: "surge-required" }]);
    expect(c.models).toHaveLength(1);
    expect(compare({ maxSurge: count(0), maxUnavailable: count(1), models: ["kubenet"] }).problems).toEqual([]);
  });

  it("a Spot pool's maxSurge 0 is how AKS upgrades it (no surge nodes), not refused; check agrees", () => {
    const spot = (s: boolean) =>
      codes(
        size({ pools: [{ name: "a", nodes: 20, maxPods: 30, maxSurge: count(0), spot: s }], models: ["kubenet"] })
          .models[0],
      );
    expect(spot(true)).toEqual([]);
    expect(spot(false)).toContain("surge-required");
  });

  it.each([
    { version: "1.35", applies: true },
    { version: "1.34", applies: false },
    { version: undefined, applies: null },
  ])(
    "size: with 33% surge, version $version, the one-node fallback needs nodes + 1 (applies: $applies)",
    ({ version, applies }) => {
      const r = size({
        pools: [{ name: "a", nodes: 100, maxPods: 250, maxSurge: pct(33) }],
        kubernetesVersion: version ? v(version) : undefined,
        models: ["azure-cni-overlay"],
      });
      expect(r.models[0]?.nodeSubnet.addressesNeeded).toBe(133);
      expect(r.models[0]?.withFallbackSurge).toMatchObject({
        fromKubernetes: "1.35",
        applies,
        surgeNodes: 1,
        nodeSubnet: { addressesNeeded: 101 },
      });
    },
  );

  it("compare: in a full /24 the fallback still upgrades 250 kubenet nodes on 1.35 where 33% allows 188", () => {
    const r = compare({ maxSurge: pct(33), kubernetesVersion: v("1.35"), models: ["kubenet"] });
    expect(r.models[0]?.withSurge.maxNodes).toBe(188);
    expect(r.models[0]?.withFallbackSurge).toMatchObject({ maxNodes: 250, surgeNodes: 1, applies: true });
  });

  it("no fallback row when the surge is one node anyway", () => {
    expect(compare({ maxSurge: count(1), models: ["kubenet"] }).models[0]?.withFallbackSurge).toBeNull();
  });

  it("surge nodes count against the cluster node limit: 10% surge leaves 4,545 nodes of 5,000", () => {
    const f = fits({
      model: "azure-cni-overlay",
      nodeSubnet: p("10.0.0.0/12"),
      podCidr: p("10.0.0.0/8"),
      maxPods: 30,
      maxSurge: pct(10),
      tier: "Standard",
    });
    expect([f.maxNodes, f.maxNodesWithSurge, f.limitedByWithSurge]).toEqual([5000, 4545, "cluster-node-limit"]);
  });
});

describe("Overlay: nodes and pods per node are independent limits", () => {
  it("5,000 nodes × 250 pods is not reported against a 200,000-pod cluster limit", () => {
    const pools = Array.from({ length: 5 }, (_, i) => ({
      name: `p${i}`,
      nodes: 900,
      maxPods: 250,
      maxSurge: count(1),
    }));
    const r = size({ pools, tier: "Standard", models: ["azure-cni-overlay"] });
    expect(codes(r.models[0])).not.toContain("cluster-pod-limit");
    const c = compare({
      nodeSubnet: p("10.0.0.0/16"),
      podCidr: p("10.0.0.0/8"),
      tier: "Standard",
      models: ["azure-cni-overlay"],
    });
    expect(c.models[0]).toMatchObject({ maxNodes: 5000, maxPods: 1_250_000, podsLimitedBy: "max-pods-per-node" });
  });
});

describe("size checks the 100-pools-per-cluster limit as check does", () => {
  it("101 pools: pool-count-limit", () => {
    const pools = Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, nodes: 3, maxPods: 30 }));
    expect(codes(size({ pools, models: ["azure-cni-overlay"] }).models[0])).toContain("pool-count-limit");
    expect(codes(size({ pools: pools.slice(0, 100), models: ["azure-cni-overlay"] }).models[0])).not.toContain(
      "pool-count-limit",
    );
  });
});

describe("static block allocation: no Private Link Service through a Kubernetes LoadBalancer", () => {
  it("compare's features say so for static block only", () => {
    const r = compare();
    const noPls = [...new Set(r.models.filter((m) => !m.features.privateLinkService).map((m) => m.model))];
    expect(noPls).toEqual(["azure-cni-pod-subnet-static"]);
  });
});
