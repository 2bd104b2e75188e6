/**
 * `aksnet inspect -o sarif`: the findings about the configuration (`--plan`, `--aks-json`) as SARIF 2.1.0,
 * each at the line of the configuration file it is about: the drift rules' findings (the configuration
 * against the running cluster) and `aksnet check`'s findings at the cluster's node counts. Without a
 * configuration there is nothing to locate: the document has no results. When the configuration is the
 * cluster's ARM record read from Azure, each result is located at the cluster's resource (its ARM address
 * and resource ID) and the field it is about. With --azure or --azure-from the scan's checks on the
 * cluster's subnets (upgrade, scale-out, shared subnets) follow, at the cluster's or pool's resource.
 * Before them, the headroom checks that do not fit (rule inspect/headroom: headroom-sarif.ts), with or without
 * a configuration.
 */
import { DRIFT_RULES, type AzureSide } from "../../../engines/inspect/index.js";
import { pathText, RULES, type Finding } from "../../../engines/validate/index.js";
import type { LocatedFinding } from "../check/report.js";
import { sarifDocument, type ResourceFinding, type SuppressedSarifFinding } from "../check/sarif.js";
import { inspectResource } from "../policy/resource-findings.js";
import { policyDecisions, resourceFingerprint } from "../policy/resources.js";
import type { Formatter } from "../output/formats.js";
import { scanSarifParts } from "../scan/sarif.js";
import { headroomSarifParts } from "./headroom-sarif.js";
import type { InspectView } from "./view.js";

const inspectSarif: Formatter<InspectView> = (v) => {
  const c = v.report.configured;
  const locate = v.locate;
  const all = c ? [...c.drift, ...c.findings] : [];
  const azure = v.report.azure;
  const self = inspectResource(v.report);
  const decide = v.policy ? policyDecisions(v.policy) : undefined;
  const identity = (f: Finding) => ({ ruleId: f.ruleId, resource: self, key: pathText(f) });
  // The configuration came from Azure (--azure, --azure-from without --plan or --aks-json): no file holds
  // it, so each result is at the cluster's resource and the field it is about.
  const placed: (LocatedFinding | ResourceFinding)[] = locate
    ? all.map((f) => ({ ...f, location: v.placedAt?.get(f) ?? locate(f.path) }))
    : azure
      ? all.map((f) => ({ ...f, resource: resourceOf(azure) }))
      : [];
  const findings: (LocatedFinding | ResourceFinding)[] = [];
  const suppressed: SuppressedSarifFinding[] = [];
  for (const f of placed) {
    const d = decide?.(identity(f));
    if (d?.level === "off") continue;
    const g = d && d.level !== f.severity ? { ...f, severity: d.level } : f;
    if (d?.suppression) suppressed.push({ ...g, suppression: d.suppression });
    else findings.push(g);
  }
  return sarifDocument(
    findings,
    [...RULES, ...DRIFT_RULES].map((r) => r.meta),
    suppressed,
    (firstRule) => {
      const head = headroomSarifParts(v.report, { firstRule, decide, locate });
      if (!azure) return head;
      const scan = scanSarifParts([azure.cluster], {
        firstRule: firstRule + head.rules.length,
        withoutFindings: true,
        ...(azure.source.kind === "azure" ? { endpoint: azure.source.endpoint } : {}),
        ...(decide ? { decide } : {}),
      });
      return { rules: [...head.rules, ...scan.rules], results: [...head.results, ...scan.results] };
    },
    { fingerprints: (f) => ({ "aksnet/resource/v1": resourceFingerprint(identity(f)) }) },
  );
};
/** The cluster's resource ID, and the ARM endpoint it was read from (none when it came from files). */
function resourceOf(a: AzureSide): { id: string; endpoint?: string } {
  return { id: a.cluster.id, ...(a.source.kind === "azure" ? { endpoint: a.source.endpoint } : {}) };
}

export default inspectSarif;
