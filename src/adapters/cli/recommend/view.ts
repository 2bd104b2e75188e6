/** What every `recommend` formatter gets: the ranking, and the plan file written with --emit-plan. */
import type { Recommendation } from "../../../engines/recommend/index.js";

export interface RecommendView {
  readonly recommendation: Recommendation;
  /** Set when --emit-plan wrote the winner's plan. */
  readonly emitted?: { readonly file: string; readonly candidate: string; readonly title: string };
}
