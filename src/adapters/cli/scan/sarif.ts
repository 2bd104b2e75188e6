/**
 * `aksnet scan -o sarif`: SARIF 2.1.0 with one result per check that fails, is
 * at risk or cannot be decided, and per error finding of check's rules; each
 * result's location is the cluster's (and pool's) Azure resource: its ARM address
 * as the artifact and its resource ID as the logical location (`resourceLocation`),
 * so a scheduled pipeline's code-scanning view lists every cluster in trouble.
 */
import {
  formatPath,
  SCAN_CHECKS,
  type ClusterReport,
  type ScanCheckResult as CheckResult,
  type ScanVerdict,
} from "../../../engines/index.js";
import { resourceLocation, sarifLog, sarifRule, sarifSuppression } from "../output/sarif.js";
import { resourceFingerprint, type PolicyDecision } from "../policy/resources.js";
import type { ScanOutput } from "./scan-text.js";

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note" } as const;

const LEVEL: Record<ScanVerdict, "error" | "warning" | "note" | "none"> = {
  fails: "error",
  "at-risk": "warning",
  unknown: "note",
  ok: "none",
};

export function renderScanSarif(r: ScanOutput, decide?: Decide): string {
  const { rules, results } = scanSarifParts(r.clusters, {
    ...(r.source.kind === "azure" ? { endpoint: r.source.endpoint } : {}),
    ...(decide ? { decide } : {}),
  });
  return sarifLog(rules, results);
}

type Decide = (f: { ruleId: string; resource: string; key: string }) => PolicyDecision | undefined;

export interface ScanSarifOptions {
  /** The ARM endpoint the clusters were read from (default: the public cloud's). */
  readonly endpoint?: string;
  /** The index the first rule will have in the document (rules of another kind come first). */
  readonly firstRule?: number;
  /** Leave out the error findings of check's rules (inspect reports them from the same record itself). */
  readonly withoutFindings?: boolean;
  /** The project policy's decision on each result (docs/ci.md): its level, off, or suppressed. */
  readonly decide?: Decide;
}

interface Candidate {
  readonly ruleId: string;
  readonly level: "error" | "warning" | "note";
  readonly resource: string;
  readonly key: string;
  readonly message: string;
  readonly location: unknown;
  readonly properties: Record<string, unknown>;
  readonly rule: { readonly description: string; readonly docs: string };
}

function checkCandidate(x: CheckResult, resource: string, at: (id: string) => unknown): Candidate | undefined {
  if (x.verdict === "ok") return undefined;
  const { verdict, aksErrorCode, range, rangeId, needed, free } = x;
  return {
    ruleId: `scan/${x.check}`,
    level: LEVEL[x.verdict] as Candidate["level"],
    resource,
    key: x.rangeId,
    message: x.fix ? `${x.message} Fix: ${x.fix}` : x.message,
    location: at(resource),
    properties: { verdict, aksErrorCode, range, rangeId, needed, free },
    rule: { description: SCAN_CHECKS[x.check].description, docs: "docs/scan.md" },
  };
}

function candidates(c: ClusterReport, o: ScanSarifOptions, at: (id: string) => unknown): Candidate[] {
  const out: (Candidate | undefined)[] = [];
  for (const p of c.pools) for (const x of p.checks) out.push(checkCandidate(x, `${c.id}/agentPools/${p.name}`, at));
  for (const x of c.shared) out.push(checkCandidate(x, c.id, at));
  for (const f of o.withoutFindings ? [] : c.findings.filter((x) => x.severity === "error"))
    out.push({
      ruleId: f.ruleId,
      level: "error",
      resource: c.id,
      key: formatPath(f.path),
      message: `${f.message} Fix: ${f.fix}`,
      location: resourceLocation(c.id, { ...(o.endpoint ? { endpoint: o.endpoint } : {}), member: formatPath(f.path) }),
      properties: { ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}), data: f.data },
      rule: { description: f.ruleId, docs: `docs/rules/${f.ruleId}.md` },
    });
  return out.filter((x) => x !== undefined);
}

/** The rules and results of the scan's checks on these clusters, each at the cluster's (or pool's) resource. */
export function scanSarifParts(
  clusters: readonly ClusterReport[],
  o: ScanSarifOptions = {},
): { rules: Record<string, unknown>[]; results: unknown[] } {
  const results: unknown[] = [];
  const endpoint = o.endpoint;
  const at = (id: string) => resourceLocation(id, endpoint ? { endpoint } : {});
  const rules = new Map<string, Record<string, unknown>>();
  const rule = (id: string, text: string, docs: string) => {
    if (!rules.has(id)) rules.set(id, sarifRule({ id, description: text, docs, level: "error" }));
    return (o.firstRule ?? 0) + [...rules.keys()].indexOf(id);
  };
  for (const x of clusters.flatMap((c) => candidates(c, o, at))) {
    const decision = o.decide?.(x);
    if (decision?.level === "off") continue;
    const s = decision?.suppression;
    results.push({
      ruleId: x.ruleId,
      ruleIndex: rule(x.ruleId, x.rule.description, x.rule.docs),
      level: decision ? SARIF_LEVEL[decision.level] : x.level,
      message: { text: x.message },
      locations: [x.location],
      partialFingerprints: { "aksnet/resource/v1": resourceFingerprint(x) },
      ...(s ? { suppressions: [sarifSuppression(s)] } : {}),
      properties: x.properties,
    });
  }
  return { rules: [...rules.values()], results };
}
