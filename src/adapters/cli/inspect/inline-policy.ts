/**
 * `# aksnet-ignore RULE -- REASON` comments in the configuration file inspect reads (`--plan`, `--aks-json`
 * has no comments), applied as `aksnet check` applies them: a comment covers the findings located on its own
 * line (after content) or on the next line that is not blank or a comment, `aksnet-ignore-file` the whole file,
 * and a comment without a reason or a known rule suppresses nothing and is itself a `suppression-invalid`
 * finding at its line. The findings located in the file are the drift and check findings (at their field) and
 * the headroom checks that do not fit (at `nodePools`, where SARIF puts them). docs/ci.md.
 */
import type { InspectReport } from "../../../engines/inspect/index.js";
import { pathText, type Finding } from "../../../engines/validate/index.js";
import type { Location } from "../../importers/index.js";
import { runFile, type Suppression } from "../policy/apply.js";
import { headroomKey, inspectResource } from "../policy/resource-findings.js";
import { resourceFingerprint, type ResourceFinding } from "../policy/resources.js";
import { parseSuppressions, type InlineSuppression } from "../policy/suppressions.js";
import { HEADROOM_PATH } from "./headroom-sarif.js";

export interface InlinePolicy {
  /** The report, with the bad comments' `suppression-invalid` findings added to `configured.findings`. */
  readonly report: InspectReport;
  /** The comment that suppresses a finding, once per comment-covered finding. */
  readonly suppress: (f: Pick<ResourceFinding, "ruleId" | "resource" | "key">) => Suppression | undefined;
  /** Where each added finding is (its comment's line), for SARIF. */
  readonly placedAt: ReadonlyMap<Finding, Location>;
}

/** The inline policy of the configuration files; undefined when none holds a directive. */
export async function inlinePolicy(
  report: InspectReport,
  files: readonly { readonly fileName: string; readonly text: string }[],
  locate: (path: readonly (string | number)[]) => Location,
  knownRules: () => Promise<ReadonlySet<string>>,
  cwd: string,
): Promise<InlinePolicy | undefined> {
  const configured = report.configured;
  if (!configured || !files.some((f) => f.text.includes("aksnet-ignore"))) return undefined;
  const rules = await knownRules();
  const parsed = files.map((f) => parseSuppressions(f.text, f.fileName, rules));
  const placedAt = new Map<Finding, Location>();
  parsed.forEach((p, i) => {
    for (const x of p.problems) placedAt.set(x.finding, { file: files[i]!.fileName, line: x.line, column: x.column });
  });
  const directives = parsed.flatMap((p) => p.suppressions);
  const covering = (at: Location, ruleId: string): Suppression | undefined => {
    const s = directives.find(
      (d) => d.file === at.file && (d.line === undefined || d.line === at.line) && d.rules.includes(ruleId),
    );
    return s ? inSource(s, cwd) : undefined;
  };
  const resource = inspectResource(report);
  const byFingerprint = new Map<string, Suppression[]>();
  const add = (ruleId: string, key: string, at: Location) => {
    const s = covering(at, ruleId);
    if (!s) return;
    const fp = resourceFingerprint({ ruleId, resource, key });
    byFingerprint.set(fp, [...(byFingerprint.get(fp) ?? []), s]);
  };
  for (const f of [...configured.drift, ...configured.findings]) add(f.ruleId, pathText(f), locate(f.path));
  for (const c of report.headroom.checks.filter((x) => !x.fits))
    add("inspect/headroom", headroomKey(c.name), locate(HEADROOM_PATH));
  return {
    report: { ...report, configured: { ...configured, findings: [...configured.findings, ...placedAt.keys()] } },
    suppress: (f) => byFingerprint.get(resourceFingerprint(f))?.shift(),
    placedAt,
  };
}

function inSource(s: InlineSuppression, cwd: string): Suppression {
  return { kind: "inSource", reason: s.reason, by: `${runFile(s.file, cwd)}:${s.commentLine}` };
}
