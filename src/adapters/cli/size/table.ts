/** `aksnet size -o table`: per model the addresses and prefixes needed, the notes and the assumptions. */
import type { SizeReport } from "./command.js";
import type { Formatter } from "../output/formats.js";
import { renderTable } from "../output/table.js";
import { assumptionLines } from "../capacity-words.js";
import { subnetLines, subnetsTable, subnetsTitle } from "./subnets-view.js";
import { headline, notes, table } from "./view.js";

const sizeTable: Formatter<SizeReport> = (r, { color }) => {
  const t = table(r);
  return (
    [
      headline(r),
      "",
      renderTable(t.columns, t.rows, { color }).trimEnd(),
      "",
      ...notes(r),
      "",
      ...subnetSection(r, color),
      "Assumptions:",
      ...assumptionLines(r.assumptions).map((l) => `  - ${l}`),
    ].join("\n") + "\n"
  );
};
function subnetSection(r: SizeReport, color: boolean): string[] {
  if (r.subnets.length === 0) return [];
  const t = subnetsTable(r.subnets);
  return [
    subnetsTitle(r.subnets),
    "",
    renderTable(t.columns, t.rows, { color }).trimEnd(),
    "",
    ...subnetLines(r.subnets).map((l) => `  ${l}`),
    "",
  ];
}
export default sizeTable;
