import { describe, expect, it } from "vitest";
import { parsePlan } from "./parse.js";
import { resolvePlan } from "./resolve-plan.js";
import type { PlanInput } from "../schema/index.js";

function resolve(input: PlanInput) {
  const r = parsePlan(input);
  if (!r.plan) throw new Error(JSON.stringify(r.problems));
  return resolvePlan(r.plan);
}
const assumed = (input: PlanInput, path: string) => resolve(input).assumptions.find((a) => a.path === path);

describe("resolvePlan: the network model", () => {
  it.each([
    { name: "no plugin on 1.29: kubenet", input: { kubernetesVersion: "1.29" }, model: "kubenet" },
    { name: "no plugin on 1.30: overlay", input: { kubernetesVersion: "1.30" }, model: "azure-cni-overlay" },
    { name: "no plugin, no version: overlay (current)", input: {}, model: "azure-cni-overlay" },
    {
      name: "azure without a mode: node subnet",
      input: { network: { plugin: "azure" } },
      model: "azure-cni-node-subnet",
    },
    {
      name: "azure + overlay",
      input: { network: { plugin: "azure", pluginMode: "overlay" } },
      model: "azure-cni-overlay",
    },
    {
      name: "azure + a pod subnet: dynamic",
      input: { network: { plugin: "azure" }, nodePools: [{ name: "a", podSubnet: "p" }] },
      model: "azure-cni-pod-subnet-dynamic",
    },
    {
      name: "azure + static block pod subnets",
      input: {
        network: { plugin: "azure" },
        nodePools: [{ name: "a", podSubnet: "p", podIpAllocation: "StaticBlock" }],
      },
      model: "azure-cni-pod-subnet-static",
    },
    {
      name: "no plugin but a pod subnet: azure pod subnet",
      input: { nodePools: [{ name: "a", podSubnet: "p" }] },
      model: "azure-cni-pod-subnet-dynamic",
    },
    { name: "none: BYO CNI", input: { network: { plugin: "none" } }, model: "byo-cni" },
    { name: "kubenet", input: { network: { plugin: "kubenet" } }, model: "kubenet" },
  ] satisfies { name: string; input: PlanInput; model: string }[])("$name", ({ input, model }) => {
    expect(resolve(input).model).toBe(model);
  });

  it("says which default plugin it assumed and the other documented value", () => {
    expect(assumed({}, "network.plugin")).toMatchObject({
      value: "azure (overlay)",
      alternatives: [{ value: "kubenet" }],
    });
    expect(assumed({ kubernetesVersion: "1.29" }, "network.plugin")).toMatchObject({ value: "kubenet" });
    expect(assumed({ network: { plugin: "azure" } }, "network.plugin")).toBeUndefined();
  });
});

describe("resolvePlan: pools", () => {
  it.each([
    {
      name: "overlay default maxPods 250",
      input: { network: { plugin: "azure", pluginMode: "overlay" } },
      maxPods: 250,
    },
    { name: "node subnet default maxPods 30", input: { network: { plugin: "azure" } }, maxPods: 30 },
    { name: "kubenet default maxPods 110", input: { network: { plugin: "kubenet" } }, maxPods: 110 },
    { name: "maxPods 0 means not set (az CLI)", input: { network: { plugin: "kubenet" }, maxPods: 0 }, maxPods: 110 },
    { name: "given maxPods kept", input: { network: { plugin: "kubenet" }, maxPods: 50 }, maxPods: 50 },
  ] satisfies { name: string; input: PlanInput & { maxPods?: number }; maxPods: number }[])(
    "$name",
    ({ input, maxPods }) => {
      const { maxPods: given, ...plan } = input;
      const p = resolve({
        ...plan,
        nodePools: [{ name: "a", count: 3, ...(given === undefined ? {} : { maxPods: given }) }],
      }).pools[0]!;
      expect(p.maxPods).toBe(maxPods);
    },
  );

  it.each([
    {
      name: "1.33, unset: 10% of 20 = 2 nodes",
      version: "1.33",
      pool: { name: "a", count: 20 },
      surge: { text: "10%", nodes: 2, defaulted: true },
    },
    {
      name: "1.31, unset: 10% on a new cluster (release 2023-10-01: 1.28+ new clusters)",
      version: "1.31",
      pool: { name: "a", count: 20 },
      surge: { text: "10%", nodes: 2, defaulted: true },
    },
    {
      name: "1.27, unset: 1 node",
      version: "1.27",
      pool: { name: "a", count: 20 },
      surge: { text: "1", nodes: 1, defaulted: true },
    },
    {
      name: "a Spot pool: no surge nodes",
      version: "1.33",
      pool: { name: "a", count: 20, priority: "Spot" as const },
      surge: { text: "0", nodes: 0, defaulted: true },
    },
    {
      name: "33% of the autoscaler maximum 10 = 4 (rounded up)",
      version: "1.33",
      pool: { name: "a", count: 3, minCount: 3, maxCount: 10, maxSurge: "33%" },
      surge: { text: "33%", nodes: 4, defaulted: false },
    },
    {
      name: "a count",
      version: "1.33",
      pool: { name: "a", count: 5, maxSurge: 2 },
      surge: { text: "2", nodes: 2, defaulted: false },
    },
    {
      name: "unreadable: 1 assumed, marked invalid",
      version: "1.33",
      pool: { name: "a", count: 5, maxSurge: "lots" },
      surge: { text: "lots", nodes: 1, defaulted: false, valid: false },
    },
  ])("max surge: $name", ({ version, pool, surge }) => {
    expect(resolve({ kubernetesVersion: version, nodePools: [pool] }).pools[0]!.maxSurge).toMatchObject(surge);
  });

  it.each([
    {
      name: "unset: 0, the AKS default",
      pool: { name: "a", count: 20 },
      want: { text: "0", nodes: 0, defaulted: true },
    },
    {
      name: "a count, capped at the node count",
      pool: { name: "a", count: 3, maxSurge: 0, maxUnavailable: 5 },
      want: { text: "5", nodes: 3, defaulted: false, valid: true },
    },
    {
      name: "a percentage of the autoscaler maximum, rounded up",
      pool: { name: "a", minCount: 1, maxCount: 10, maxSurge: 0, maxUnavailable: "25%" },
      want: { text: "25%", nodes: 3, defaulted: false, valid: true },
    },
    {
      name: "unreadable: 0, marked invalid",
      pool: { name: "a", count: 3, maxUnavailable: "some" },
      want: { text: "some", nodes: 0, valid: false },
    },
  ])("max unavailable: $name", ({ pool, want }) => {
    expect(resolve({ kubernetesVersion: "1.33", nodePools: [pool] }).pools[0]!.maxUnavailable).toMatchObject(want);
  });

  it.each([
    { name: "no sku: Free, the API default", input: {}, tier: "Free", assumed: "Free" },
    {
      name: "AKS Automatic: Standard",
      input: { sku: { name: "Automatic" as const } },
      tier: "Standard",
      assumed: "Standard",
    },
    { name: "given", input: { sku: { tier: "Premium" as const } }, tier: "Premium", assumed: undefined },
  ])("tier: $name", ({ input, tier, assumed: value }) => {
    expect(resolve(input).tier).toBe(tier);
    expect(assumed(input, "sku.tier")?.value).toBe(value);
  });

  it("counts the autoscaler maximum as the peak and defaults modes", () => {
    const pools = resolve({
      nodePools: [
        { name: "a", count: 2 },
        { name: "b", minCount: 1, maxCount: 9 },
      ],
    }).pools;
    expect(pools.map((p) => [p.mode, p.autoscale, p.count, p.peakCount])).toEqual([
      ["System", false, 2, 2],
      ["User", true, 1, 9],
    ]);
  });
});

describe("resolvePlan: ranges", () => {
  it.each([
    { name: "single-stack defaults", input: {}, pods: ["10.244.0.0/16"], services: ["10.0.0.0/16"] },
    {
      name: "dual-stack defaults",
      input: { network: { ipFamilies: ["IPv4", "IPv6"] } },
      pods: ["10.244.0.0/16", "fd12:3456:789a::/64"],
      services: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
    },
    {
      name: "node subnet takes no default pod CIDR",
      input: { network: { plugin: "azure" } },
      pods: [],
      services: ["10.0.0.0/16"],
    },
    {
      name: "an IPv6 range implies dual-stack",
      input: { network: { podCidrs: ["10.244.0.0/16", "fd00::/64"] } },
      pods: ["10.244.0.0/16", "fd00::/64"],
      services: ["10.0.0.0/16", "fd12:3456:789a:1::/108"],
    },
  ] satisfies { name: string; input: PlanInput; pods: string[]; services: string[] }[])(
    "$name",
    ({ input, pods, services }) => {
      const r = resolve(input);
      expect(r.podCidrs.map((c) => c.text)).toEqual(pods);
      expect(r.serviceCidrs.map((c) => c.text)).toEqual(services);
    },
  );

  it("keeps text that does not parse, with its problem", () => {
    expect(resolve({ network: { podCidrs: ["10.0.0.300/16"] } }).podCidrs[0]).toMatchObject({
      text: "10.0.0.300/16",
      problem: expect.stringContaining("300"),
    });
  });
});
