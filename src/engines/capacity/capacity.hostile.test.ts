/**
 * Engines guard themselves: every exported capacity function, called with values the CLI would refuse
 * (NaN, negatives, fractions, huge numbers, IPv6, /0, /32, unknown models), answers with whole numbers or
 * returns problems — it never throws and never hangs. Named case: `compare` on an IPv6 /64 looped forever
 * in a floating-point binary search (issue #11).
 */
import { describe, expect, it } from "vitest";
import { parsePrefix } from "../../ip/index.js";
import type { MaxSurge, ModelId } from "../../kb/index.js";
import * as capacity from "./index.js";

const NUMBERS = [Number.NaN, -1, -0.5, 0, 1.5, 1e308, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53];
const PREFIXES = ["fd00::/64", "::/0", "0.0.0.0/0", "10.0.0.1/32", "10.0.0.0/31", "10.0.0.0/29"].map(parsePrefix);
const SURGES: MaxSurge[] = [
  { kind: "count", count: Number.NaN },
  { kind: "count", count: -3 },
  { kind: "count", count: 1e308 },
  { kind: "percent", percent: Number.NaN },
  { kind: "percent", percent: 1e9 },
  { kind: "percent", percent: -10 },
  { kind: "bogus" } as unknown as MaxSurge,
];
const MODELS = ["kubenet", "azure-cni-pod-subnet-dynamic", "azure-cni-pod-subnet-static", "nope"] as ModelId[];

/** Every number in a result is finite; NaN or ±Infinity would be a wrong answer, not a problem. */
function finiteEverywhere(v: unknown, path = "$"): string[] {
  if (typeof v === "number") return Number.isFinite(v) ? [] : [`${path} = ${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => finiteEverywhere(x, `${path}[${i}]`));
  if (v !== null && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => finiteEverywhere(x, `${path}.${k}`));
  return [];
}

function answers(f: () => unknown): void {
  let out: unknown;
  expect(() => (out = f())).not.toThrow();
  expect(finiteEverywhere(out)).toEqual([]);
}

describe("hostile inputs", () => {
  it("compare on an IPv6 /64 ends, with a problem instead of rows (it looped forever)", () => {
    const r = capacity.compare({ nodeSubnet: parsePrefix("fd00::/64") });
    expect(r.models).toEqual([]);
    expect(r.problems[0]).toMatchObject({ severity: "error", field: "nodeSubnet" });
    expect(r.problems[0]?.message).toContain("is IPv6");
  });

  it("maxNodesWithSurge runs over bounded integers: a 2^64 or infinite slot count ends", () => {
    for (const slots of [2 ** 64, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, Number.NaN, -5])
      answers(() => capacity.maxNodesWithSurge(slots, { kind: "percent", percent: 10 }));
    expect(capacity.maxNodesWithSurge(2 ** 64, { kind: "count", count: 1 })).toBe(Number.MAX_SAFE_INTEGER - 1);
  });

  it.each(NUMBERS.map((n) => ({ n })))("number helpers answer for $n", ({ n }) => {
    for (const s of [...SURGES, { kind: "count", count: 1 } as MaxSurge]) {
      answers(() => capacity.surgeNodes(n, s));
      answers(() => capacity.maxNodesWithSurge(n, s));
    }
    for (const m of MODELS) {
      answers(() => capacity.addressesPerNode(m, n));
      answers(() => capacity.podRangeKind(m));
    }
    answers(() => capacity.dynamicAddressesPerNode(n));
    answers(() => capacity.staticBlocksPerNode(n));
    answers(() => capacity.podCidrPrefixLength(n));
    answers(() => capacity.staticPodSubnetPrefixLength(n));
    answers(() => capacity.subnetPrefixLength(n));
    answers(() => capacity.tenantAddresses({ internalLoadBalancerIps: n, privateEndpoints: n, other: n }));
    answers(() => capacity.tryParseMaxSurge(n));
  });

  it.each(PREFIXES.map((p) => ({ p: p.toString(), prefix: p })))("prefix helpers answer for $p", ({ prefix }) => {
    answers(() => capacity.usableAddresses(prefix));
    answers(() => capacity.podCidrBlocks(prefix));
    answers(() => capacity.staticBlocksIn(prefix));
  });

  it.each(MODELS.map((m) => ({ m })))("pool sums and sizing answer for model $m with hostile pools", ({ m }) => {
    const pools = NUMBERS.flatMap((n) => SURGES.map((s, i) => ({ name: `p${i}`, nodes: n, maxPods: n, maxSurge: s })));
    answers(() => capacity.poolNeeds(m, pools));
    answers(() => capacity.nodeSubnetAddressesNeeded(m, pools, Number.NaN));
    answers(() => capacity.podSubnetAddressesNeeded(m, pools));
    answers(() => capacity.podSubnetBlocksNeeded(m, pools));
    answers(() => capacity.podCidrBlocksNeeded(pools));
    answers(() => capacity.vnetIpsNeeded(m, pools));
    answers(() => capacity.needs(m, pools));
    answers(() => capacity.sizeProblems(m, pools, capacity.needs(m, pools), { tier: "Nope" as never }));
  });

  it.each(
    PREFIXES.flatMap((prefix) => MODELS.map((model) => ({ name: `${model} in ${prefix.toString()}`, model, prefix }))),
  )("fits answers or returns problems: $name", ({ model, prefix }) => {
    for (const maxSurge of SURGES)
      answers(() =>
        capacity.fits({ model, nodeSubnet: prefix, podCidr: prefix, podSubnet: prefix, maxPods: 30, maxSurge }),
      );
    const f = capacity.fits({ model, nodeSubnet: prefix, maxPods: Number.NaN, maxSurge: { kind: "count", count: 1 } });
    expect(f.problems.length).toBeGreaterThan(0);
  });

  it.each([
    { name: "IPv6 pod CIDR", input: { podCidr: parsePrefix("fd00::/64") }, field: "podCidr" },
    { name: "a /32 node subnet", input: { nodeSubnet: parsePrefix("10.0.0.1/32") }, field: "nodeSubnet" },
    { name: "a /0 pod subnet", input: { podSubnet: parsePrefix("0.0.0.0/0") }, field: "podSubnet" },
    { name: "NaN max pods", input: { maxPods: Number.NaN }, field: "maxPods" },
    { name: "a negative reserve", input: { reserved: -4 }, field: "reserved" },
    { name: "a huge reserve", input: { reserved: 1e300 }, field: "reserved" },
    { name: "a NaN surge", input: { maxSurge: SURGES[0] }, field: "maxSurge" },
    { name: "an unknown model", input: { models: ["nope"] as unknown as ModelId[] }, field: "models" },
    { name: "an unknown tier", input: { tier: "Gold" as never }, field: "tier" },
    { name: "a text node subnet", input: { nodeSubnet: "10.0.0.0/24" as never }, field: "nodeSubnet" },
  ])("compare returns a problem for $name", ({ input, field }) => {
    const r = capacity.compare(input);
    expect(r.models).toEqual([]);
    expect(r.problems.map((p) => p.field)).toContain(field);
  });

  it.each([
    { name: "no pools", input: { pools: [] }, field: "pools" },
    { name: "NaN nodes", input: { pools: [{ name: "a", nodes: Number.NaN }] }, field: "pools[0].nodes" },
    { name: "negative nodes", input: { pools: [{ name: "a", nodes: -1 }] }, field: "pools[0].nodes" },
    { name: "a billion nodes", input: { pools: [{ name: "a", nodes: 1e9 }] }, field: "pools[0].nodes" },
    {
      name: "fractional max pods",
      input: { pools: [{ name: "a", nodes: 3, maxPods: 30.5 }] },
      field: "pools[0].maxPods",
    },
    { name: "an empty name", input: { pools: [{ name: "", nodes: 3 }] }, field: "pools[0].name" },
    {
      name: "NaN tenants",
      input: { pools: [{ name: "a", nodes: 3 }], tenants: { privateEndpoints: Number.NaN } },
      field: "tenants.privateEndpoints",
    },
    {
      name: "a bad max unavailable",
      input: { pools: [{ name: "a", nodes: 3, maxUnavailable: { kind: "percent", percent: 0 } as MaxSurge }] },
      field: "pools[0].maxUnavailable",
    },
  ])("size returns a problem for $name", ({ input, field }) => {
    const r = capacity.size(input);
    expect(r.models).toEqual([]);
    expect(r.problems.map((p) => p.field)).toContain(field);
  });

  it("size of a pool at the input ceiling answers (1,000,000 nodes: limit problems, no overflow)", () => {
    const r = capacity.size({ pools: [{ name: "a", nodes: capacity.MAX_INPUT_NODES, maxPods: 250 }] });
    expect(r.problems).toEqual([]);
    expect(finiteEverywhere(r)).toEqual([]);
    expect(r.models[0]?.problems.map((p) => p.code)).toContain("cluster-node-limit");
  });
});
