/**
 * Applies a project's policy to a run's located findings, in this order:
 * the config's rule levels (off drops a finding; a level changes its severity),
 * then inline suppressions, then the baseline. Suppressed findings are kept
 * apart with why, so JSON lists them and SARIF marks them suppressed.
 */
import { isAbsolute, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { pathText, type Finding, type Severity } from "../../../engines/validate/index.js";
import type { Location } from "../../importers/index.js";
import type { LoadedConfig } from "./load-config.js";
import { fingerprint, type Baseline } from "./baseline.js";
import type { InlineSuppression } from "./suppressions.js";
import { severityOf } from "./levels.js";

export interface Suppression {
  /** SARIF's kinds: `inSource` (a comment in the plan), `external` (the baseline). */
  readonly kind: "inSource" | "external";
  readonly reason: string;
  /** Where: `FILE:LINE` of the comment, the baseline file, or the config file (its `suppressions`). */
  readonly by: string;
  /** An external suppression from the config file's `suppressions` (inspect, scan); else the baseline. */
  readonly from?: "config";
}

type Located = Finding & { readonly location: Location };

export type SuppressedFinding<F extends Located = Located> = F & { readonly suppression: Suppression };

export interface Policy {
  readonly config?: LoadedConfig;
  readonly suppressions?: readonly InlineSuppression[];
  readonly baseline?: Baseline;
  /** The working directory: file names are made relative to it. */
  readonly cwd: string;
}

/** A finding's file as the run names it: relative to the working directory, forward slashes. */
export function runFile(file: string, cwd: string): string {
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(cwd, abs);
  return (rel.startsWith("..") || isAbsolute(rel) ? abs : rel).replace(/\\/g, "/");
}

/** The config's level for a rule in a file: the last matching override, else `rules`, else unchanged. */
function levelFor(config: LoadedConfig, ruleId: string, file: string, cwd: string): Severity | "off" | undefined {
  let level = config.config.rules?.[ruleId];
  const fromConfigDir = relative(config.dir, resolve(cwd, file)).replace(/\\/g, "/");
  for (const o of config.config.overrides ?? []) {
    const l = o.rules[ruleId];
    if (l !== undefined && o.files !== undefined && picomatch(o.files, { dot: true })(fromConfigDir)) level = l;
  }
  if (level === undefined || level === "off") return level;
  return severityOf(level);
}

export function applyPolicy<F extends Located>(
  findings: readonly F[],
  policy: Policy,
): { findings: F[]; suppressed: SuppressedFinding<F>[] } {
  const active: F[] = [];
  const suppressed: SuppressedFinding<F>[] = [];
  const remaining = policy.baseline ? new Map(policy.baseline.counts) : undefined;
  for (const original of findings) {
    let f = original;
    const file = runFile(f.location.file, policy.cwd);
    if (policy.config) {
      const level = levelFor(policy.config, f.ruleId, file, policy.cwd);
      if (level === "off") continue;
      if (level !== undefined && level !== f.severity) f = { ...f, severity: level };
    }
    const inline = policy.suppressions?.find(
      (s) =>
        runFile(s.file, policy.cwd) === file &&
        (s.line === undefined || s.line === f.location.line) &&
        s.rules.includes(f.ruleId),
    );
    if (inline) {
      suppressed.push({
        ...f,
        suppression: {
          kind: "inSource",
          reason: inline.reason,
          by: `${runFile(inline.file, policy.cwd)}:${inline.commentLine}`,
        },
      });
      continue;
    }
    if (remaining && policy.baseline) {
      const fp = fingerprint({ ruleId: f.ruleId, messageId: f.messageId, file, path: pathText(f) });
      const left = remaining.get(fp) ?? 0;
      if (left > 0) {
        remaining.set(fp, left - 1);
        suppressed.push({
          ...f,
          suppression: { kind: "external", reason: "already in the baseline", by: policy.baseline.file },
        });
        continue;
      }
    }
    active.push(f);
  }
  return { findings: active, suppressed };
}
