/** Output of a list of prefixes (split, merge, exclude, free) in the three formats, with notes. */
import type { Prefix } from "../../../ip/index.js";
import { formatNumber } from "../output/table.js";
import type { Io } from "../io.js";
import { writeJson, writeTable, writeText, type Format } from "./output.js";

export interface PrefixOutput {
  readonly format: Format;
  /** JSON fields printed before `prefixes`. */
  readonly head: Readonly<Record<string, unknown>>;
  /** Called once per pass (a table makes two), so a lazy generator factory works. */
  readonly prefixes: () => Iterable<Prefix>;
  /** Remarks for a human: under the table, or on standard error with json and text. */
  readonly notes?: readonly string[];
}

/** Writes prefixes as a table (cidr, first, last, addresses), JSON strings or one CIDR per line. */
export async function writePrefixes(io: Io, o: PrefixOutput): Promise<void> {
  const notes = o.notes ?? [];
  if (o.format !== "table") for (const n of notes) io.err(n + "\n");
  if (o.format === "json")
    return writeJson(
      io,
      o.head,
      "prefixes",
      map(o.prefixes(), (p) => p.toString()),
    );
  if (o.format === "text")
    return writeText(
      io,
      map(o.prefixes(), (p) => p.toString()),
    );
  await writeTable(
    io,
    [{ header: "cidr" }, { header: "first" }, { header: "last" }, { header: "addresses", align: "right" }],
    () => map(o.prefixes(), (p) => [p.toString(), p.first().toString(), p.last().toString(), formatNumber(p.size())]),
    notes.length ? ["", ...notes] : [],
  );
}

export function* map<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

/** The total number of addresses in the prefixes. */
export function totalSize(prefixes: Iterable<Prefix>): bigint {
  let n = 0n;
  for (const p of prefixes) n += p.size();
  return n;
}

/** Reads a prefix length written as `24` or `/24`; undefined when the text is neither. */
export function parseBits(value: string): number | undefined {
  const m = /^\/?(0|[1-9][0-9]{0,2})$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}
