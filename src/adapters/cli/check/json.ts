/** `aksnet check -o json`: the public JSON contract, documented field by field in docs/check.md. */
import { formatPath } from "../../../engines/plan/index.js";
import { pathText } from "../../../engines/validate/index.js";
import { resolvedForOutput, type CheckView, type LocatedFinding } from "./report.js";

function findingJson(f: LocatedFinding) {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    path: pathText(f),
    pathKeys: f.path,
    fix: f.fix,
    ...(f.edits ? { edits: f.edits.map((e) => ({ path: formatPath(e.path), pathKeys: e.path, value: e.value })) } : {}),
    ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}),
    location: f.location,
    data: f.data,
    docsUrl: f.docsUrl,
  };
}

export function checkJson({ report: r, showResolved }: CheckView): unknown {
  return {
    files: r.files,
    ...(r.resolved ? { model: r.resolved.model, dataplane: r.resolved.dataplane } : {}),
    findings: r.findings.map(findingJson),
    suppressed: r.suppressed.map((f) => ({ ...findingJson(f), suppression: f.suppression })),
    summary: r.summary,
    assumptions: r.assumptions,
    notes: r.notes,
    ...(showResolved && r.resolved ? { resolved: resolvedForOutput(r.resolved) } : {}),
  };
}
