/**
 * The project's policy for `aksnet inspect` and `aksnet scan`: the config file (found as for check, or
 * `--config`, or none with `--no-config`), the baseline (`--baseline`, else the config's `baseline`) and the
 * `--fail-on` level (the flag, else the config's failOn, else error). docs/ci.md.
 */
import { resolve } from "node:path";
import type { Suppression } from "./apply.js";
import { readBaseline, type BaselineKind } from "./baseline.js";
import type { FailOn } from "./levels.js";
import { findConfig, loadConfig } from "./load-config.js";
import type { PolicyFlags } from "./project.js";
import { resourceBaselineFingerprints } from "./resource-findings.js";
import { applyResourcePolicy, type ResourceFinding, type ResourcePolicyResult } from "./resources.js";

export async function resourceProjectPolicy(
  all: readonly ResourceFinding[],
  flags: PolicyFlags,
  /** The rule ids a config may name; read only when there is a config. */
  knownRules: () => Promise<ReadonlySet<string>>,
  command: "aksnet scan" | "aksnet inspect",
  inline?: (f: ResourceFinding) => Suppression | undefined,
): Promise<ResourcePolicyResult & { readonly failOn: FailOn }> {
  const hasConfig = flags.config !== false && (flags.config !== undefined || findConfig(flags.cwd) !== undefined);
  const config = hasConfig ? await loadConfig(flags.config || undefined, flags.cwd, await knownRules()) : undefined;
  const baselineFile =
    flags.baseline ?? (config?.config.baseline !== undefined ? resolve(config.dir, config.config.baseline) : undefined);
  const kind: BaselineKind = { command, fingerprints: resourceBaselineFingerprints };
  const baseline = baselineFile !== undefined ? await readBaseline(baselineFile, flags.cwd, kind) : undefined;
  const failOn = flags.failOn ?? config?.config.failOn ?? "error";
  return { ...applyResourcePolicy(all, { config, baseline, inline }), failOn };
}
