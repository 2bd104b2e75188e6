/**
 * What a drift rule checks: the configuration (an aksnet plan, or `az aks show` imported as one, resolved)
 * against what the running cluster shows. Drift rules are rules like `aksnet check`'s (ids, messages with
 * fixes, docs pages under docs/rules/, SARIF), over these inputs.
 */
import type { ResolvedPlan } from "../../plan/index.js";
import { ruleDefiner } from "../../validate/index.js";
import type { HeadlineVerdict } from "../report.js";
import type { NodeUse } from "../node-use.js";

export interface DriftInputs {
  readonly plan: ResolvedPlan;
  /** The cluster's verdicts (`unknown` values are never reported as drift). */
  readonly verdict: Pick<HeadlineVerdict, "model" | "dataplane" | "policy">;
  /** The nodes the cluster runs (virtual nodes left out). */
  readonly nodes: readonly NodeUse[];
}

export const defineDriftRule = ruleDefiner<DriftInputs>();

/** The nodes of each pool the cluster runs, by pool name (`""` for nodes without a pool label). */
export function nodesByPool(nodes: readonly NodeUse[]): Map<string, NodeUse[]> {
  const m = new Map<string, NodeUse[]>();
  for (const n of nodes) m.set(n.pool ?? "", [...(m.get(n.pool ?? "") ?? []), n]);
  return m;
}

export const CHECKED = "2026-12-06";
