/**
 * `--fail-on error|warning|note|never`: the lowest severity that makes a checking
 * command exit 1. Every command that writes SARIF takes it (a test walks the
 * command registry); the default is the project config's `failOn`, else `error`.
 */
import { Option } from "commander";
import { UsageError } from "../errors.js";
import { FAIL_ON_LEVELS, type FailOn } from "./levels.js";

export function parseFailOn(v: unknown, flag = "--fail-on"): FailOn {
  const text = String(v).trim().toLowerCase();
  const level = text === "info" ? "note" : text;
  if ((FAIL_ON_LEVELS as readonly string[]).includes(level)) return level as FailOn;
  throw new UsageError(
    `${flag} ${JSON.stringify(String(v))} is not a level; use error (the default), warning, note or never`,
  );
}

/** The option, for a command's `configure`. Absent means: the config's `failOn`, else error. */
export function failOnOption(extra = ""): Option {
  return new Option(
    "--fail-on <level>",
    `exit 1 when a finding is at this level or above: error (default), warning, note or never${extra}`,
  ).argParser((v) => parseFailOn(v));
}
