/**
 * `aksnet check -o markdown`: the summary line, one table row per finding
 * (severity, where, rule with its docs page, message, fix), what was assumed,
 * and the resolved plan as YAML when asked: for a pull request or a design document.
 */
import { stringify } from "yaml";
import { pathText } from "../../../engines/validate/index.js";
import type { Formatter } from "../output/formats.js";
import { cellText, codeBlock, inlineCode } from "../output/markdown.js";
import { resolvedForOutput, type CheckView } from "./report.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const checkMarkdown: Formatter<CheckView> = ({ report: r, showResolved }) => {
  const s = r.summary;
  const files = r.files.map((f) => `${inlineCode(f.file)} (${f.format})`).join(" + ");
  const counts =
    s.errors + s.warnings + s.infos === 0
      ? "no findings"
      : `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${s.infos} info`;
  const model = r.resolved ? `; model ${r.resolved.model}, dataplane ${r.resolved.dataplane}` : "";
  const suppressed = s.suppressed > 0 ? ` ${plural(s.suppressed, "finding")} suppressed.` : "";
  const out = [`**aksnet check** ${files}: ${counts}${model}.${suppressed}`];
  for (const note of r.notes) out.push("", `Note: ${note}`);
  if (r.findings.length > 0) {
    out.push("", "| severity | where | rule | finding | fix |", "| --- | --- | --- | --- | --- |");
    for (const f of r.findings) {
      const path = pathText(f);
      const where = `${path ? inlineCode(path) + " " : ""}${f.location.file}:${f.location.line}:${f.location.column}`;
      const rule = `[${f.ruleId}](${f.docsUrl})${f.aksErrorCode ? ` (AKS error ${f.aksErrorCode})` : ""}`;
      out.push(`| ${[f.severity, where, rule, f.message, f.fix].map(cellText).join(" | ")} |`);
    }
  }
  if (r.assumptions.length > 0) {
    out.push("", "**Assumed (not in the plan)**", "");
    for (const a of r.assumptions) {
      out.push(`- ${inlineCode(a.path)} = ${inlineCode(String(a.value))}: ${a.reason}`);
      for (const alt of a.alternatives ?? [])
        out.push(`  - other documented value ${inlineCode(String(alt.value))}: ${alt.meaning}`);
    }
  }
  if (showResolved && r.resolved) {
    out.push("", "**Resolved plan**", "", codeBlock(stringify(resolvedForOutput(r.resolved)), "yaml").trimEnd());
  }
  return `${out.join("\n")}\n`;
};
export default checkMarkdown;
