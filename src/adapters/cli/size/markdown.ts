/** `aksnet size -o markdown`: the same table and notes as Markdown. */
import type { SizeReport } from "./command.js";
import type { Formatter } from "../output/formats.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { assumptionLines } from "../capacity-words.js";
import { subnetLines, subnetsTable, subnetsTitle } from "./subnets-view.js";
import { headline, notes, table } from "./view.js";

const sizeMarkdown: Formatter<SizeReport> = (r) => {
  const t = table(r);
  return (
    [
      headline(r),
      "",
      renderMarkdownTable(t.columns, t.rows).trimEnd(),
      "",
      ...notes(r).map((n) => `${n}\n`),
      ...(r.subnets.length > 0
        ? [
            `**${subnetsTitle(r.subnets)}**`,
            "",
            renderMarkdownTable(subnetsTable(r.subnets).columns, subnetsTable(r.subnets).rows).trimEnd(),
            "",
            ...subnetLines(r.subnets).map((l) => `- ${l}`),
            "",
          ]
        : []),
      "**Assumptions**",
      "",
      ...assumptionLines(r.assumptions).map((l) => `- ${l}`),
    ].join("\n") + "\n"
  );
};
export default sizeMarkdown;
