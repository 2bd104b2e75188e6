/**
 * `aksnet check -o sarif`: SARIF 2.1.0 with one result per finding pointing at the line and column
 * in the plan file, so CI can annotate a pull request; suppressed findings are results with
 * `suppressions` (output/sarif.ts has the shared shape).
 */
import { docsUrlOf, pathText, RULES, type Finding, type RuleMeta } from "../../../engines/validate/index.js";
import type { Formatter } from "../output/formats.js";
import { artifactLocation, resourceLocation, sarifLog, sarifRule, sarifSuppression } from "../output/sarif.js";
import { fingerprint } from "../policy/baseline.js";
import type { Suppression } from "../policy/apply.js";
import { SUPPRESSION_RULE } from "../policy/suppressions.js";
import type { CheckReport, CheckView, LocatedFinding } from "./report.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export function renderSarif(r: CheckReport): string {
  return sarifDocument(r.findings, [...RULES.map((x) => x.meta), SUPPRESSION_RULE.meta], r.suppressed);
}

function docsOf(id: string): string {
  return id === SUPPRESSION_RULE.meta.id ? "docs/ci.md" : docsUrlOf(id);
}

/**
 * A SARIF document of located findings; `metas` describe the rules they come from (inspect adds
 * its drift rules); `suppressed` are listed too, marked suppressed; `more` adds rules and results
 * of another kind after them (inspect --azure: the scan's checks), given the index of its first rule.
 */
export function sarifDocument(
  findings: readonly (LocatedFinding | ResourceFinding)[],
  metas: readonly RuleMeta[],
  suppressed: readonly SuppressedSarifFinding[] = [],
  more?: (firstRule: number) => { rules: readonly Record<string, unknown>[]; results: readonly unknown[] },
  o: { readonly fingerprints?: (f: Finding) => Record<string, string> } = {},
): string {
  const all: (LocatedFinding | ResourceFinding | SuppressedSarifFinding)[] = [...findings, ...suppressed];
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
    const r = "resource" in f ? f.resource : undefined;
    return {
      ruleId: f.ruleId,
      ruleIndex: used.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: `${f.message} Fix: ${f.fix}` },
      locations: [
        r
          ? resourceLocation(r.id, { ...(r.endpoint ? { endpoint: r.endpoint } : {}), member: pathText(f) })
          : fileLocation(f as LocatedFinding),
      ],
      partialFingerprints: {
        "aksnet/v1": fingerprint({
          ruleId: f.ruleId,
          messageId: f.messageId,
          file: r ? r.id : (f as LocatedFinding).location.file,
          path: pathText(f),
        }),
        ...o.fingerprints?.(f),
      },
      ...(s ? { suppressions: [sarifSuppression(s)] } : {}),
      properties: {
        messageId: f.messageId,
        path: pathText(f),
        pathKeys: f.path,
        ...(f.aksErrorCode ? { aksErrorCode: f.aksErrorCode } : {}),
        data: f.data,
      },
    };
  });
  const extra = more?.(rules.length);
  return sarifLog([...rules, ...(extra?.rules ?? [])], [...results, ...(extra?.results ?? [])]);
}

/** A suppressed finding, in a file or about an Azure resource. */
export type SuppressedSarifFinding = (LocatedFinding | ResourceFinding) & { readonly suppression: Suppression };

/** A finding about an Azure resource no file holds (inspect --azure: the cluster's ARM record from Azure). */
export interface ResourceFinding extends Finding {
  readonly resource: { readonly id: string; readonly endpoint?: string };
}

/** A finding's place in its file: line and column (none for standard input), and its field path. */
function fileLocation(f: LocatedFinding): Record<string, unknown> {
  return {
    ...(f.location.file === "<stdin>"
      ? {}
      : {
          physicalLocation: {
            artifactLocation: artifactLocation(f.location.file),
            region: { startLine: f.location.line, startColumn: f.location.column },
          },
        }),
    logicalLocations: f.path.length > 0 ? [{ fullyQualifiedName: pathText(f) }] : [],
  };
}

const checkSarif: Formatter<CheckView> = (v) => renderSarif(v.report);
export default checkSarif;
