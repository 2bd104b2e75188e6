import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PairBuf, sortedPairs } from "./pairs.js";

describe("sortedPairs (two counting-sort passes)", () => {
  it("orders any pairs as a sort of their (first, second) codes would, growing the buffer as needed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b),
              { maxLength: 3000 },
            ),
          ),
        ),
        ([n, pairs]) => {
          const buf = new PairBuf(1);
          for (const [a, b] of pairs) buf.push(a, b);
          const got = sortedPairs(buf, n);
          const want = pairs
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
            .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
          expect(Array.from(got.first)).toEqual(want.map((p) => p[0]));
          expect(Array.from(got.second)).toEqual(want.map((p) => p[1]));
        },
      ),
      { numRuns: 200, seed: 20261206 },
    );
  });

  it("no pairs: empty arrays", () => {
    const got = sortedPairs(new PairBuf(), 0);
    expect([got.first.length, got.second.length]).toEqual([0, 0]);
  });
});
