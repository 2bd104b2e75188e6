/** `aksnet inspect -o markdown`: the sections of `view.ts` as Markdown. */
import type { Formatter } from "../output/formats.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { inspectSections, type InspectView } from "./view.js";

const inspectMarkdown: Formatter<InspectView> = (view) => {
  const { head, tables, tail } = inspectSections(view);
  const out = ["## Cluster network\n\n" + head.map((l) => `- ${l.replace(/: +/, ": ")}`).join("\n") + "\n"];
  for (const t of tables) out.push(`### ${t.title}\n\n${renderMarkdownTable(t.columns, t.rows)}`);
  for (const t of tail) out.push(`### ${t.title}\n\n${t.lines.map((l) => `- ${l.trimStart()}`).join("\n")}\n`);
  return out.join("\n");
};
export default inspectMarkdown;
