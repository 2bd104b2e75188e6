/**
 * `aksnet check -o text`: findings grouped by severity, each with its location,
 * rule, message and fix; then what was assumed. Colour only when enabled.
 */
import { stringify } from "yaml";
import { pathText, type Severity } from "../../../engines/validate/index.js";
import { formatCount } from "../../../kb/index.js";
import { paint, type Style } from "../output/style.js";
import type { Formatter } from "../output/formats.js";
import { resolvedForOutput, type CheckReport, type CheckView } from "./report.js";

const TITLES: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };
const MARK: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };
const COLOR: Record<Severity, Style> = { error: "red", warning: "yellow", info: "cyan" };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function renderText(r: CheckReport, options: { color: boolean; showResolved: boolean }): string {
  const painted = (sev: Severity, s: string) => (options.color ? paint(COLOR[sev], s) : s);
  const files = r.files.map((f) => `${f.file} (${f.format})`).join(" + ");
  const out: string[] = [];
  const s = r.summary;
  const model = r.resolved ? `; model ${r.resolved.model}, dataplane ${r.resolved.dataplane}` : "";
  const counts =
    s.errors + s.warnings + s.infos === 0
      ? "no findings"
      : `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${s.infos} info`;
  out.push(`${files}: ${counts}${model}`);
  if (s.suppressed > 0) out.push(`${plural(s.suppressed, "finding")} suppressed (-o json lists them with the reasons)`);
  for (const note of r.notes) out.push(`note: ${note}`);
  for (const sev of ["error", "warning", "info"] as const) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    out.push("", painted(sev, TITLES[sev]));
    for (const f of list) {
      const loc = `${f.location.file}:${f.location.line}:${f.location.column}`;
      out.push(
        `  ${painted(sev, MARK[sev])} ${pathText(f) || "(document)"}  ${loc}  ` +
          `[${f.ruleId}${f.aksErrorCode ? `, AKS error ${f.aksErrorCode}` : ""}]`,
      );
      out.push(`    ${f.message}`);
      out.push(`    fix: ${f.fix}`);
    }
  }
  if (r.assumptions.length > 0) out.push("", "Assumed (not in the plan)", ...assumptionLines(r.assumptions));
  if (options.showResolved && r.resolved)
    out.push(
      "",
      "Resolved plan",
      ...stringify(resolvedForOutput(r.resolved))
        .trimEnd()
        .split("\n")
        .map((l) => `  ${l}`),
    );
  return `${out.join("\n")}\n`;
}

/** How many assumptions of one kind (the same field of every pool, the same value) are listed before "and N more". */
export const ASSUMPTIONS_SHOWN = 3;

/**
 * The assumptions, each with its other documented values; of the ones that differ only in the pool (the same
 * field, e.g. `nodePools[*].maxPods`, and the same value) the first ASSUMPTIONS_SHOWN, then one "and N more"
 * line in the place of the rest: a plan of 20,000 pools gets a screenful, not 20,000 times the same sentence.
 */
export function assumptionLines(assumptions: CheckReport["assumptions"]): string[] {
  const kindOf = (a: CheckReport["assumptions"][number]) => `${a.path.replace(/\[\d+\]/g, "[*]")} = ${a.value}`;
  const total = new Map<string, number>();
  for (const a of assumptions) total.set(kindOf(a), (total.get(kindOf(a)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const a of assumptions) {
    const kind = kindOf(a);
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    if (n > ASSUMPTIONS_SHOWN) continue;
    out.push(`  ${a.path} = ${a.value}: ${a.reason}`);
    for (const alt of a.alternatives ?? []) out.push(`    other documented value ${alt.value}: ${alt.meaning}`);
    const more = total.get(kind)! - ASSUMPTIONS_SHOWN;
    if (n === ASSUMPTIONS_SHOWN && more > 0)
      out.push(`  and ${formatCount(more)} more ${kind}, assumed the same way (-o json lists every one)`);
  }
  return out;
}

const checkText: Formatter<CheckView> = (v, { color }) => renderText(v.report, { color, showResolved: v.showResolved });
export default checkText;
