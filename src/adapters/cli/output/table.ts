/**
 * Plain-text tables for terminals: aligned columns, an optional title and notes,
 * and cells that can be emphasised (the limiting resource, an error). Emphasis is
 * colour (`style.ts`) when colour is on, and a trailing marker otherwise, so the
 * highlight survives NO_COLOR and pipes.
 */
import { formatCount } from "../../../kb/index.js";
import { paint, type Style } from "./style.js";

export type Align = "left" | "right";

export interface Cell {
  readonly text: string;
  /** Emphasis kind: "limit" marks the limiting resource, "bad" an error, "good" a pass. */
  readonly mark?: "limit" | "bad" | "warn" | "good";
}

export type CellLike = string | number | Cell;

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

const MARK_STYLE: Readonly<Record<NonNullable<Cell["mark"]>, Style>> = {
  limit: "boldYellow",
  bad: "red",
  warn: "yellow",
  good: "green",
};

function cellOf(c: CellLike): Cell {
  if (typeof c === "string") return { text: c };
  if (typeof c === "number") return { text: formatNumber(c) };
  return c;
}

/** Formats an integer with thousands separators (27,610), the way the AKS docs print counts. */
export function formatNumber(n: number | bigint): string {
  return formatCount(n);
}

function decorate(cell: Cell, color: boolean): string {
  if (!cell.mark) return cell.text;
  if (!color) return cell.mark === "limit" ? `${cell.text} *` : cell.text;
  return paint(MARK_STYLE[cell.mark], cell.text);
}

function visibleWidth(cell: Cell, color: boolean): number {
  return [...cell.text].length + (!color && cell.mark === "limit" ? 2 : 0);
}

/** Renders rows under headers with two spaces between columns. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly CellLike[])[],
  options: { color: boolean },
): string {
  const cells = rows.map((r) => r.map(cellOf));
  const widths = columns.map((col, i) =>
    Math.max([...col.header].length, ...cells.map((r) => (r[i] ? visibleWidth(r[i], options.color) : 0))),
  );
  const pad = (text: string, width: number, visible: number, align: Align) =>
    align === "right"
      ? " ".repeat(Math.max(0, width - visible)) + text
      : text + " ".repeat(Math.max(0, width - visible));
  const lines: string[] = [];
  const header = columns.map((col, i) => pad(col.header, widths[i] ?? 0, [...col.header].length, col.align ?? "left"));
  lines.push(options.color ? paint("bold", header.join("  ").trimEnd()) : header.join("  ").trimEnd());
  lines.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells) {
    lines.push(
      columns
        .map((col, i) => {
          const c = row[i] ?? { text: "" };
          return pad(decorate(c, options.color), widths[i] ?? 0, visibleWidth(c, options.color), col.align ?? "left");
        })
        .join("  ")
        .trimEnd(),
    );
  }
  return lines.join("\n") + "\n";
}
