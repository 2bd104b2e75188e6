/** `aksnet inspect -o table`: the sections of `view.ts` for a terminal. */
import type { Formatter } from "../output/formats.js";
import { renderTable } from "../output/table.js";
import { inspectSections, type InspectView } from "./view.js";

const inspectTable: Formatter<InspectView> = (view, { color }) => {
  const { head, tables, tail } = inspectSections(view);
  const out = [head.join("\n") + "\n"];
  for (const t of tables) out.push(`${t.title}\n${renderTable(t.columns, t.rows, { color })}`);
  for (const t of tail) out.push(`${t.title}\n${t.lines.map((l) => `  ${l}`).join("\n")}\n`);
  return out.join("\n");
};
export default inspectTable;
