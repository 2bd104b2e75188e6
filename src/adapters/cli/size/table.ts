/** `aksnet size -o table`: per model the addresses and prefixes needed, the notes and the assumptions. */
import type { SizeResult } from "../../../engines/capacity/index.js";
import type { Formatter } from "../output/formats.js";
import { renderTable } from "../output/table.js";
import { assumptionLines } from "../capacity-words.js";
import { headline, notes, table } from "./view.js";

const sizeTable: Formatter<SizeResult> = (r, { color }) => {
  const t = table(r);
  return (
    [
      headline(r),
      "",
      renderTable(t.columns, t.rows, { color }).trimEnd(),
      "",
      ...notes(r),
      "",
      "Assumptions:",
      ...assumptionLines(r.assumptions).map((l) => `  - ${l}`),
    ].join("\n") + "\n"
  );
};
export default sizeTable;
