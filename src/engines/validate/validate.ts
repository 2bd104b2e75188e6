/**
 * The rule runner: resolves the plan when needed, runs every rule, and turns a
 * rule that throws into one internal-error finding so the others still run.
 */
import { isResolvedPlan, resolvePlan, type Plan, type ResolvedPlan } from "../plan/index.js";
import { docsUrlOf, toFinding, type Finding, type Rule, type Severity } from "./rule.js";
import { RULES } from "./rules/index.js";

export interface ValidateOptions {
  /** The rules to run (default: all of them). */
  readonly rules?: readonly Rule[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders findings: errors first, then by path, then by rule id (stable and deterministic). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Runs one rule over a resolved plan; a throw becomes a single `internal-error` finding. */
export function runRule(rule: Rule, plan: ResolvedPlan): Finding[] {
  const out: Finding[] = [];
  try {
    rule.check({ plan, report: (r) => out.push(toFinding(rule.meta, r)) });
    return out;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [
      {
        ruleId: "internal-error",
        severity: "error",
        message: `Rule ${rule.meta.id} failed on this plan (${reason}); its check did not run.`,
        path: "",
        fix: "This is a bug in aksnet, not in the plan: please report it with the plan attached.",
        data: { rule: rule.meta.id, reason },
        docsUrl: docsUrlOf("internal-error"),
      },
    ];
  }
}

/** Validates a plan: every rule's findings, errors first. */
export function validate(plan: Plan | ResolvedPlan, options: ValidateOptions = {}): Finding[] {
  const resolved = isResolvedPlan(plan) ? plan : resolvePlan(plan);
  const rules = options.rules ?? RULES;
  return rules.flatMap((r) => runRule(r, resolved)).sort(compareFindings);
}

/** Counts findings by severity. */
export function summarize(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
