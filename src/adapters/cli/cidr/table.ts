/** `aksnet cidr … -o table`: aligned columns (two passes over the rows: widths, then text), then the notes. */
import type { Formatter } from "../output/formats.js";
import { paint } from "../output/style.js";
import type { Listing } from "./listing.js";

const cidrTable: Formatter<Listing> = function* (l, { color }) {
  const widths = l.columns.map((c) => c.header.length);
  for (const row of l.rows()) {
    for (let i = 0; i < widths.length; i++) {
      const n = (row[i] ?? "").length;
      if (n > (widths[i] ?? 0)) widths[i] = n;
    }
  }
  const line = (cells: readonly string[]) =>
    l.columns
      .map((c, i) => {
        const text = cells[i] ?? "";
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - text.length));
        return c.align === "right" ? pad + text : text + pad;
      })
      .join("  ")
      .trimEnd() + "\n";
  const header = line(l.columns.map((c) => c.header));
  yield color ? paint("bold", header.trimEnd()) + "\n" : header;
  yield widths.map((n) => "-".repeat(n)).join("  ") + "\n";
  for (const row of l.rows()) yield line(row);
  if (l.notes.length) yield "\n";
  for (const note of l.notes) yield note + "\n";
};
export default cidrTable;
