import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Requirements } from "../plan/index.js";
import { PlanSchema } from "../schema/index.js";
import { validate } from "../validate/index.js";
import { emitPlan, recommend, type Recommendation } from "./index.js";

const TODAY = "2026-12-06";

/** The recommendation for the requirements (failing the test if the engine refuses them). */
function ids(reqs: Requirements, version?: string, today = TODAY): Recommendation {
  const r = recommend({ requirements: reqs, today, ...(version ? { kubernetesVersion: version } : {}) });
  if ("problems" in r) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r;
}

describe("recommend: filters", () => {
  it.each<{ name: string; reqs: Requirements; version?: string; top?: string; ruledOut: string[]; kept?: string[] }>([
    {
      name: "no requirements: Overlay with Cilium first; only impossible pairs ruled out",
      reqs: {},
      top: "azure-cni-overlay/cilium",
      ruledOut: ["kubenet/cilium", "byo-cni/cilium"],
    },
    {
      name: "Windows rules out kubenet and every Cilium pair",
      reqs: { windows: true },
      top: "azure-cni-overlay/azure",
      ruledOut: [
        "kubenet/azure",
        "kubenet/cilium",
        "azure-cni-node-subnet/cilium",
        "azure-cni-pod-subnet-dynamic/cilium",
        "azure-cni-pod-subnet-static/cilium",
        "azure-cni-overlay/cilium",
      ],
    },
    {
      name: "routable pods rule out Overlay and kubenet",
      reqs: { podsReachableFromVnet: true },
      top: "azure-cni-pod-subnet-dynamic/cilium",
      ruledOut: ["kubenet/azure", "azure-cni-overlay/azure", "azure-cni-overlay/cilium"],
      kept: ["azure-cni-node-subnet/azure"],
    },
    {
      name: "traceable pod IPs leave only the pod-subnet models",
      reqs: { podIpsTraceable: true },
      ruledOut: ["azure-cni-node-subnet/azure", "azure-cni-node-subnet/cilium", "azure-cni-overlay/cilium"],
      kept: ["azure-cni-pod-subnet-static/cilium", "azure-cni-pod-subnet-dynamic/azure"],
    },
    {
      name: "node auto-provisioning leaves Overlay and Node Subnet (not kubenet, pod subnets or BYO CNI)",
      reqs: { nodeAutoProvisioning: true },
      top: "azure-cni-overlay/cilium",
      ruledOut: [
        "kubenet/azure",
        "azure-cni-pod-subnet-dynamic/azure",
        "azure-cni-pod-subnet-static/cilium",
        "byo-cni/azure",
      ],
      kept: ["azure-cni-overlay/azure", "azure-cni-node-subnet/cilium"],
    },
    {
      name: "node auto-provisioning with Calico or dual-stack rules out everything",
      reqs: { nodeAutoProvisioning: true, networkPolicy: "calico" },
      ruledOut: ["azure-cni-overlay/azure", "azure-cni-node-subnet/azure"],
    },
    {
      name: "a static egress gateway rules out the pod-subnet models",
      reqs: { staticEgressGateway: true },
      top: "azure-cni-overlay/cilium",
      ruledOut: ["azure-cni-pod-subnet-dynamic/azure", "azure-cni-pod-subnet-static/cilium"],
      kept: ["kubenet/azure", "azure-cni-node-subnet/azure", "azure-cni-overlay/azure"],
    },
    {
      name: "a static egress gateway is IPv4 only: dual-stack rules out every candidate",
      reqs: { staticEgressGateway: true, dualStack: true },
      ruledOut: ["azure-cni-overlay/cilium", "kubenet/azure"],
    },
    {
      name: "Application Gateway for Containers rules out kubenet, keeps the Azure CNI models",
      reqs: { applicationGatewayForContainers: true },
      top: "azure-cni-overlay/cilium",
      ruledOut: ["kubenet/azure"],
      kept: ["azure-cni-node-subnet/azure", "azure-cni-overlay/azure"],
    },
    {
      name: "AKS Automatic keeps only Overlay with Cilium",
      reqs: { automatic: true },
      top: "azure-cni-overlay/cilium",
      ruledOut: ["azure-cni-overlay/azure", "kubenet/azure", "azure-cni-node-subnet/cilium", "byo-cni/azure"],
    },
    {
      name: "AKS Automatic has no Windows nodes: with Windows pools nothing is left",
      reqs: { automatic: true, windows: true },
      ruledOut: ["azure-cni-overlay/azure", "azure-cni-node-subnet/azure"],
    },
    {
      name: "an API server subnet (/28) must fit in the address space too: a /27 for 5 Overlay nodes is full",
      reqs: { nodes: 5, apiServerVnetIntegration: true, addressSpace: ["10.1.0.0/28"] },
      ruledOut: ["azure-cni-overlay/cilium", "kubenet/azure"],
    },
    {
      name: "a /26 holds the /28 node subnet and the /28 API server subnet",
      reqs: { nodes: 5, apiServerVnetIntegration: true, addressSpace: ["10.1.0.0/26"] },
      top: "azure-cni-overlay/cilium",
      ruledOut: ["azure-cni-node-subnet/azure"],
      kept: ["azure-cni-overlay/azure"],
    },
    {
      name: "eBPF needs the Cilium dataplane",
      reqs: { ebpf: true },
      top: "azure-cni-overlay/cilium",
      ruledOut: ["azure-cni-overlay/azure", "kubenet/azure", "byo-cni/azure"],
    },
    {
      name: "Calico rules out the Cilium dataplane",
      reqs: { networkPolicy: "calico" },
      top: "azure-cni-overlay/azure",
      ruledOut: ["azure-cni-overlay/cilium"],
      kept: ["kubenet/azure"],
    },
    {
      name: "virtual nodes rule out Overlay",
      reqs: { virtualNodes: true },
      ruledOut: ["azure-cni-overlay/azure", "azure-cni-overlay/cilium"],
      kept: ["azure-cni-node-subnet/azure"],
    },
    {
      name: "dual-stack keeps Overlay only",
      reqs: { dualStack: true },
      top: "azure-cni-overlay/cilium",
      ruledOut: ["azure-cni-node-subnet/azure", "kubenet/azure"],
    },
    {
      name: "dual-stack with Cilium needs 1.29",
      reqs: { dualStack: true },
      version: "1.28",
      top: "azure-cni-overlay/azure",
      ruledOut: ["azure-cni-overlay/cilium"],
    },
    {
      name: "static block needs 1.28",
      reqs: {},
      version: "1.27",
      ruledOut: ["azure-cni-pod-subnet-static/azure", "azure-cni-pod-subnet-static/cilium"],
    },
    {
      name: "500 nodes break the kubenet route table",
      reqs: { nodes: 500 },
      ruledOut: ["kubenet/azure"],
      kept: ["azure-cni-overlay/azure"],
    },
    {
      name: "a /24 leaves no room for node subnet at 30 pods × 20 nodes",
      reqs: { nodes: 20, maxPodsPerNode: 30, addressSpace: ["10.1.0.0/24"] },
      ruledOut: ["azure-cni-node-subnet/azure", "azure-cni-pod-subnet-dynamic/azure"],
      kept: ["azure-cni-overlay/cilium"],
    },
  ])("$name", ({ reqs, version, top, ruledOut, kept }) => {
    const r = ids(reqs, version);
    if (top) expect(r.ranked[0]?.id).toBe(top);
    const out = r.rejected.map((x) => x.id);
    for (const id of ruledOut) expect(out).toContain(id);
    for (const id of kept ?? []) expect(r.ranked.map((x) => x.id)).toContain(id);
    for (const x of r.rejected)
      for (const reason of x.reasons) expect(reason.source).toMatch(/learn\.microsoft\.com|:/);
  });

  it("kubenet carries its retirement; Azure NPM on Linux its date (the Windows date only with Windows pools)", () => {
    const r = ids({ networkPolicy: "azure" });
    const kubenet = r.rejected.find((x) => x.id === "kubenet/azure");
    expect(kubenet?.reasons[0]?.filter).toBe("network-policy");
    const calico = ids({ networkPolicy: "calico" }).ranked.find((x) => x.id === "kubenet/azure");
    expect(calico?.retirements.map((x) => x.date)).toEqual(["2028-03-31"]);
    const npm = r.ranked.find((x) => x.id === "azure-cni-overlay/azure");
    expect(npm?.retirements.map((x) => x.date)).toEqual(["2028-09-30"]);
  });
  it("ranks are 1..n, sorted by total", () => {
    const r = ids({ nodes: 40, latencySensitive: true });
    expect(r.ranked.map((x) => x.rank)).toEqual(r.ranked.map((_, i) => i + 1));
    for (let i = 1; i < r.ranked.length; i++) expect(r.ranked[i - 1]!.total).toBeGreaterThanOrEqual(r.ranked[i]!.total);
  });
});

describe("recommend: issue 11", () => {
  it("752 nodes go into two pools (1,000 per pool, surge included), so the models that fit stay", () => {
    // Before: one pool of 752 + 249 surge nodes broke the per-pool limit and every model was ruled out.
    const r = ids({ maxNodes: 752, maxPodsPerNode: 30 });
    expect(r.target.pools.map((p) => [p.name, p.mode, p.peakNodes])).toEqual([
      ["system", "System", 376],
      ["user1", "User", 376],
    ]);
    expect(r.target.assumptions.join("\n")).toMatch(/752 nodes split into 2 pools of at most 376 \(501 with surge\)/);
    expect(r.ranked.map((x) => x.id)).toContain("azure-cni-overlay/cilium");
    expect(r.rejected.flatMap((x) => x.reasons).filter((x) => /pool/.test(x.reason))).toEqual([]);
    const e = emitPlan(r.ranked[0]!, r.target);
    if ("problem" in e) throw new Error(e.problem);
    expect(e.plan.nodePools?.map((p) => [p.name, p.mode, p.count, p.maxCount])).toEqual([
      ["system", "System", 376, undefined],
      ["user1", "User", 376, undefined],
    ]);
    expect(validate(PlanSchema.parse(e.plan)).filter((f) => f.severity === "error")).toEqual([]);
  });

  it.each([
    { nodes: 1_000, pools: 2 },
    { nodes: 752, pools: 2 },
    { nodes: 751, pools: 1 },
    { nodes: 5_000, pools: 7 },
  ])("$nodes nodes at 33% surge need $pools pool(s)", ({ nodes, pools }) => {
    const t = ids({ maxNodes: nodes, maxPodsPerNode: 30 }).target;
    expect(t.pools).toHaveLength(pools);
    expect(t.pools.reduce((a, p) => a + p.peakNodes, 0)).toBe(nodes);
    for (const p of t.pools) expect(p.peakNodes + Math.ceil((p.peakNodes * 33) / 100)).toBeLessThanOrEqual(1000);
  });

  it("with no pods per node, every model is compared at one stated value, not its own default", () => {
    // Before: Azure CNI Node Subnet was costed at its default 30 pods against Overlay's 250.
    const r = ids({ nodes: 10 });
    expect(r.target.maxPods).toBe(250);
    expect(r.target.maxPodsAssumed).toBe(true);
    expect(r.target.assumptions.join("\n")).toMatch(/every model compared at 250 max pods per node/);
    for (const c of r.ranked) {
      const economy = c.scores.find((s) => s.scorer === "address-economy");
      expect([...economy!.for, ...economy!.against].join(" ")).toMatch(/at 250 max pods/);
    }
    const nodeSubnet = r.ranked.find((x) => x.id === "azure-cni-node-subnet/azure");
    const overlay = r.ranked.find((x) => x.id === "azure-cni-overlay/azure");
    const economy = (x: typeof overlay) => x?.scores.find((s) => s.scorer === "address-economy")?.score ?? -1;
    expect(economy(overlay)).toBeGreaterThan(economy(nodeSubnet));
  });

  it("a default that rules a model out is named, with the value that would let it in", () => {
    // 20 nodes (+7 surge) × 251 addresses at the comparison value 250 do not fit a /22; fewer pods do.
    const reqs: Requirements = { nodes: 20, addressSpace: ["10.1.0.0/22"] };
    const out = ids(reqs).rejected.find((x) => x.id === "azure-cni-node-subnet/azure");
    expect(out?.defaults).toHaveLength(1);
    const d = out!.defaults[0]!;
    expect(d).toMatchObject({ requirement: "maxPodsPerNode", assumed: "250" });
    expect(d.text).toMatch(/it fits at \d+ or fewer/);
    const fits = Number(d.wouldFit);
    expect(ids({ ...reqs, maxPodsPerNode: fits }).ranked.map((x) => x.id)).toContain("azure-cni-node-subnet/azure");
    expect(ids({ ...reqs, maxPodsPerNode: fits + 1 }).ranked.map((x) => x.id)).not.toContain(
      "azure-cni-node-subnet/azure",
    );
    // A value the user gave is theirs: no default to name.
    const given = ids({ ...reqs, maxPodsPerNode: 250 }).rejected.find((x) => x.id === "azure-cni-node-subnet/azure");
    expect(given?.defaults).toEqual([]);
  });

  it("Azure NPM on Windows, retired 30 September 2026, is never recommended", () => {
    const after = ids({ windows: true, networkPolicy: "azure" });
    expect(after.ranked).toEqual([]);
    const overlay = after.rejected.find((x) => x.id === "azure-cni-overlay/azure");
    expect(overlay?.reasons.map((x) => x.filter)).toEqual(["retired"]);
    expect(overlay?.reasons[0]?.reason).toMatch(/Azure Network Policy Manager on Windows retired on 30 September 2026/);
    const before = ids({ windows: true, networkPolicy: "azure" }, undefined, "2026-09-29");
    const ranked = before.ranked.find((x) => x.id === "azure-cni-overlay/azure");
    expect(ranked?.retirements.map((x) => x.date)).toEqual(["2026-09-30", "2028-09-30"]);
  });

  it("a retired component rules out every candidate that would use it, on its date", () => {
    const r = ids({ networkPolicy: "calico" }, undefined, "2028-03-31");
    expect(r.rejected.find((x) => x.id === "kubenet/azure")?.reasons.map((x) => x.filter)).toEqual(["retired"]);
    expect(ids({ networkPolicy: "calico" }, undefined, "2028-03-30").ranked.map((x) => x.id)).toContain(
      "kubenet/azure",
    );
  });
});

describe("recommend: the engine guards itself", () => {
  it.each<{ name: string; reqs: unknown; version?: unknown; today?: string; input: string }>([
    { name: "negative nodes", reqs: { nodes: -1 }, input: "nodes" },
    { name: "fractional nodes", reqs: { nodes: 1.5 }, input: "nodes" },
    { name: "nodes as text", reqs: { nodes: "3" }, input: "nodes" },
    { name: "NaN max pods", reqs: { maxPodsPerNode: Number.NaN }, input: "maxPodsPerNode" },
    { name: "a billion nodes", reqs: { maxNodes: 1e9 }, input: "maxNodes" },
    { name: "zero nodes", reqs: { nodes: 0 }, input: "nodes" },
    { name: "max nodes below nodes", reqs: { nodes: 5, maxNodes: 2 }, input: "maxNodes" },
    { name: "pods above max pods", reqs: { podsPerNode: 50, maxPodsPerNode: 30 }, input: "podsPerNode" },
    { name: "unparsable address space", reqs: { addressSpace: ["10.0.0.0/33"] }, input: "addressSpace" },
    { name: "IPv6 address space", reqs: { addressSpace: ["fd00::/48"] }, input: "addressSpace" },
    { name: "address space not a list", reqs: { addressSpace: "10.0.0.0/16" }, input: "addressSpace" },
    { name: "bad Kubernetes version", reqs: {}, version: "latest", input: "kubernetesVersion" },
    { name: "bad date", reqs: {}, today: "2026-13-01", input: "today" },
  ])("$name: a problem as data, not a throw", ({ reqs, version, today, input }) => {
    const r = recommend({
      requirements: reqs as Requirements,
      ...(version !== undefined ? { kubernetesVersion: version as string } : {}),
      ...(today !== undefined ? { today } : {}),
    });
    expect("problems" in r && r.problems.map((p) => p.input)).toEqual([input]);
  });

  it("a million nodes is answered at once: at most 100 pools, every model ruled out by the cluster limit", () => {
    const r = ids({ maxNodes: 1_000_000, maxPodsPerNode: 30 });
    expect(r.target.pools.length).toBe(100);
    expect(r.ranked).toEqual([]);
  });
});

const arbRequirements: fc.Arbitrary<Requirements> = fc
  .record(
    {
      nodes: fc.integer({ min: 1, max: 600 }),
      extra: fc.integer({ min: 0, max: 400 }),
      maxPodsPerNode: fc.integer({ min: 30, max: 250 }),
      addressSpace: fc.constantFrom(
        undefined,
        ["10.10.0.0/16"],
        ["172.20.0.0/14"],
        ["192.168.0.0/20"],
        ["10.0.0.0/8"],
        ["10.244.0.0/16", "10.10.0.0/16"],
      ),
      windows: fc.boolean(),
      podsReachableFromVnet: fc.boolean(),
      dualStack: fc.boolean(),
      ebpf: fc.boolean(),
      automatic: fc.boolean(),
      networkPolicy: fc.constantFrom(undefined, "none", "azure", "calico", "cilium"),
    },
    { requiredKeys: ["nodes", "extra"] },
  )
  .map(
    ({ extra, addressSpace, ...r }) =>
      ({ ...r, maxNodes: r.nodes + extra, ...(addressSpace ? { addressSpace } : {}) }) as Requirements,
  );

describe("recommend: emitted plans", () => {
  it("every emitted plan passes validate with no error findings", () => {
    fc.assert(
      fc.property(arbRequirements, fc.constantFrom(undefined, "1.29", "1.33"), (reqs, version) => {
        const r = ids(reqs, version);
        for (const c of r.ranked.slice(0, 3)) {
          const e = emitPlan(c, r.target);
          if ("problem" in e) continue;
          const plan = PlanSchema.parse(e.plan);
          const errors = validate(plan).filter((f) => f.severity === "error");
          expect(errors.map((f) => `${c.id}: ${f.ruleId}: ${f.message}`)).toEqual([]);
        }
      }),
      { numRuns: 120, seed: 20261122 },
    );
  });
});

describe("recommend: an AKS Automatic plan", () => {
  it.each([
    { name: "a space clear of AKS's defaults", space: ["172.19.0.0/16"], serviceCidrs: undefined },
    { name: "a space over the default service CIDR", space: ["10.0.0.0/16"], serviceCidrs: ["100.64.0.0/16"] },
    { name: "no space (the managed VNet default, 10.224.0.0/12)", space: undefined, serviceCidrs: undefined },
  ])("$name: sku Automatic, no pools, NAP sized to the peak, three subnets laid out", ({ space, serviceCidrs }) => {
    const r = ids({ nodes: 20, maxNodes: 60, automatic: true, ...(space ? { addressSpace: space } : {}) });
    expect(r.ranked[0]?.id).toBe("azure-cni-overlay/cilium");
    const e = emitPlan(r.ranked[0]!, r.target);
    if ("problem" in e) throw new Error(e.problem);
    const p = e.plan;
    expect(p.sku).toEqual({ name: "Automatic" });
    expect(p.nodePools).toEqual([]);
    expect(p.nodeProvisioning?.pools).toEqual([{ name: "default", maxNodes: 60, maxPods: 250 }]);
    expect(p.network?.serviceCidrs).toEqual(serviceCidrs);
    expect(p.network?.podCidrs).toBeUndefined();
    expect(p.apiServer).toEqual({ subnet: "aks-apiserver" });
    expect(p.hostedSystem).toEqual({ systemNodeSubnet: "aks-system-nodes", nodeSubnet: "aks-nodes" });
    expect(p.vnet?.subnets?.map((x) => [x.name, x.cidr?.split("/")[1], x.delegation])).toEqual([
      ["aks-nodes", "25", undefined],
      ["aks-system-nodes", "26", undefined],
      ["aks-apiserver", "28", "Microsoft.ContainerService/managedClusters"],
    ]);
    expect(validate(PlanSchema.parse(p)).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});

// Microsoft's IP planning page says maxPods is fixed per pool (add a pool); its upgrade capacity guide (2025-12)
// shows az aks nodepool update --max-pods. kb PLATFORM_LIMITS.maxPodsChangeInPlace keeps both: the lock-in must
// say which it assumed and name the other, not state one silently.
describe("recommend: the max pods lock-in names both documented readings", () => {
  it.each([{ name: "no requirements" }, { name: "Windows", reqs: { windows: true } }])("$name", ({ reqs }) => {
    const r = ids(reqs ?? {});
    const text = r.ranked[0]?.lockIns.map((l) => l.text).find((t) => t.startsWith("max pods per node")) ?? "";
    expect(text).toContain("add a pool and move the workloads");
    expect(text).toContain("az aks nodepool update --max-pods");
    expect(r.ranked[0]?.lockIns.find((l) => l.text === text)?.source).toContain("upgrade-capacity-cost-planning");
  });
});
