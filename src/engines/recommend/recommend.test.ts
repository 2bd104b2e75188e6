import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanSchema, type Requirements } from "../plan/index.js";
import { validate } from "../validate/index.js";
import { emitPlan, recommend } from "./index.js";

const ids = (reqs: Requirements, version?: string) =>
  recommend({ requirements: reqs, ...(version ? { kubernetesVersion: version } : {}) });

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

  it("kubenet carries its retirement; Azure NPM both of its dates", () => {
    const r = ids({ networkPolicy: "azure" });
    const kubenet = r.rejected.find((x) => x.id === "kubenet/azure");
    expect(kubenet?.reasons[0]?.filter).toBe("network-policy");
    const calico = ids({ networkPolicy: "calico" }).ranked.find((x) => x.id === "kubenet/azure");
    expect(calico?.retirements.map((x) => x.date)).toEqual(["2028-03-31"]);
    const npm = r.ranked.find((x) => x.id === "azure-cni-overlay/azure");
    expect(npm?.retirements.map((x) => x.date)).toEqual(["2026-09-30", "2028-09-30"]);
  });

  it("ranks are 1..n, sorted by total", () => {
    const r = ids({ nodes: 40, latencySensitive: true });
    expect(r.ranked.map((x) => x.rank)).toEqual(r.ranked.map((_, i) => i + 1));
    for (let i = 1; i < r.ranked.length; i++) expect(r.ranked[i - 1]!.total).toBeGreaterThanOrEqual(r.ranked[i]!.total);
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
        const r = recommend({ requirements: reqs, ...(version ? { kubernetesVersion: version } : {}) });
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
