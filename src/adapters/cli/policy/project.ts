/**
 * The project's policy for any checking command whose findings are located in
 * input files (check, fleet check): the config file's rule levels per path,
 * inline `# aksnet-ignore` comments in those files, the baseline, and the
 * --fail-on level (the flag, else the config's failOn, else error). docs/ci.md.
 */
import { resolve } from "node:path";
import type { Finding } from "../../../engines/validate/index.js";
import type { Location } from "../../importers/index.js";
import type { SuppressedFinding } from "./apply.js";
import { readBaseline } from "./baseline.js";
import type { FailOn } from "./levels.js";
import { loadConfig } from "./load-config.js";
import { parseSuppressions } from "./suppressions.js";

export interface PolicyFlags {
  /** --config FILE, false for --no-config, undefined: look for one. */
  readonly config: string | false | undefined;
  readonly baseline: string | undefined;
  readonly failOn: FailOn | undefined;
  readonly cwd: string;
}

type Located = Finding & { readonly location: Location };

/** The policy flags of a command's options (`--config`, `--no-config`, `--baseline`, `--fail-on`). */
export function policyFlags(opts: Readonly<Record<string, unknown>>, cwd: string): PolicyFlags {
  return {
    config: opts["config"] as string | false | undefined,
    baseline: opts["baseline"] as string | undefined,
    failOn: opts["failOn"] as FailOn | undefined,
    cwd,
  };
}

/**
 * Applies the policy to `findings`. `sources` are the input files' texts (their
 * `# aksnet-ignore` comments); `knownRules` the rule ids a config may name.
 * A bad suppression comment is itself a `suppression-invalid` finding.
 */
export async function projectPolicy<F extends Located>(
  findings: readonly F[],
  sources: readonly { readonly fileName: string; readonly text: string }[],
  flags: PolicyFlags,
  knownRules: ReadonlySet<string>,
): Promise<{ findings: (F | Located)[]; suppressed: SuppressedFinding<F | Located>[]; failOn: FailOn }> {
  const config = flags.config === false ? undefined : await loadConfig(flags.config, flags.cwd, knownRules);
  const baselineFile =
    flags.baseline ?? (config?.config.baseline !== undefined ? resolve(config.dir, config.config.baseline) : undefined);
  const baseline = baselineFile !== undefined ? await readBaseline(baselineFile, flags.cwd) : undefined;
  const parsed = sources.map((s) => parseSuppressions(s.text, s.fileName, knownRules));
  const problems: Located[] = parsed.flatMap((p, i) =>
    p.problems.map((x) => ({ ...x.finding, location: { file: sources[i]!.fileName, line: x.line, column: x.column } })),
  );
  const suppressions = parsed.flatMap((p) => p.suppressions);
  const all: (F | Located)[] = [...findings, ...problems];
  const failOn = flags.failOn ?? config?.config.failOn ?? "error";
  // Without a config, a baseline or a suppression there is nothing to apply (applyPolicy would keep every finding).
  if (!config && !baseline && suppressions.length === 0) return { findings: all, suppressed: [], failOn };
  const { applyPolicy } = await import("./apply.js");
  const applied = applyPolicy(all, {
    ...(config ? { config } : {}),
    suppressions,
    ...(baseline ? { baseline } : {}),
    cwd: flags.cwd,
  });
  return { ...applied, failOn };
}
