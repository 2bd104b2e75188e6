/** `aksnet cidr … -o markdown`: a GitHub-flavoured Markdown table, then the notes. */
import type { Formatter } from "../output/formats.js";
import { cellText } from "../output/markdown.js";
import type { Listing } from "./listing.js";

const cidrMarkdown: Formatter<Listing> = function* (l) {
  yield `| ${l.columns.map((c) => cellText(c.header)).join(" | ")} |\n`;
  yield `| ${l.columns.map((c) => (c.align === "right" ? "---:" : "---")).join(" | ")} |\n`;
  for (const row of l.rows()) yield `| ${l.columns.map((_, i) => cellText(row[i] ?? "")).join(" | ")} |\n`;
  if (l.notes.length) yield "\n";
  for (const note of l.notes) yield note + "\n\n";
};
export default cidrMarkdown;
