/**
 * `aksnet inspect -o sarif`: the findings about the configuration (`--plan`, `--aks-json`) as SARIF 2.1.0,
 * each at the line of the configuration file it is about: the drift rules' findings (the configuration
 * against the running cluster) and `aksnet check`'s findings at the cluster's node counts. Without a
 * configuration there is nothing to locate: the document has no results.
 */
import { DRIFT_RULES } from "../../../engines/inspect/index.js";
import { RULES } from "../../../engines/validate/index.js";
import { sarifDocument } from "../check/sarif.js";
import type { Formatter } from "../output/formats.js";
import type { InspectView } from "./view.js";

const inspectSarif: Formatter<InspectView> = (v) => {
  const c = v.report.configured;
  const locate = v.locate;
  const findings = c && locate ? [...c.drift, ...c.findings].map((f) => ({ ...f, location: locate(f.path) })) : [];
  return sarifDocument(
    findings,
    [...RULES, ...DRIFT_RULES].map((r) => r.meta),
  );
};
export default inspectSarif;
