/**
 * The findings the runner itself reports, not a rule: a rule that crashed
 * (`internal-error`), a plan that fails the schema (`plan-schema`), and the
 * count of a message's findings beyond the per-run cap (`truncated`).
 */
import type { FieldPath, SchemaProblem } from "../plan/index.js";
import { docsUrlOf, toFinding, type Finding, type RuleMeta, type Severity } from "./rule.js";
import { guardArgs } from "../../ip/index.js";

/** The pseudo-rule a crashing rule is reported as. */
export const INTERNAL_ERROR_META: RuleMeta<"failed"> = {
  id: "internal-error",
  family: "internal",
  severity: "error",
  description:
    "A rule failed while checking the plan; the other rules still ran. This is a bug in aksnet, not in the plan.",
  messages: {
    failed: {
      message: "Rule {rule} failed on this plan ({reason}); its check did not run.",
      fix: "This is a bug in aksnet, not in the plan: please report it with the plan attached.",
    },
  },
  sources: ["aksnet: src/engines/validate/validate.ts"],
  checked: "2026-11-22",
  file: "src/engines/validate/validate.ts",
};

/** The pseudo-rule schema problems are reported as. */
export const PLAN_SCHEMA_META: RuleMeta<"schema"> = {
  id: "plan-schema",
  family: "allowed-values",
  severity: "error",
  description:
    "The plan file must match the plan schema (schema/aksnet-plan.schema.json): known fields, allowed values, the " +
    "right types. Reported with the file, line and column.",
  messages: {
    schema: {
      message: "{field}: {expected}.",
      fix: "Correct the field to match the plan schema (schema/aksnet-plan.schema.json).",
    },
  },
  sources: ["aksnet: src/engines/schema/schema.ts"],
  checked: "2026-11-22",
  file: "src/engines/schema/schema.ts",
};

/** A rule reports each of its messages at most this many times per run; the rest are counted in one finding. */
export const MAX_FINDINGS_PER_MESSAGE = 20;

/** The message of the finding that counts the findings beyond the cap (any rule may report it). */
export const TRUNCATED = {
  messageId: "truncated",
  message: "{more} more findings of this rule with message {of} are not listed (the first {shown} are).",
  fix: "Fix the listed ones and run the check again to see the rest.",
} as const;

export function internalErrorFinding(ruleId: string, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return toFinding(INTERNAL_ERROR_META, { messageId: "failed", path: [], data: { rule: ruleId, reason } });
}

/** A schema problem as a finding at the problem's field. */
export const schemaFinding = guardArgs(
  "schemaFinding",
  [{ name: "problem", want: { path: "list", message: "text" }, words: "a schema problem (parsePlan(v).problems[i])" }],
  function schemaFinding(p: SchemaProblem): Finding {
    return toFinding(PLAN_SCHEMA_META, {
      messageId: "schema",
      path: p.path,
      data: { field: p.pathText || "The document", expected: p.message },
    });
  },
);

/** The finding that stands for `more` findings of one message beyond the cap; its path is what their paths share. */
export function truncatedFinding(
  ruleId: string,
  of: string,
  severity: Severity,
  shown: number,
  more: number,
  path: FieldPath,
  aksErrorCode: string | undefined,
): Finding {
  const data = { more, of, shown };
  return {
    ruleId,
    messageId: TRUNCATED.messageId,
    severity,
    message: TRUNCATED.message.replace(/\{(\w+)\}/g, (_, k: keyof typeof data) => String(data[k])),
    path,
    fix: TRUNCATED.fix,
    data,
    ...(aksErrorCode ? { aksErrorCode } : {}),
    docsUrl: docsUrlOf(ruleId),
  };
}
