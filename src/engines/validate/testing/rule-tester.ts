/**
 * The rule tester: runs a rule over a table of valid and invalid plans and
 * checks the exact message, path and severity of each finding. It refuses
 * tables without valid or invalid cases, expectations naming unknown message
 * ids, messages or fixes with unfilled placeholders, empty fixes, and rules
 * whose message ids are not all exercised.
 */
import { describe, expect, it } from "vitest";
import { formatPath, type FieldPath, type PlanInput } from "../../plan/index.js";
import { toFinding, type MessageSpec, type Report, type Rule, type Severity } from "../rule.js";
import { FixSpace } from "../fix-space.js";
import { resolved, type Draft } from "./plans.js";

export interface ValidCase {
  readonly name: string;
  readonly plan: PlanInput | Draft;
  /** The day date-dependent rules judge the plan on (YYYY-MM-DD); absent as in the library's default. */
  readonly asOf?: string;
}

export interface ExpectedFinding {
  readonly messageId: string;
  /** The path as text, e.g. `nodePools[1].maxPods`. */
  readonly path: string;
  /** The exact message. */
  readonly message: string;
  /** Checked when given (defaults to the rule's severity). */
  readonly severity?: Severity;
  /** A substring the fix must contain (e.g. the suggested value). */
  readonly fixIncludes?: string;
}

export interface InvalidCase {
  readonly name: string;
  readonly plan: PlanInput | Draft;
  readonly asOf?: string;
  readonly findings: readonly ExpectedFinding[];
}

/** The rule's reports on the plan, with the two passes of the runner (so suggested ranges are filled in). */
function reportsOf(rule: Rule, plan: PlanInput | Draft, asOf?: string): Report[] {
  let out: Report[] = [];
  const r = resolved(plan);
  const fixes = new FixSpace(r);
  const day = asOf === undefined ? {} : { asOf };
  rule.check({ plan: r, fixes, ...day, report: (x) => out.push(x) });
  fixes.settle();
  out = [];
  rule.check({ plan: r, fixes, ...day, report: (x) => out.push(x) });
  return out;
}

/** Reports whether `path` walks the plan as written through mappings and lists (a left-out tail is fine). */
function leadsIntoPlan(plan: unknown, path: FieldPath): boolean {
  let v: unknown = plan;
  for (const k of path) {
    if (v === undefined) return true;
    if (v === null || typeof v !== "object" || Array.isArray(v) !== (typeof k === "number")) return false;
    v = (v as Record<string | number, unknown>)[k];
  }
  return true;
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const { meta } = rule;
  describe(meta.id, () => {
    it("has a table with valid and invalid cases covering every message id", () => {
      expect(cases.valid.length, "no valid cases").toBeGreaterThan(0);
      expect(cases.invalid.length, "no invalid cases").toBeGreaterThan(0);
      const used = new Set(cases.invalid.flatMap((c) => c.findings.map((f) => f.messageId)));
      for (const id of used) expect(Object.keys(meta.messages), `unknown message id "${id}"`).toContain(id);
      for (const [id, m] of Object.entries<MessageSpec>(meta.messages)) {
        expect(used.has(id), `message id "${id}" has no invalid case`).toBe(true);
        expect(m.fix.trim(), `message id "${id}" has no fix hint`).toBeTruthy();
      }
    });

    it.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
      expect(reportsOf(rule, c.plan, c.asOf).map((r) => toFinding(meta, r))).toEqual([]);
    });

    it.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
      const reports = reportsOf(rule, c.plan, c.asOf);
      const got = reports.map((r) => {
        const f = toFinding(meta, r);
        expect(f.message, "unfilled placeholder in message").not.toMatch(/\{\w+\}/);
        expect(f.fix, "unfilled placeholder in fix").not.toMatch(/\{\w+\}/);
        expect(f.fix.trim(), "empty fix").not.toBe("");
        expect(leadsIntoPlan(c.plan, f.path), `path ${formatPath(f.path)} does not lead into the plan`).toBe(true);
        return {
          messageId: r.messageId,
          path: formatPath(f.path),
          message: f.message,
          severity: f.severity,
          fix: f.fix,
        };
      });
      expect(got.map(({ messageId, path, message }) => ({ messageId, path, message }))).toEqual(
        c.findings.map(({ messageId, path, message }) => ({ messageId, path, message })),
      );
      c.findings.forEach((e, i) => {
        const spec = (meta.messages as Readonly<Record<string, MessageSpec>>)[e.messageId];
        expect(got[i]!.severity).toBe(e.severity ?? spec?.severity ?? meta.severity);
        if (e.fixIncludes !== undefined) expect(got[i]!.fix).toContain(e.fixIncludes);
      });
    });
  });
}
