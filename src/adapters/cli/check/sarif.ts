/**
 * `aksnet check -o sarif`: SARIF 2.1.0 with one result per finding pointing at the line and column
 * in the plan file, so CI can annotate a pull request; suppressed findings are results with
 * `suppressions` (output/sarif.ts has the shared shape).
 */
import { pathText, RULES, type RuleMeta } from "../../../engines/validate/index.js";
import type { Formatter } from "../output/formats.js";
import { artifactLocation, sarifLog, sarifRule } from "../output/sarif.js";
import { fingerprint } from "../policy/baseline.js";
import type { SuppressedFinding } from "../policy/apply.js";
import { SUPPRESSION_RULE } from "../policy/suppressions.js";
import type { CheckReport, CheckView, LocatedFinding } from "./report.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export function renderSarif(r: CheckReport): string {
  return sarifDocument(r.findings, [...RULES.map((x) => x.meta), SUPPRESSION_RULE.meta], r.suppressed);
}

function docsOf(id: string): string {
  return id === SUPPRESSION_RULE.meta.id ? "docs/ci.md" : `docs/rules/${id}.md`;
}

/**
 * A SARIF document of located findings; `metas` describe the rules they come from (inspect adds
 * its drift rules); `suppressed` are listed too, marked suppressed.
 */
export function sarifDocument(
  findings: readonly LocatedFinding[],
  metas: readonly RuleMeta[],
  suppressed: readonly SuppressedFinding<LocatedFinding>[] = [],
): string {
  const all: (LocatedFinding | SuppressedFinding<LocatedFinding>)[] = [...findings, ...suppressed];
  const used = [...new Set(all.map((f) => f.ruleId))];
  const meta = new Map(metas.map((m) => [m.id, m]));
  const rules = used.map((id) => {
    const m = meta.get(id);
    return sarifRule({
      id,
      description:
        m?.description ??
        (id === "plan-schema" ? "The plan must match the plan schema." : "A rule failed while checking the plan."),
      level: LEVEL[m?.severity ?? "error"],
      docs: docsOf(id),
    });
  });
  const results = all.map((f) => {
    const s = "suppression" in f ? f.suppression : undefined;
    const stdin = f.location.file === "<stdin>";
    return {
      ruleId: f.ruleId,
      ruleIndex: used.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: `${f.message} Fix: ${f.fix}` },
      locations: [
        {
          ...(stdin
            ? {}
            : {
                physicalLocation: {
                  artifactLocation: artifactLocation(f.location.file),
                  region: { startLine: f.location.line, startColumn: f.location.column },
                },
              }),
          logicalLocations: f.path.length > 0 ? [{ fullyQualifiedName: pathText(f) }] : [],
        },
      ],
      partialFingerprints: {
        "aksnet/v1": fingerprint({
          ruleId: f.ruleId,
          messageId: f.messageId,
          file: f.location.file,
          path: pathText(f),
        }),
      },
      ...(s
        ? {
            suppressions: [
              {
                kind: s.kind,
                status: "accepted",
                justification: s.reason,
                ...(s.kind === "inSource" ? {} : { properties: { baseline: s.by } }),
              },
            ],
          }
        : {}),
      properties: {
        messageId: f.messageId,
        path: pathText(f),
        pathKeys: f.path,
        ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}),
        data: f.data,
      },
    };
  });
  return sarifLog(rules, results);
}

const checkSarif: Formatter<CheckView> = (v) => renderSarif(v.report);
export default checkSarif;
