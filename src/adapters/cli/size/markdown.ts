/** `aksnet size -o markdown`: the same table and notes as Markdown. */
import type { SizeResult } from "../../../engines/capacity/index.js";
import type { Formatter } from "../output/formats.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { assumptionLines } from "../capacity-words.js";
import { headline, notes, table } from "./view.js";

const sizeMarkdown: Formatter<SizeResult> = (r) => {
  const t = table(r);
  return (
    [
      headline(r),
      "",
      renderMarkdownTable(t.columns, t.rows).trimEnd(),
      "",
      ...notes(r).map((n) => `${n}\n`),
      "**Assumptions**",
      "",
      ...assumptionLines(r.assumptions).map((l) => `- ${l}`),
    ].join("\n") + "\n"
  );
};
export default sizeMarkdown;
