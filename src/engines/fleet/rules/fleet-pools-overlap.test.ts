/** The pools rule's exclude lookup against the obvious scan, and a pool of many cidrs and excludes (the breaker). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tryParsePrefix, type Prefix } from "../../../ip/index.js";
import { checkFleet } from "../index.js";
import { excludeIndex } from "./fleet-pools-overlap.js";

/** A prefix inside 10.0.0.0/8, written with host bits cleared by the parser's masked(). */
const inTen = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.integer({ min: 8, max: 32 }))
  .map(([a, b, c, bits]) => {
    const r = tryParsePrefix(`10.${a}.${b}.${c}/${bits}`);
    if (!r.ok) throw new Error(r.error.reason);
    return r.value.masked();
  });

describe("excludeIndex", () => {
  it("law: the same answer as the obvious scan (some exclude contains p)", () => {
    fc.assert(
      fc.property(fc.array(inTen, { maxLength: 30 }), inTen, (xs, q) => {
        const excludes = xs.map((x) => x.toString());
        const parsed = excludes.flatMap((e) => {
          const r = tryParsePrefix(e);
          return r.ok ? [r.value] : [];
        });
        const obvious = (q: Prefix) => parsed.some((x) => x.contains(q));
        expect(excludeIndex(excludes)(q)).toBe(obvious(q));
      }),
      { numRuns: 500 },
    );
  });

  it("a pool of 20,000 ranges and 20,000 excludes is checked quickly (was cidrs × excludes)", () => {
    const cidrs = Array.from({ length: 20_000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const exclude = Array.from({ length: 20_000 }, (_, i) => `10.${i >> 8}.${i & 255}.${i % 2 ? 0 : 128}/25`);
    const t0 = process.hrtime.bigint();
    const { findings } = checkFleet({
      apiVersion: "aksnet/v1",
      kind: "FleetPlan",
      name: "x",
      pools: [
        { name: "a", cidrs, exclude },
        { name: "b", cidrs: ["10.0.0.0/24"] },
      ],
    } as never);
    expect(findings.filter((f) => f.ruleId === "fleet-pools-overlap")).toHaveLength(1);
    expect(Number(process.hrtime.bigint() - t0) / 1e6).toBeLessThan(10_000);
  });
});
