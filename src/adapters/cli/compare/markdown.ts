/** `aksnet compare -o markdown`: the same tables and notes as Markdown, the limiting resource in bold. */
import type { CompareResult } from "../../../engines/capacity/index.js";
import type { Formatter } from "../output/formats.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { assumptionLines } from "../capacity-words.js";
import { capacityTable, featureTable, headline, notes } from "./view.js";

const compareMarkdown: Formatter<CompareResult> = (r) => {
  const cap = capacityTable(r);
  const feat = featureTable(r);
  return (
    [
      headline(r),
      "",
      renderMarkdownTable(cap.columns, cap.rows).trimEnd(),
      "",
      'Max nodes and pods are raw capacity, as Microsoft\'s examples count it; "nodes+surge" keeps room for the ' +
        "upgrade surge. **Bold** marks the resource that runs out first.",
      ...notes(r).map((n) => `\n${n}`),
      "",
      renderMarkdownTable(feat.columns, feat.rows).trimEnd(),
      "",
      "**Assumptions**",
      "",
      ...assumptionLines(r.assumptions).map((l) => `- ${l}`),
    ].join("\n") + "\n"
  );
};
export default compareMarkdown;
