/** `aksnet compare -o table`: the capacity table, its notes, the features table and the assumptions. */
import type { CompareResult } from "../../../engines/capacity/index.js";
import type { Formatter } from "../output/formats.js";
import { renderTable } from "../output/table.js";
import { assumptionLines } from "../capacity-words.js";
import { capacityTable, featureTable, headline, notes } from "./view.js";

const compareTable: Formatter<CompareResult> = (r, { color }) => {
  const cap = capacityTable(r);
  const feat = featureTable(r);
  const lines = [
    headline(r),
    "",
    renderTable(cap.columns, cap.rows, { color }).trimEnd(),
    "",
    `Max nodes and pods are raw capacity, as Microsoft's examples count it; "nodes+surge" keeps room for the upgrade ` +
      `surge (nodes + surge nodes).${color ? "" : " * marks the resource that runs out first."}`,
    ...notes(r),
    "",
    renderTable(feat.columns, feat.rows, { color }).trimEnd(),
    "",
    "Assumptions:",
    ...assumptionLines(r.assumptions).map((l) => `  - ${l}`),
  ];
  return lines.join("\n") + "\n";
};
export default compareTable;
