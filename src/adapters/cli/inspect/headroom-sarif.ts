/**
 * inspect's headroom checks in SARIF: each check that does not fit (the text output's FAIL line) is a result
 * of the rule `inspect/headroom` (docs/rules/inspect-headroom.md), after the project policy like every other
 * finding. A result is located where the cluster is written: the configuration file's pools (`--plan`,
 * `--aks-json`), else the cluster's Azure resource, else the dump file; a live cluster read without either has
 * only its kubeconfig context as a logical location.
 */
import {
  HEADROOM_META,
  HEADROOM_RULE_ID,
  headroomMessageId,
  type InspectReport,
} from "../../../engines/inspect/index.js";
import { docsUrlOf } from "../../../engines/validate/index.js";
import type { Location } from "../../importers/index.js";
import { artifactLocation, resourceLocation, sarifRule, sarifSuppression } from "../output/sarif.js";
import { headroomKey, inspectResource } from "../policy/resource-findings.js";
import { resourceFingerprint, type PolicyDecision } from "../policy/resources.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/** Where the headroom findings are in the configuration file: its pools (also for `# aksnet-ignore`). */
export const HEADROOM_PATH = ["nodePools"] as const;

type Locate = (path: readonly (string | number)[]) => Location;
type Decide = (f: { ruleId: string; resource: string; key: string }) => PolicyDecision | undefined;

/** Where the headroom results are: the pools in the configuration file, the Azure resource, the dump. */
function headroomLocation(r: InspectReport, locate: Locate | undefined): unknown {
  if (locate) {
    const at = locate(HEADROOM_PATH);
    return {
      ...(at.file === "<stdin>"
        ? {}
        : {
            physicalLocation: {
              artifactLocation: artifactLocation(at.file),
              region: { startLine: at.line, startColumn: at.column },
            },
          }),
      logicalLocations: [{ fullyQualifiedName: "nodePools" }],
    };
  }
  if (r.azure) {
    const s = r.azure.source;
    return resourceLocation(r.azure.cluster.id, s.kind === "azure" ? { endpoint: s.endpoint } : {});
  }
  const file = r.source.kind === "dump" ? r.source.files.find((f) => f !== "-") : undefined;
  const self = inspectResource(r);
  return {
    ...(file ? { physicalLocation: { artifactLocation: artifactLocation(file) } } : {}),
    logicalLocations: self ? [{ name: self, fullyQualifiedName: self, kind: "resource" }] : [],
  };
}

/** The rule and results of the headroom checks that do not fit, the rule at index `firstRule`. */
export function headroomSarifParts(
  r: InspectReport,
  o: { firstRule: number; decide?: Decide | undefined; locate?: Locate | undefined },
): { rules: Record<string, unknown>[]; results: unknown[] } {
  const resource = inspectResource(r);
  const results: unknown[] = [];
  for (const c of r.headroom.checks.filter((x) => !x.fits)) {
    const identity = { ruleId: HEADROOM_RULE_ID, resource, key: headroomKey(c.name) };
    const d = o.decide?.(identity);
    if (d?.level === "off") continue;
    const messageId = headroomMessageId(c.name);
    results.push({
      ruleId: HEADROOM_RULE_ID,
      ruleIndex: o.firstRule,
      level: LEVEL[d?.level ?? HEADROOM_META.severity],
      message: { text: `${c.name}: ${c.message} Fix: ${HEADROOM_META.messages[messageId].fix}` },
      locations: [headroomLocation(r, o.locate)],
      partialFingerprints: { "aksnet/resource/v1": resourceFingerprint(identity) },
      ...(d?.suppression ? { suppressions: [sarifSuppression(d.suppression)] } : {}),
      properties: { messageId, check: c.name, needsNodes: c.needsNodes, aksErrorCode: c.error ?? null },
    });
  }
  if (results.length === 0) return { rules: [], results };
  const rule = sarifRule({
    id: HEADROOM_RULE_ID,
    description: HEADROOM_META.description,
    level: "error",
    docs: docsUrlOf(HEADROOM_RULE_ID),
  });
  return { rules: [rule], results };
}
