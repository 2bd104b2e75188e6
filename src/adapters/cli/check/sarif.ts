/**
 * `aksnet check -o sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html)
 * with one result per finding pointing at the line and column in the plan
 * file, so CI can annotate a pull request.
 */
import { pathText, RULES, type RuleMeta } from "../../../engines/validate/index.js";
import { renderJson } from "../output/json.js";
import type { Formatter } from "../output/formats.js";
import type { CheckReport, CheckView, LocatedFinding } from "./report.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export function renderSarif(r: CheckReport): string {
  return sarifDocument(
    r.findings,
    RULES.map((x) => x.meta),
  );
}

/** A SARIF document of located findings; `metas` describe the rules they come from (inspect adds its drift rules). */
export function sarifDocument(findings: readonly LocatedFinding[], metas: readonly RuleMeta[]): string {
  const used = [...new Set(findings.map((f) => f.ruleId))];
  const meta = new Map(metas.map((m) => [m.id, m]));
  const rules = used.map((id) => {
    const m = meta.get(id);
    return {
      id,
      shortDescription: {
        text:
          m?.description ??
          (id === "plan-schema" ? "The plan must match the plan schema." : "A rule failed while checking the plan."),
      },
      help: { text: `See docs/rules/${id}.md in the aksnet package.` },
      defaultConfiguration: { level: LEVEL[m?.severity ?? "error"] },
    };
  });
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: used.indexOf(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: `${f.message} Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.file.replace(/\\/g, "/") },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
        logicalLocations: f.path.length > 0 ? [{ fullyQualifiedName: pathText(f) }] : [],
      },
    ],
    properties: {
      path: pathText(f),
      pathKeys: f.path,
      ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}),
      data: f.data,
    },
  }));
  return renderJson({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "aksnet", rules } }, results }],
  });
}

const checkSarif: Formatter<CheckView> = (v) => renderSarif(v.report);
export default checkSarif;
