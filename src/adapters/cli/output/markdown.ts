/** GitHub-flavoured Markdown tables, for pasting output into a design document. */
import type { CellLike, Column } from "./table.js";
import { formatNumber } from "./table.js";

function text(c: CellLike): string {
  const raw =
    typeof c === "string" ? c : typeof c === "number" ? formatNumber(c) : c.mark === "limit" ? `**${c.text}**` : c.text;
  return raw.replace(/\|/g, "\\|");
}

/** Renders a Markdown table; right-aligned columns get `---:`. */
export function renderMarkdownTable(columns: readonly Column[], rows: readonly (readonly CellLike[])[]): string {
  const head = `| ${columns.map((c) => c.header).join(" | ")} |`;
  const rule = `| ${columns.map((c) => (c.align === "right" ? "---:" : "---")).join(" | ")} |`;
  const body = rows.map((r) => `| ${columns.map((_, i) => text(r[i] ?? "")).join(" | ")} |`);
  return [head, rule, ...body].join("\n") + "\n";
}
