import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressesPerNode } from "../capacity/index.js";
import { scanEstate, type ScanReport } from "./index.js";
import { clusterId, estate, subnetId, SUB, type ClusterSpec, type SubnetSpec } from "./testing/build.js";

const scan = (
  clusters: ClusterSpec[],
  subnets: SubnetSpec[],
  missing = [] as { what: string; id?: string; reason: string }[],
) => scanEstate(estate(clusters, subnets, missing));
const checkOf = (r: ScanReport, cluster: string, pool: string, check: string, range = "node-subnet") =>
  r.clusters
    .find((c) => c.name === cluster)!
    .pools.find((p) => p.name === pool)!
    .checks.find((c) => c.check === check && c.range === range);

const overlay = (name: string, pools: ClusterSpec["pools"]): ClusterSpec => ({
  name,
  pluginMode: "overlay",
  podCidr: "10.244.0.0/16",
  pools,
});

describe("scan: verdicts per pool, in the words of the AKS errors", () => {
  const cases: {
    name: string;
    clusters: ClusterSpec[];
    subnets: SubnetSpec[];
    /** The cluster's verdict, where the rules of `check` have nothing to add. */
    verdict?: string;
    checks: { check: string; needed: number; free: number | null; verdict: string; code?: string; range?: string }[];
  }[] = [
    {
      name: "kubenet with room for the upgrade and the scale-out: ok",
      clusters: [
        {
          name: "c1",
          plugin: "kubenet",
          podCidr: "10.244.0.0/16",
          pools: [{ name: "np1", count: 3, maxCount: 5, subnet: "nodes" }],
        },
      ],
      subnets: [{ name: "nodes", cidr: "10.1.0.0/24", used: 10 }],
      verdict: "ok",
      checks: [
        { check: "next-upgrade", needed: 1, free: 241, verdict: "ok" },
        { check: "scale-out", needed: 2, free: 241, verdict: "ok" },
        { check: "upgrade-at-max", needed: 3, free: 241, verdict: "ok" },
        { check: "next-upgrade", needed: 1, free: 253, verdict: "ok", range: "pod-cidr" },
      ],
    },
    {
      name: "Azure CNI node subnet: the surge node's 1 + 30 addresses do not fit, InsufficientSubnetSize",
      clusters: [{ name: "c1", pools: [{ name: "np1", count: 3, maxPods: 30, subnet: "nodes" }] }],
      subnets: [{ name: "nodes", cidr: "10.1.0.0/25", used: 100 }],
      verdict: "fails",
      checks: [{ check: "next-upgrade", needed: 31, free: 23, verdict: "fails", code: "InsufficientSubnetSize" }],
    },
    {
      name: "Overlay autoscaler: the scale-out to maxCount does not fit, SubnetIsFull",
      clusters: [overlay("c1", [{ name: "np1", count: 5, maxCount: 20, subnet: "nodes" }])],
      subnets: [{ name: "nodes", cidr: "10.2.0.0/27", used: 20 }],
      verdict: "fails",
      checks: [
        { check: "next-upgrade", needed: 2, free: 7, verdict: "ok" },
        { check: "scale-out", needed: 15, free: 7, verdict: "fails", code: "SubnetIsFull" },
        { check: "upgrade-at-max", needed: 17, free: 7, verdict: "at-risk", code: "InsufficientSubnetSize" },
      ],
    },
    {
      name: "only an upgrade at maxCount does not fit: at risk",
      clusters: [overlay("c1", [{ name: "np1", count: 5, maxCount: 20, subnet: "nodes" }])],
      subnets: [{ name: "nodes", cidr: "10.2.0.0/27", used: 11 }],
      verdict: "at-risk",
      checks: [
        { check: "scale-out", needed: 15, free: 16, verdict: "ok" },
        { check: "upgrade-at-max", needed: 17, free: 16, verdict: "at-risk", code: "InsufficientSubnetSize" },
      ],
    },
    {
      name: "maxSurge 0 with a full subnet: the upgrade needs nothing",
      clusters: [overlay("c1", [{ name: "np1", count: 27, maxSurge: "0", subnet: "nodes" }])],
      subnets: [{ name: "nodes", cidr: "10.2.0.0/27", used: 27 }],
      checks: [{ check: "next-upgrade", needed: 0, free: 0, verdict: "ok" }],
    },
    {
      name: "no usage read: the IP configurations Resource Graph lists stand in",
      clusters: [overlay("c1", [{ name: "np1", count: 3, subnet: "nodes" }])],
      subnets: [{ name: "nodes", cidr: "10.1.0.0/24", ipConfigurations: 100 }],
      verdict: "ok",
      checks: [{ check: "next-upgrade", needed: 1, free: 151, verdict: "ok" }],
    },
    {
      name: "no usage and no IP configurations: unknown",
      clusters: [overlay("c1", [{ name: "np1", count: 3, subnet: "nodes" }])],
      subnets: [{ name: "nodes", cidr: "10.1.0.0/24" }],
      verdict: "unknown",
      checks: [{ check: "next-upgrade", needed: 1, free: null, verdict: "unknown" }],
    },
    {
      name: "the usage API gives no figure (limit -1): IP configurations stand in",
      clusters: [overlay("c1", [{ name: "np1", count: 3, subnet: "nodes" }])],
      subnets: [{ name: "nodes", cidr: "10.1.0.0/24", used: -1, limit: -1, ipConfigurations: 250 }],
      verdict: "ok",
      checks: [{ check: "next-upgrade", needed: 1, free: 1, verdict: "ok" }],
    },
  ];
  it.each(cases)("$name", ({ clusters, subnets, verdict, checks }) => {
    const r = scan(clusters, subnets);
    const c = r.clusters[0]!;
    for (const want of checks) {
      const got = checkOf(r, c.name, "np1", want.check, want.range)!;
      expect(got, want.check).toMatchObject({
        needed: want.needed,
        free: want.free,
        verdict: want.verdict,
        aksErrorCode: want.code ?? null,
      });
      if (want.code) expect(got.message.startsWith(want.code)).toBe(true);
    }
    if (verdict) expect(c.verdict).toBe(verdict);
  });
});

describe("scan: ranges shared between pools and clusters", () => {
  it("two clusters that fit alone but not together on one subnet are both at risk", () => {
    const r = scan(
      [
        overlay("a", [{ name: "np1", count: 5, maxCount: 13, subnet: "shared" }]),
        overlay("b", [{ name: "np1", count: 5, maxCount: 13, subnet: "shared" }]),
      ],
      [{ name: "shared", cidr: "10.2.0.0/27", used: 10 }],
    );
    for (const c of r.clusters) {
      expect(c.pools[0]!.verdict).toBe("ok");
      expect(c.verdict).toBe("at-risk");
      expect(c.shared[0]).toMatchObject({
        check: "shared-subnet-at-max",
        needed: 20,
        free: 17,
        aksErrorCode: "SubnetIsFull",
      });
      expect(c.reasons.join("\n")).toMatch(
        /both pools on subnet shared \(10\.2\.0\.0\/27\) reach maxCount with their surge \(a\/np1, b\/np1\)/,
      );
    }
    expect(r.subnets).toHaveLength(1);
    expect(r.subnets[0]).toMatchObject({ name: "shared", used: 10, free: 17, neededAtMax: 20, verdict: "at-risk" });
    expect(r.subnets[0]!.pools.map((p) => p.cluster)).toEqual(["a", "b"]);
  });

  it("a dynamic pod subnet counts the growth of the running nodes' shares", () => {
    const per = addressesPerNode("azure-cni-pod-subnet-dynamic", 30).podSubnet;
    const r = scan(
      [
        {
          name: "c1",
          pools: [{ name: "np1", count: 3, maxCount: 5, maxPods: 30, subnet: "nodes", podSubnet: "pods" }],
        },
      ],
      [
        { name: "nodes", cidr: "10.1.0.0/24", used: 3 },
        { name: "pods", cidr: "10.3.0.0/24", used: 100 },
      ],
    );
    const c = r.clusters[0]!;
    expect(c.model).toBe("azure-cni-pod-subnet-dynamic");
    expect(c.pools[0]!.perNode).toEqual({ nodeSubnet: 1, podSubnet: per });
    const shared = c.shared.find((x) => x.range === "pod-subnet")!;
    // Every node at its full share at maxCount with 1 surge node,
    // less what the running nodes hold now (at most their full share).
    expect(shared.needed).toBe(Math.max(0, 6 * per - Math.min(100, 3 * per)));
    expect(shared.free).toBe(151);
    expect(shared.verdict).toBe(shared.needed <= 151 ? "ok" : "at-risk");
    expect(checkOf(r, "c1", "np1", "next-upgrade", "pod-subnet")).toMatchObject({ needed: per, free: 151 });
  });

  it("a pod CIDR with no /24 left fails the next upgrade", () => {
    const r = scan(
      [
        {
          name: "c1",
          pluginMode: "overlay",
          podCidr: "10.244.0.0/23",
          pools: [{ name: "np1", count: 2, subnet: "nodes" }],
        },
      ],
      [{ name: "nodes", cidr: "10.1.0.0/24", used: 2 }],
    );
    const c = r.clusters[0]!;
    expect(c.podCidr).toMatchObject({ cidr: "10.244.0.0/23", blocks: 2, used: 2, free: 0 });
    expect(checkOf(r, "c1", "np1", "next-upgrade", "pod-cidr")).toMatchObject({
      needed: 1,
      free: 0,
      verdict: "fails",
      aksErrorCode: "InsufficientSubnetSize",
    });
    expect(c.verdict).toBe("fails");
  });
});

describe("scan: what could not be assessed is said exactly", () => {
  it("a VNet in a subscription that answered 403 makes its clusters unknown, naming the 403", () => {
    const other =
      `/subscriptions/${SUB.replace(/1$/, "2")}/resourceGroups/rg-hub` +
      "/providers/Microsoft.Network/virtualNetworks/vnet-b";
    const r = scan(
      [overlay("c1", [{ name: "np1", count: 3, subnet: "far" }])],
      [{ name: "far", cidr: "10.9.0.0/24", vnet: other }],
      [{ what: "VNet vnet-b", id: other, reason: "HTTP 403 AuthorizationFailed" }],
    );
    const c = r.clusters[0]!;
    expect(c.verdict).toBe("unknown");
    expect(c.reasons.join("\n")).toMatch(/VNet vnet-b was not read \(HTTP 403 AuthorizationFailed\)/);
    expect(r.summary).toMatchObject({ unknown: 1, complete: false });
    expect(r.subnets[0]).toMatchObject({ id: subnetId("far", other), free: null, verdict: "unknown" });
  });

  it("a cluster whose record did not import is unknown with the problem", () => {
    const { snapshot } = estate(
      [overlay("c1", [{ name: "np1", count: 3, subnet: "nodes" }])],
      [{ name: "nodes", cidr: "10.1.0.0/24", used: 3 }],
    );
    const plans = new Map([
      [clusterId("c1").toLowerCase(), { problems: ["networkProfile.networkPlugin: 'weird' is not a plugin"] }],
    ]);
    const c = scanEstate({ snapshot, plans }).clusters[0]!;
    expect(c.verdict).toBe("unknown");
    expect(c.reasons).toEqual(["could not assess: networkProfile.networkPlugin: 'weird' is not a plugin"]);
  });

  it("a pool without vnetSubnetID uses the managed VNet in the node resource group", () => {
    const { snapshot, plans } = estate(
      [
        {
          name: "c1",
          plugin: "kubenet",
          podCidr: "10.244.0.0/16",
          nodeResourceGroup: "MC_rg_c1_westeurope",
          pools: [{ name: "np1", count: 3 }],
        },
      ],
      [],
    );
    const vnet =
      `/subscriptions/${SUB}/resourceGroups/MC_rg_c1_westeurope` +
      "/providers/Microsoft.Network/virtualNetworks/aks-vnet-123";
    const managed = {
      ...snapshot,
      vnets: [
        {
          id: vnet,
          name: "aks-vnet-123",
          subscriptionId: SUB,
          resourceGroup: "mc_rg_c1_westeurope",
          addressSpace: ["10.224.0.0/12"],
          peerings: [],
          subnets: [
            {
              id: `${vnet}/subnets/aks-subnet`,
              name: "aks-subnet",
              prefixes: ["10.224.0.0/16"],
              delegations: [],
              usage: { used: 3, limit: 65531 },
            },
          ],
        },
      ],
    };
    const c = scanEstate({ snapshot: managed, plans }).clusters[0]!;
    expect(c.pools[0]!.nodeSubnetId).toBe(`${vnet}/subnets/aks-subnet`);
    expect(c.pools[0]!.notes[0]).toMatch(/managed VNet/);
    expect(c.verdict).toBe("ok");
  });
});

describe("scan: input it cannot trust is data, never a throw", () => {
  it.each([
    { name: "nothing", input: undefined },
    { name: "lists of the wrong things", input: { snapshot: { clusters: [1, { id: 5 }], vnets: "x", missing: [{}] } } },
    {
      name: "a subnet with a usage of text",
      input: {
        snapshot: {
          clusters: [],
          vnets: [
            {
              id: "v",
              name: "v",
              subscriptionId: "s",
              resourceGroup: "r",
              addressSpace: [],
              peerings: [],
              subnets: [{ id: "s", name: "s", prefixes: [], delegations: [], usage: { used: "9", limit: 1 } }],
            },
          ],
          missing: [],
        },
      },
    },
  ])("$name", ({ input }) => {
    const r = scanEstate(input as never);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.summary.complete).toBe(false);
  });

  it("any JSON value as a cluster's plan gives a report (the cluster unknown), never a throw", () => {
    const { snapshot } = estate(
      [overlay("c1", [{ name: "np1", count: 3, subnet: "nodes" }])],
      [{ name: "nodes", cidr: "10.1.0.0/24", used: 3 }],
    );
    fc.assert(
      fc.property(fc.jsonValue(), (plan) => {
        const plans = new Map([[clusterId("c1").toLowerCase(), { plan: plan as never }]]);
        expect(scanEstate({ snapshot, plans }).clusters).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
    const fake = { plan: { assumptions: [], model: "kubenet", pools: 7 } as never };
    const c = scanEstate({ snapshot, plans: new Map([[clusterId("c1").toLowerCase(), fake]]) }).clusters[0]!;
    expect(c.verdict).toBe("unknown");
    expect(c.reasons[0]).toMatch(/^could not assess: its plan could not be read/);
  });

  it("any JSON value as the snapshot gives a report", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = scanEstate({ snapshot: v as never });
        expect(Array.isArray(r.clusters)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("scan: laws", () => {
  it("more addresses in use never improve a verdict", () => {
    const rank = { ok: 0, unknown: 1, "at-risk": 2, fails: 3 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (a, b, count, extra) => {
          const at = (used: number) =>
            scan(
              [overlay("c1", [{ name: "np1", count, maxCount: count + extra, subnet: "nodes" }])],
              [{ name: "nodes", cidr: "10.2.0.0/26", used }],
            ).clusters[0]!.verdict;
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[at(hi)]).toBeGreaterThanOrEqual(rank[at(lo)]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
