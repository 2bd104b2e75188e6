/**
 * Output of `aksnet cidr` in its three formats, written in chunks so a list of a
 * million rows never becomes one string:
 * - `table`: aligned columns like `format/table.ts` (two passes over the rows:
 *   widths, then text), followed by notes;
 * - `json`: exactly what `renderJson` would print for `{ ...head, [key]: items }`;
 * - `text`: one bare value per line, for pipes.
 */
import { UsageError } from "../errors.js";
import { colorEnabled, type Io } from "../io.js";
import { ChunkedWriter } from "../lines.js";

export const FORMATS = ["table", "json", "text"] as const;
export type Format = (typeof FORMATS)[number];

/** Reads the `-o` option value. */
export function parseFormat(value: unknown): Format {
  const v = value === undefined ? "table" : String(value);
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  throw new UsageError(`output format "${v}" is not supported here; use -o table, -o json or -o text.`);
}

export interface TableColumn {
  readonly header: string;
  readonly align?: "left" | "right";
}

const BOLD = "\u001b[1m";
const RESET = "\u001b[0m";

/** Writes an aligned table. `rows` is called twice (widths, then output), so it may be a lazy generator factory. */
export async function writeTable(
  io: Io,
  columns: readonly TableColumn[],
  rows: () => Iterable<readonly string[]>,
  notes: readonly string[] = [],
): Promise<void> {
  const widths = columns.map((c) => c.header.length);
  for (const row of rows()) {
    for (let i = 0; i < widths.length; i++) {
      const n = (row[i] ?? "").length;
      if (n > (widths[i] ?? 0)) widths[i] = n;
    }
  }
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const text = cells[i] ?? "";
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - text.length));
        return c.align === "right" ? pad + text : text + pad;
      })
      .join("  ")
      .trimEnd() + "\n";
  const w = new ChunkedWriter(io);
  const header = line(columns.map((c) => c.header));
  await w.write(colorEnabled(io) ? BOLD + header.trimEnd() + RESET + "\n" : header);
  await w.write(widths.map((n) => "-".repeat(n)).join("  ") + "\n");
  for (const row of rows()) await w.write(line(row));
  for (const note of notes) await w.write(note + "\n");
  await w.flush();
}

/** Writes one value per line. */
export async function writeText(io: Io, items: Iterable<string>): Promise<void> {
  const w = new ChunkedWriter(io);
  for (const item of items) await w.write(item + "\n");
  await w.flush();
}

const replacer = (_k: string, v: unknown): unknown => (typeof v === "bigint" ? v.toString() : v);

/**
 * Writes `{ ...head, [key]: [...items] }` as two-space-indented JSON, byte for byte
 * what `JSON.stringify(value, replacer, 2)` gives, streaming the items.
 */
export async function writeJson(
  io: Io,
  head: Readonly<Record<string, unknown>>,
  key: string,
  items: Iterable<unknown>,
): Promise<void> {
  const w = new ChunkedWriter(io);
  await w.write("{\n");
  for (const [k, v] of Object.entries(head)) {
    if (v === undefined) continue;
    await w.write(`  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, replacer, 2), "  ")},\n`);
  }
  await w.write(`  ${JSON.stringify(key)}: [`);
  let first = true;
  for (const item of items) {
    await w.write(`${first ? "\n" : ",\n"}    ${indent(JSON.stringify(item, replacer, 2), "    ")}`);
    first = false;
  }
  await w.write(first ? "]\n}\n" : "\n  ]\n}\n");
  await w.flush();
}

function indent(json: string, by: string): string {
  return json.includes("\n") ? json.replace(/\n/g, "\n" + by) : json;
}
