/**
 * The levels of `--fail-on` and of the project config: SARIF's words (error,
 * warning, note), where aksnet's findings say `info` for note.
 */
import type { Severity } from "../../../engines/validate/index.js";

export const FAIL_ON_LEVELS = ["error", "warning", "note", "never"] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const FAIL_RANK: Record<FailOn, number> = { error: 0, warning: 1, note: 2, never: -1 };

/** Whether a finding of `severity` makes a run with `--fail-on failOn` exit 1. */
export function failsAt(failOn: FailOn, severity: Severity): boolean {
  return RANK[severity] <= FAIL_RANK[failOn];
}

/** A config or flag level as a finding severity (`note` and `info` are the same). */
export function severityOf(level: "error" | "warning" | "note" | "info"): Severity {
  return level === "note" ? "info" : level;
}
