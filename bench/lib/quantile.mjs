/**
 * Percentiles of benchmark samples and how far to trust them.
 *
 * `quantile(xs, q)` is the nearest-rank quantile: the ⌈q·n⌉-th smallest sample (p90 of 80 samples: the 72nd, so
 * p90 <= 33 ms exactly when at most 8 of the 80 are over 33 ms).
 *
 * `quantileInterval(xs, q, level)` is a distribution-free confidence interval for the true q-quantile from order
 * statistics: of n independent samples, the number at or below the true quantile is Binomial(n, q), so the sorted
 * samples' [x(l), x(u)] hold it with probability at least P(l <= B <= u - 1). The ranks are the widest cut of at
 * most (1 - level) / 2 from each tail; when the upper rank would be past n (too few samples for the level) the
 * interval ends at the slowest sample and `coverage` says the probability actually held (below `level`). Ties
 * (Event Timing's 8 ms steps) only widen it. No assumption about the durations' distribution, which for paints is
 * lumpy (frames) and long-tailed (a collection or a neighbour's burst).
 */

/** log P(B = k) for B ~ Binomial(n, q), for every k in 0..n (in logs: 0.1^300 is near a double's floor). */
function binomialLogPmf(n, q) {
  const out = [n * Math.log1p(-q)];
  for (let k = 0; k < n; k++) out.push(out[k] + Math.log((n - k) / (k + 1)) + Math.log(q / (1 - q)));
  return out;
}

/** P(B <= k) for k in 0..n. */
function binomialCdf(n, q) {
  let sum = 0;
  return binomialLogPmf(n, q).map((lp) => (sum += Math.exp(lp)));
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);

export function quantile(xs, q) {
  const s = sorted(xs);
  return s[Math.max(1, Math.ceil(q * s.length)) - 1];
}

/** { lo, hi, loRank, hiRank, coverage } (1-based ranks into the sorted samples). */
export function quantileInterval(xs, q, level = 0.9) {
  const s = sorted(xs);
  const n = s.length;
  const cdf = binomialCdf(n, q);
  const tail = (1 - level) / 2;
  const F = (k) => (k < 0 ? 0 : k >= n ? 1 : cdf[k]);
  // Lower rank l: the largest with P(B <= l - 1) <= tail; upper rank u: the smallest with P(B >= u) <= tail.
  let l = 1;
  while (l < n && F(l) <= tail) l++;
  let u = n + 1;
  while (u > 1 && 1 - F(u - 2) <= tail) u--;
  const hiRank = Math.min(u, n);
  return { lo: s[l - 1], hi: s[hiRank - 1], loRank: l, hiRank, coverage: F(hiRank - 1) - F(l - 1) };
}
