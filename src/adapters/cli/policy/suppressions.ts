/**
 * Inline suppression in plan files (YAML comments; JSON has none: use the
 * config's overrides or a baseline there):
 *
 * ```yaml
 *     maxPods: 250 # aksnet-ignore max-pods-invalid -- approved by the platform team, ticket 42
 *     # aksnet-ignore subnet-too-small, pool-exceeds-subnet -- this pool never scales out
 *     subnet: aks-small
 * # aksnet-ignore-file retirement-kubenet -- migrating in Q3 (docs/migrate.md)
 * ```
 *
 * `aksnet-ignore` covers the findings on its own line (after content) or on the
 * next line that is not blank or a comment; `aksnet-ignore-file` the whole file.
 * The reason after `--` is required: a comment without one, or naming no known
 * rule, suppresses nothing and is itself a `suppression-invalid` finding.
 */
import { defineRule, toFinding, type Finding, type Rule } from "../../../engines/validate/index.js";

export interface InlineSuppression {
  readonly file: string;
  /** The line whose findings it covers; undefined: the whole file. */
  readonly line: number | undefined;
  /** The line of the comment itself. */
  readonly commentLine: number;
  readonly rules: readonly string[];
  readonly reason: string;
}

export const SUPPRESSION_RULE: Rule = defineRule({
  meta: {
    id: "suppression-invalid",
    family: "internal",
    severity: "error",
    description:
      "An `# aksnet-ignore RULE -- REASON` comment in a plan file must name known rules and give a reason after " +
      "`--`; one that does not suppresses nothing (docs/ci.md).",
    messages: {
      noReason: {
        message: "The aksnet-ignore comment for {rules} gives no reason, so it suppresses nothing.",
        fix: "Write the reason after two dashes: # aksnet-ignore {rules} -- why this finding is accepted.",
      },
      noRule: {
        message: "The aksnet-ignore comment names no rule, so it suppresses nothing.",
        fix: "Name the rule ids to suppress: # aksnet-ignore RULE-ID -- why (the ids are in docs/rules/README.md).",
      },
      unknownRule: {
        message: 'The aksnet-ignore comment names "{rule}", which is not a rule.',
        fix: "Use a rule id from docs/rules/README.md (the finding's ruleId), or remove the comment.",
      },
    },
    sources: ["aksnet: docs/ci.md (inline suppression)"],
    checked: "2026-12-06",
    file: "src/adapters/cli/policy/suppressions.ts",
  },
  check: () => undefined,
});

const DIRECTIVE = /#\s*aksnet-ignore(-file)?(?=\s|$)(.*)$/;

/** A suppression problem: a finding of `suppression-invalid` at the comment's line. */
export interface SuppressionProblem {
  readonly finding: Finding;
  readonly line: number;
  readonly column: number;
}

/**
 * Reads the directives of one file's text. A `#` inside a quoted string is not
 * told apart from a comment: a directive there is still a directive.
 */
export function parseSuppressions(
  text: string,
  file: string,
  knownRules: ReadonlySet<string>,
): { suppressions: InlineSuppression[]; problems: SuppressionProblem[] } {
  const suppressions: InlineSuppression[] = [];
  const problems: SuppressionProblem[] = [];
  const lines = text.split(/\r?\n/);
  // Cheap exit: most files have no directive.
  if (!text.includes("aksnet-ignore")) return { suppressions, problems };
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!;
    const m = DIRECTIVE.exec(lineText);
    if (!m) continue;
    const commentLine = i + 1;
    const column = m.index + 1;
    const problem = (messageId: "noReason" | "noRule" | "unknownRule", data: Record<string, string>) =>
      problems.push({
        finding: toFinding(SUPPRESSION_RULE.meta, { messageId, path: [], data }),
        line: commentLine,
        column,
      });
    const body = m[2]!;
    const dash = body.indexOf("--");
    const ruleText = dash < 0 ? body : body.slice(0, dash);
    const reason = dash < 0 ? "" : body.slice(dash + 2).trim();
    const rules = ruleText
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    if (rules.length === 0) {
      problem("noRule", {});
      continue;
    }
    const unknown = rules.find((r) => !knownRules.has(r));
    if (unknown !== undefined) {
      problem("unknownRule", { rule: unknown });
      continue;
    }
    if (reason === "") {
      problem("noReason", { rules: rules.join(", ") });
      continue;
    }
    let line: number | undefined;
    if (m[1] === undefined) {
      const before = lineText.slice(0, m.index).trim();
      if (before !== "") line = commentLine;
      else {
        let j = i + 1;
        while (j < lines.length && /^\s*(#.*)?$/.test(lines[j]!)) j++;
        line = j + 1;
      }
    }
    suppressions.push({ file, line, commentLine, rules, reason });
  }
  return { suppressions, problems };
}
