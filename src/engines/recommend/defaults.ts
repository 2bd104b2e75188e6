/**
 * When a candidate is ruled out by a value the user never chose, say which value and
 * what would let the candidate in, so a default never silently decides the ranking.
 * The max pods every model is compared at is the one such value: the node count (3)
 * is not a limit, and the AKS-managed VNet's /12 cannot be what rules a model out,
 * because a VNet's 65,536 private IPs run out first (the capacity filter says so).
 */
import { MODELS, PLATFORM_LIMITS } from "../../kb/index.js";
import type { Candidate, Target } from "./candidate.js";
import type { Rejection } from "./filters.js";

export interface DefaultNote {
  /** The requirement the user did not give. */
  readonly requirement: "maxPodsPerNode";
  /** The value used in its place. */
  readonly assumed: string;
  /** A value that would let the candidate pass. */
  readonly wouldFit: string;
  readonly text: string;
}

type Judge = (c: Candidate, t: Target) => readonly Rejection[];

/** The largest max pods from the model's minimum up to `t.maxPods` at which the candidate passes, if any. */
function largestFittingMaxPods(c: Candidate, t: Target, judge: Judge): number | undefined {
  // Below the pods every pool must hold (nodes × max pods), fewer pods fail again: start above it.
  const smallest = Math.min(...t.pools.map((p) => p.peakNodes).filter((x) => x > 0));
  let lo = Math.max(MODELS[c.model].minMaxPods.value, Math.ceil(PLATFORM_LIMITS.minPodsPerPool.value / smallest));
  let hi = t.maxPods - 1;
  if (hi < lo || judge(c, { ...t, maxPods: lo }).length > 0) return undefined;
  // Fewer pods per node never need more addresses: the passing values are a prefix of [lo, hi].
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (judge(c, { ...t, maxPods: mid }).length === 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The defaults that rule `c` out under `t`, each with the value that would fit. */
export function defaultsThatRuleOut(c: Candidate, t: Target, judge: Judge): DefaultNote[] {
  const out: DefaultNote[] = [];
  if (t.maxPodsAssumed) {
    const fits = largestFittingMaxPods(c, t, judge);
    if (fits !== undefined)
      out.push({
        requirement: "maxPodsPerNode",
        assumed: String(t.maxPods),
        wouldFit: String(fits),
        text:
          `ruled out at ${t.maxPods} max pods per node, the value every model is compared at because none was given; ` +
          `it fits at ${fits} or fewer (give maxPodsPerNode, --max-pods-per-node)`,
      });
  }
  return out;
}
