/**
 * `aksnet scan -o sarif`: SARIF 2.1.0 with one result per check that fails, is
 * at risk or cannot be decided, and per error finding of check's rules; each
 * result's location is the cluster's (and pool's) Azure resource ID, so a
 * scheduled pipeline's code-scanning view lists every cluster in trouble.
 */
import { SCAN_CHECKS, type ScanVerdict } from "../../../engines/index.js";
import { sarifLog, sarifRule } from "../output/sarif.js";
import type { ScanOutput } from "./render.js";

const LEVEL: Record<ScanVerdict, "error" | "warning" | "note" | "none"> = {
  fails: "error",
  "at-risk": "warning",
  unknown: "note",
  ok: "none",
};

export function renderScanSarif(r: ScanOutput): string {
  const results: unknown[] = [];
  const rules = new Map<string, Record<string, unknown>>();
  const rule = (id: string, text: string, docs: string, level: "error" | "warning" | "note" = "error") => {
    if (!rules.has(id)) rules.set(id, sarifRule({ id, description: text, docs, level }));
    return [...rules.keys()].indexOf(id);
  };
  for (const c of r.clusters) {
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
          locations: [{ logicalLocations: [{ fullyQualifiedName: `${c.id}/agentPools/${p.name}`, kind: "resource" }] }],
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
        locations: [{ logicalLocations: [{ fullyQualifiedName: c.id, kind: "resource" }] }],
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
    for (const f of c.findings) {
      if (f.severity !== "error") continue;
      results.push({
        ruleId: f.ruleId,
        ruleIndex: rule(f.ruleId, f.ruleId, `docs/rules/${f.ruleId}.md`),
        level: "error",
        message: { text: `${f.message} Fix: ${f.fix}` },
        locations: [{ logicalLocations: [{ fullyQualifiedName: c.id, kind: "resource" }] }],
        properties: { ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}), data: f.data },
      });
    }
  }
  return sarifLog([...rules.values()], results);
}
