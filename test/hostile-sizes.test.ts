/**
 * Inputs whose size made aksnet hang, run for minutes or fill the heap (found by the breaker). Each case would take
 * far longer than vitest's timeout before its fix, or counts the work that made it slow: an array given where a
 * model id belongs was turned into its text (10,000 items: ~120 KB) once per pool, so the sizing functions were
 * quadratic; n copies of one CIDR overlap in n²/2 pairs, which were all listed.
 */
import { describe, expect, it } from "vitest";
import * as aksnet from "../src/index.js";
import { memoryIo } from "../src/adapters/cli/io.js";
import { run } from "../src/adapters/cli/main.js";

/** A 10,000-item array that counts how often it is turned into text (a property key, a comparison, a join). */
function countingArray(n = 10_000): { value: string[]; conversions: () => number } {
  let count = 0;
  const value = Array.from({ length: n }, () => "10.0.0.0/24");
  const text = Array.prototype.toString;
  Object.defineProperty(value, "toString", {
    value(this: string[]) {
      count++;
      return text.call(this);
    },
  });
  return { value, conversions: () => count };
}

type Lib = Record<string, (...a: unknown[]) => unknown>;
const lib = aksnet as unknown as Lib;

describe("an array where a model id belongs is never turned into text (was quadratic: 10,000 items, 26 s)", () => {
  it.each([
    "needs",
    "poolNeeds",
    "nodeSubnetAddressesNeeded",
    "podSubnetAddressesNeeded",
    "podSubnetBlocksNeeded",
    "vnetIpsNeeded",
    "podCidrBlocksNeeded",
    "addressesPerNode",
    "podRangeKind",
    "surgeNodes",
    "maxNodesWithSurge",
  ])("%s(array, array)", (fn) => {
    const a = countingArray();
    lib[fn]!(a.value, a.value, a.value);
    expect(a.conversions()).toBe(0);
  });

  it("vnetIdOf(array) is undefined without joining it", () => {
    const a = countingArray(1_000_000);
    expect(aksnet.vnetIdOf(a.value as unknown as string)).toBeUndefined();
    expect(a.conversions()).toBe(0);
  });
});

describe("findingsAgainstCluster with a 1e6-item array for the plan", () => {
  it("is the one finding of a value that is not a plan (was 1e6 unknown-field findings)", () => {
    const findings = aksnet.findingsAgainstCluster(Array(1_000_000).fill("x") as never, new Map());
    expect(findings.length).toBeLessThanOrEqual(2);
    expect(findings[0]?.ruleId).toBe("plan-schema");
  });
});

describe("overlapping pairs are bounded (n copies of one CIDR: n²/2 pairs)", () => {
  const copies = (n: number) => Array<string>(n).fill("10.0.0.0/24");
  it.each([
    { name: "overlappingPairsText, 10,000 copies", f: () => aksnet.overlappingPairsText(copies(10_000)) },
    {
      name: "findOverlappingPairs, 10,000 IPv6 copies",
      f: () => aksnet.findOverlappingPairs(Array(10_000).fill(aksnet.parsePrefix("fd00::/64"))),
    },
    { name: "overlappingPairsText, 1e6 copies", f: () => aksnet.overlappingPairsText(copies(1_000_000)) },
  ])("$name throws one RangeError sentence before listing any", ({ f }) => {
    expect(f).toThrow(/^the items overlap in \d+ pairs, more than the 16777216 a list of overlapping pairs holds;/);
  });

  it("lists up to the bound: 1,000 copies are 499,500 pairs", () => {
    expect(aksnet.overlappingPairsText(copies(1_000)).count).toBe(499_500);
  });

  it("cidr overlaps of 10,000 copies is a usage error naming the count and the fix, exit 2", async () => {
    const io = memoryIo({ stdin: copies(10_000).join("\n") });
    expect(await run(["cidr", "overlaps"], io)).toBe(2);
    expect(io.stderr).toMatch(/the 10000 CIDRs overlap in 49995000 pairs, .*aksnet cidr merge/);
    expect(io.stderr).not.toMatch(/internal error/);
  });
});

describe("fleet check with ranges repeated thousands of times", () => {
  const ranges = (n: number) => Array<string>(n).fill("10.0.0.0/24");
  it.each([
    {
      name: "one network holding 8,000 copies of a range (was 32M pairs of the network with itself)",
      fleet: { networks: [{ name: "a", kind: "onPremises", cidrs: ranges(8_000) }] },
      rules: [],
    },
    {
      name: "two pools holding 8,000 copies each (the pools rule failed as an internal error)",
      fleet: {
        pools: [
          { name: "p1", cidrs: ranges(8_000) },
          { name: "p2", cidrs: ranges(8_000) },
        ],
      },
      rules: ["fleet-pools-overlap"],
    },
    {
      name: "6,000 networks sharing one range (18M pairs): one finding, the overlaps not searched",
      fleet: {
        networks: Array.from({ length: 6_000 }, (_, i) => ({
          name: `n${i}`,
          kind: "onPremises",
          cidrs: ["10.0.0.0/16"],
        })),
      },
      rules: ["fleet-input-invalid"],
    },
  ])("$name", ({ fleet, rules }) => {
    const r = aksnet.checkFleet({ apiVersion: "aksnet/v1", kind: "FleetPlan", name: "x", ...fleet });
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.ruleId)).toEqual(rules);
    expect(errors.map((f) => f.message).join("\n")).not.toMatch(/failed on this plan/);
  });
});
