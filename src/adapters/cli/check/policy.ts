/**
 * The project's policy applied to a check report: the config file's rule
 * levels, inline `# aksnet-ignore` comments, the baseline; and the --fail-on
 * level (the flag, else the config's failOn, else error).
 */
import { resolve } from "node:path";
import { compareFindings, RULES, summarize } from "../../../engines/validate/index.js";
import { PLAN_SCHEMA_META, INTERNAL_ERROR_META } from "../../../engines/validate/index.js";
import type { PlanFile } from "../../importers/index.js";
// The policy's parts one by one, not its index: the config parser and the glob matcher load only when needed.
import type { SuppressedFinding } from "../policy/apply.js";
import { readBaseline } from "../policy/baseline.js";
import type { FailOn } from "../policy/levels.js";
import { findConfig, loadConfig } from "../policy/load-config.js";
import { parseSuppressions, SUPPRESSION_RULE } from "../policy/suppressions.js";
import type { CheckReport, LocatedFinding } from "./report.js";

/** The rule ids check reports: its rules and the runner's own findings. */
export const CHECK_RULE_IDS: ReadonlySet<string> = new Set([
  ...RULES.map((r) => r.meta.id),
  PLAN_SCHEMA_META.id,
  INTERNAL_ERROR_META.id,
  SUPPRESSION_RULE.meta.id,
]);

/**
 * The rule ids a project config may name: one config serves every command, so check accepts the fleet's,
 * inspect's and scan's rules too (it applies none of them). Those load only when there is a config to read.
 */
export async function configRuleIds(): Promise<ReadonlySet<string>> {
  const { otherCommandsRuleIds } = await import("./config-rule-ids.js");
  return new Set([...CHECK_RULE_IDS, ...otherCommandsRuleIds()]);
}

export interface PolicyFlags {
  /** --config FILE, false for --no-config, undefined: look for one. */
  readonly config: string | false | undefined;
  readonly baseline: string | undefined;
  readonly failOn: FailOn | undefined;
  readonly cwd: string;
}

export async function withPolicy(
  report: CheckReport,
  sources: readonly PlanFile[],
  flags: PolicyFlags,
): Promise<{ report: CheckReport; failOn: FailOn }> {
  const hasConfig = flags.config !== false && (flags.config !== undefined || findConfig(flags.cwd) !== undefined);
  const config = hasConfig ? await loadConfig(flags.config || undefined, flags.cwd, await configRuleIds()) : undefined;
  const baselineFile =
    flags.baseline ?? (config?.config.baseline !== undefined ? resolve(config.dir, config.config.baseline) : undefined);
  const baseline = baselineFile !== undefined ? await readBaseline(baselineFile, flags.cwd) : undefined;
  const parsed = sources.map((s) => parseSuppressions(s.text, s.fileName, CHECK_RULE_IDS));
  const problems: LocatedFinding[] = parsed.flatMap((p, i) =>
    p.problems.map((x) => ({
      ...x.finding,
      location: { file: sources[i]!.fileName, line: x.line, column: x.column },
    })),
  );
  const suppressions = parsed.flatMap((p) => p.suppressions);
  const all = [...report.findings, ...problems];
  // Without a config, a baseline or a suppression there is nothing to apply (applyPolicy would keep every finding).
  const { findings, suppressed } =
    config || baseline || suppressions.length > 0
      ? (await import("../policy/apply.js")).applyPolicy(all, {
          ...(config ? { config } : {}),
          suppressions,
          ...(baseline ? { baseline } : {}),
          cwd: flags.cwd,
        })
      : { findings: all, suppressed: [] as SuppressedFinding<LocatedFinding>[] };
  findings.sort(compareFindings);
  return {
    report: {
      ...report,
      findings,
      suppressed,
      summary: { ...summarize(findings), suppressed: suppressed.length },
    },
    failOn: flags.failOn ?? config?.config.failOn ?? "error",
  };
}
