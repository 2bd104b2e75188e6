/** Loaded files → the check report: resolve, validate, locate every finding. */
import { resolvePlan } from "../../../engines/plan/index.js";
import { summarize, validate } from "../../../engines/validate/index.js";
import type { LoadedPlan } from "../../importers/index.js";
import { schemaFindings, type CheckReport, type LocatedFinding } from "./report.js";

/** `asOf` (YYYY-MM-DD): the day the Kubernetes support calendar is read on; absent, the version is not judged. */
export function buildReport(loaded: LoadedPlan, asOf?: string): CheckReport {
  const files = loaded.formats.map((format, i) => ({ file: loaded.fileNames[i] ?? "", format }));
  if (!loaded.plan) {
    const findings = schemaFindings(loaded);
    return {
      files,
      findings,
      suppressed: [],
      summary: { ...summarize(findings), suppressed: 0 },
      assumptions: [],
      notes: loaded.notes,
    };
  }
  const resolved = resolvePlan(loaded.plan);
  const findings: LocatedFinding[] = validate(resolved, asOf === undefined ? {} : { asOf }).map((f) => ({
    ...f,
    location: loaded.locate(f.path),
  }));
  return {
    files,
    findings,
    suppressed: [],
    summary: { ...summarize(findings), suppressed: 0 },
    resolved,
    assumptions: resolved.assumptions,
    notes: loaded.notes,
  };
}
