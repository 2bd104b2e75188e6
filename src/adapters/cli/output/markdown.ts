/** GitHub-flavoured Markdown tables, for pasting output into a design document. */
import type { CellLike, Column } from "./table.js";
import { formatNumber } from "./table.js";

function text(c: CellLike): string {
  const raw =
    typeof c === "string" ? c : typeof c === "number" ? formatNumber(c) : c.mark === "limit" ? `**${c.text}**` : c.text;
  return cellText(raw);
}

/** Text made safe for one table cell: pipes escaped, line breaks as <br>. */
export function cellText(raw: string): string {
  return raw.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** Inline code that holds any text: a fence of more backticks than the text has in a row. */
export function inlineCode(text: string): string {
  if (text === "") return "";
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block that holds any text (the fence is longer than any backtick run inside). */
export function codeBlock(text: string, language = ""): string {
  const longest = Math.max(0, ...[...text.matchAll(/^`{3,}/gm)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.endsWith("\n") ? text : text + "\n"}${fence}\n`;
}

/** Renders a Markdown table; right-aligned columns get `---:`. */
export function renderMarkdownTable(columns: readonly Column[], rows: readonly (readonly CellLike[])[]): string {
  const head = `| ${columns.map((c) => c.header).join(" | ")} |`;
  const rule = `| ${columns.map((c) => (c.align === "right" ? "---:" : "---")).join(" | ")} |`;
  const body = rows.map((r) => `| ${columns.map((_, i) => text(r[i] ?? "")).join(" | ")} |`);
  return [head, rule, ...body].join("\n") + "\n";
}
