/**
 * The benchmarks' percentile and its confidence interval (bench/lib/quantile.mjs), against a slow oracle: the
 * binomial probabilities in exact rational arithmetic (BigInt), the ranks found from their definition.
 */
import { describe, expect, it } from "vitest";
import { quantile, quantileInterval } from "../bench/lib/quantile.mjs";

const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** P(B = k) for B ~ Binomial(n, p/d), as numerators over d^n. */
function exactPmf(n: number, p: bigint, d: bigint): bigint[] {
  const out: bigint[] = [];
  let choose = 1n;
  for (let k = 0; k <= n; k++) {
    out.push(choose * p ** BigInt(k) * (d - p) ** BigInt(n - k));
    choose = (choose * BigInt(n - k)) / BigInt(k + 1);
  }
  return out;
}

/** The interval's ranks by definition, in exact arithmetic: tails of at most `tailNum / tailDen` each. */
function oracle(n: number, p: bigint, d: bigint, tailNum: bigint, tailDen: bigint) {
  const pmf = exactPmf(n, p, d);
  const total = d ** BigInt(n);
  const below = (k: number) => pmf.slice(0, Math.max(0, k + 1)).reduce((a, b) => a + b, 0n); // P(B <= k)
  const small = (num: bigint) => num * tailDen <= tailNum * total;
  let l = 1;
  for (let c = 1; c <= n; c++) if (small(below(c - 1))) l = c;
  let u = n + 1;
  for (let c = n + 1; c >= 1; c--) if (small(total - below(c - 1))) u = c;
  const hiRank = Math.min(u, n);
  return { loRank: l, hiRank, coverage: Number(below(hiRank - 1) - below(l - 1)) / Number(total), clamped: u > n };
}

describe("quantile: the nearest-rank one", () => {
  it.each([
    { n: 10, q: 0.9, rank: 9 },
    { n: 25, q: 0.9, rank: 23 },
    { n: 80, q: 0.9, rank: 72 },
    { n: 80, q: 0.5, rank: 40 },
    { n: 1, q: 0.9, rank: 1 },
  ])("p$q of $n samples is the sample of rank $rank", ({ n, q, rank }) => {
    expect(quantile(ranks(n).reverse(), q)).toBe(rank);
  });
});

describe("quantileInterval: distribution-free, from order statistics", () => {
  const cases = [5, 10, 25, 40, 60, 80, 100, 200].flatMap((n) => [
    { n, q: 0.9, p: 9n, d: 10n },
    { n, q: 0.5, p: 1n, d: 2n },
  ]);
  it.each(cases)("$n samples, q $q: the oracle's ranks and coverage", ({ n, q, p, d }) => {
    const got = quantileInterval(ranks(n), q, 0.9);
    const want = oracle(n, p, d, 1n, 20n);
    expect({ loRank: got.loRank, hiRank: got.hiRank }).toEqual({ loRank: want.loRank, hiRank: want.hiRank });
    expect(got.coverage).toBeCloseTo(want.coverage, 9);
    expect([got.lo, got.hi]).toEqual([got.loRank, got.hiRank]);
    // Coverage at least the level, unless too few samples left the interval ending at the slowest.
    if (!want.clamped) expect(got.coverage).toBeGreaterThanOrEqual(0.9);
  });

  it("the figures quoted in the web benchmark: p90 of 25 is within ranks 20–25 (89.5 %), of 80 within 67–77", () => {
    expect(quantileInterval(ranks(25), 0.9)).toMatchObject({ loRank: 20, hiRank: 25 });
    expect(quantileInterval(ranks(25), 0.9).coverage).toBeCloseTo(0.895, 3);
    expect(quantileInterval(ranks(80), 0.9)).toMatchObject({ loRank: 67, hiRank: 77 });
  });
});
