/** Types of ./quantile.mjs, for the tests that check it (test/bench-quantile.test.ts). */
export declare function quantile(xs: readonly number[], q: number): number;

export interface QuantileInterval {
  lo: number;
  hi: number;
  /** 1-based ranks of `lo` and `hi` in the sorted samples. */
  loRank: number;
  hiRank: number;
  /** The probability that [lo, hi] holds the true quantile (at least `level` unless hi is the slowest sample). */
  coverage: number;
}

export declare function quantileInterval(xs: readonly number[], q: number, level?: number): QuantileInterval;
