/**
 * The rule runner: checks its input (a plan that fails the schema gives
 * `plan-schema` findings, never a throw), resolves it, runs every rule, turns
 * a rule that throws into one `internal-error` finding so the others still
 * run, and caps each message's findings so no input makes the output grow
 * without bound.
 */
import {
  isResolvedPlan,
  parsePlan,
  resolvePlan,
  type FieldPath,
  type Plan,
  type PlanInput,
  type ResolvedPlan,
} from "../plan/index.js";
import { internalErrorFinding, MAX_FINDINGS_PER_MESSAGE, schemaFinding, truncatedFinding } from "./builtin-findings.js";
import { FixSpace } from "./fix-space.js";
import { toFinding, type Finding, type PlanInputs, type Rule, type Severity } from "./rule.js";
import { RULES } from "./rules/index.js";
import { guardArgs } from "../../ip/index.js";

export interface ValidateOptions {
  /** The rules to run (default: all of them). */
  readonly rules?: readonly Rule[];
  /** YYYY-MM-DD: judge date-dependent facts (Kubernetes support) on this day; absent, no such finding. */
  readonly asOf?: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const findingOf = (f: Finding): Pick<Finding, "severity" | "path" | "ruleId"> => {
  const o = (typeof f === "object" && f !== null ? f : {}) as Partial<Finding>;
  return {
    severity: o.severity !== undefined && Object.hasOwn(RANK, o.severity) ? o.severity : "info",
    path: Array.isArray(o.path) ? o.path : [],
    ruleId: typeof o.ruleId === "string" ? o.ruleId : "",
  };
};

/** Orders findings: errors first, then by path, then by rule id (stable and deterministic). */
export function compareFindings(x: Finding, y: Finding): number {
  // Values from JavaScript that are not findings sort last, as findings without a path or rule.
  const a = findingOf(x);
  const b = findingOf(y);
  if (a.severity !== b.severity) return RANK[a.severity] - RANK[b.severity];
  return comparePaths(a.path, b.path) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Field paths in document order: key by key, list indexes as numbers (`[2]` before `[10]`), a parent first. */
function comparePaths(a: FieldPath, b: FieldPath): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    const sx = String(x);
    const sy = String(y);
    return sx < sy ? -1 : sx > sy ? 1 : typeof x === "number" ? -1 : 1;
  }
  return a.length - b.length;
}

function commonPrefix(a: FieldPath, b: FieldPath): FieldPath {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n === a.length ? a : a.slice(0, n);
}

/** Per message id: how many were reported, the severity, and the shared path of those beyond the cap. */
interface Tally {
  count: number;
  severity: Severity;
  aksErrorCode: string | undefined;
  overflowPath?: FieldPath;
}

/**
 * Runs one rule over its inputs. A throw becomes a single `internal-error`
 * finding; each message is kept at most `MAX_FINDINGS_PER_MESSAGE` times and
 * the rest are counted in one `truncated` finding (their text is never built).
 */
export const runRule = guardArgs(
  "runRule",
  [
    {
      name: "rule",
      want: { meta: { id: "text", messages: "object" }, check: "function" },
      words: "a rule (defineRule)",
    },
    { name: "inputs", want: "object", words: "the rule inputs" },
  ],
  function runRule<I extends object>(rule: Rule<string, I>, inputs: I): Finding[] {
    const out: Finding[] = [];
    const tallies = new Map<string, Tally>();
    try {
      rule.check({
        ...inputs,
        report: (r) => {
          let t = tallies.get(r.messageId);
          if (t === undefined || t.count < MAX_FINDINGS_PER_MESSAGE) {
            const f = toFinding(rule.meta, r);
            out.push(f);
            if (t === undefined)
              tallies.set(r.messageId, (t = { count: 0, severity: f.severity, aksErrorCode: f.aksErrorCode }));
            t.count++;
            return;
          }
          t.count++;
          t.overflowPath = t.overflowPath === undefined ? r.path : commonPrefix(t.overflowPath, r.path);
        },
      });
    } catch (e) {
      return [internalErrorFinding(rule.meta.id, e)];
    }
    for (const [messageId, t] of tallies) {
      if (t.overflowPath === undefined) continue;
      const more = t.count - MAX_FINDINGS_PER_MESSAGE;
      out.push(
        truncatedFinding(
          rule.meta.id,
          messageId,
          t.severity,
          MAX_FINDINGS_PER_MESSAGE,
          more,
          t.overflowPath,
          t.aksErrorCode,
        ),
      );
    }
    return out;
  },
);

/** Runs rules over one set of inputs: every rule's findings, errors first. */
export const runRules = guardArgs(
  "runRules",
  [
    { name: "rules", want: [{ meta: "object", check: "function" }], words: "a list of rules (defineRule)" },
    { name: "inputs", want: "object", words: "the rule inputs" },
  ],
  function runRules<I extends object>(rules: readonly Rule<string, I>[], inputs: I): Finding[] {
    return rules.flatMap((r) => runRule(r, inputs)).sort(compareFindings);
  },
);

/**
 * Validates a plan: every rule's findings, errors first. Takes a plan as
 * written (checked against the schema here: problems come back as
 * `plan-schema` findings), a parsed plan, or a resolved one. Never throws.
 */
export function validate(plan: PlanInput | Plan | ResolvedPlan, options: ValidateOptions = {}): Finding[] {
  let resolved: ResolvedPlan;
  if (typeof plan === "object" && plan !== null && isResolvedPlan(plan as Plan | ResolvedPlan)) {
    resolved = plan as ResolvedPlan;
  } else {
    const parsed = parsePlan(plan);
    if (!parsed.plan) return parsed.problems.map(schemaFinding);
    try {
      resolved = resolvePlan(parsed.plan);
    } catch (e) {
      return [internalErrorFinding("resolve-plan", e)];
    }
  }
  // Options from JavaScript that are not an object are no options.
  const rules = (options as ValidateOptions | null)?.rules;
  const asOf = (options as ValidateOptions | null)?.asOf;
  return runPlanRules(Array.isArray(rules) ? rules : RULES, resolved, isDay(asOf) ? asOf : undefined).sort(
    compareFindings,
  );
}

/**
 * Runs plan rules in two passes around the run's one free-space search: the
 * first pass records which ranges the fixes need, the search places them all,
 * and the rules that asked run again to name them. Findings in rule order.
 */
export function runPlanRules(rules: readonly Rule[], plan: ResolvedPlan, asOf?: string): Finding[] {
  const fixes = new FixSpace(plan);
  const inputs: PlanInputs = { plan, fixes, ...(asOf === undefined ? {} : { asOf }) };
  const first = rules.map((rule) => {
    fixes.asked = false;
    const found = runRule(rule, inputs);
    return { rule, found, asked: fixes.asked };
  });
  fixes.settle();
  return first.flatMap(({ rule, found, asked }) => (asked ? runRule(rule, inputs) : found));
}

/** Whether a value is a calendar day written YYYY-MM-DD (a value from JavaScript may be anything). */
export function isDay(v: unknown): v is string {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Counts findings by severity. */
export function summarize(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of Array.isArray(findings) ? (findings as readonly Partial<Finding>[]) : []) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
