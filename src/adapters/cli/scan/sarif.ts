/**
 * `aksnet scan -o sarif`: SARIF 2.1.0 with one result per check that fails, is
 * at risk or cannot be decided, and per error finding of check's rules; each
 * result's location is the cluster's (and pool's) Azure resource: its ARM address
 * as the artifact and its resource ID as the logical location (`resourceLocation`),
 * so a scheduled pipeline's code-scanning view lists every cluster in trouble.
 */
import { formatPath, SCAN_CHECKS, type ClusterReport, type ScanVerdict } from "../../../engines/index.js";
import { resourceLocation, sarifLog, sarifRule } from "../output/sarif.js";
import type { ScanOutput } from "./render.js";

const LEVEL: Record<ScanVerdict, "error" | "warning" | "note" | "none"> = {
  fails: "error",
  "at-risk": "warning",
  unknown: "note",
  ok: "none",
};

export function renderScanSarif(r: ScanOutput): string {
  const { rules, results } = scanSarifParts(r.clusters, {
    ...(r.source.kind === "azure" ? { endpoint: r.source.endpoint } : {}),
  });
  return sarifLog(rules, results);
}

export interface ScanSarifOptions {
  /** The ARM endpoint the clusters were read from (default: the public cloud's). */
  readonly endpoint?: string;
  /** The index the first rule will have in the document (rules of another kind come first). */
  readonly firstRule?: number;
  /** Leave out the error findings of check's rules (inspect reports them from the same record itself). */
  readonly withoutFindings?: boolean;
}

/** The rules and results of the scan's checks on these clusters, each at the cluster's (or pool's) resource. */
export function scanSarifParts(
  clusters: readonly ClusterReport[],
  o: ScanSarifOptions = {},
): { rules: Record<string, unknown>[]; results: unknown[] } {
  const results: unknown[] = [];
  const endpoint = o.endpoint;
  const at = (id: string) => [resourceLocation(id, endpoint ? { endpoint } : {})];
  const rules = new Map<string, Record<string, unknown>>();
  const rule = (id: string, text: string, docs: string, level: "error" | "warning" | "note" = "error") => {
    if (!rules.has(id)) rules.set(id, sarifRule({ id, description: text, docs, level }));
    return (o.firstRule ?? 0) + [...rules.keys()].indexOf(id);
  };
  for (const c of clusters) {
    for (const p of c.pools)
      for (const x of p.checks) {
        if (x.verdict === "ok") continue;
        const meta = SCAN_CHECKS[x.check];
        const id = `scan/${x.check}`;
        results.push({
          ruleId: id,
          ruleIndex: rule(id, meta.description, "docs/scan.md"),
          level: LEVEL[x.verdict],
          message: { text: x.fix ? `${x.message} Fix: ${x.fix}` : x.message },
          locations: at(`${c.id}/agentPools/${p.name}`),
          properties: {
            verdict: x.verdict,
            aksErrorCode: x.aksErrorCode,
            range: x.range,
            rangeId: x.rangeId,
            needed: x.needed,
            free: x.free,
          },
        });
      }
    for (const x of c.shared) {
      if (x.verdict === "ok") continue;
      const id = `scan/${x.check}`;
      results.push({
        ruleId: id,
        ruleIndex: rule(id, SCAN_CHECKS[x.check].description, "docs/scan.md"),
        level: LEVEL[x.verdict],
        message: { text: x.message },
        locations: at(c.id),
        properties: {
          verdict: x.verdict,
          aksErrorCode: x.aksErrorCode,
          range: x.range,
          rangeId: x.rangeId,
          needed: x.needed,
          free: x.free,
        },
      });
    }
    for (const f of o.withoutFindings ? [] : c.findings) {
      if (f.severity !== "error") continue;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: rule(f.ruleId, f.ruleId, `docs/rules/${f.ruleId}.md`),
        level: "error",
        message: { text: `${f.message} Fix: ${f.fix}` },
        locations: [resourceLocation(c.id, { ...(endpoint ? { endpoint } : {}), member: formatPath(f.path) })],
        properties: { ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}), data: f.data },
      });
    }
  }
  return { rules: [...rules.values()], results };
}
