/**
 * What every `aksnet cidr` subcommand prints, whatever the format: a listing.
 * Each format is one module (`table.ts`, `json.ts`, `text.ts`, `markdown.ts`)
 * that writes a listing piece by piece, so a list of a million rows never
 * becomes one string. Notes go under a table (table, markdown) or, with json
 * and text, to standard error, so a pipe gets only the values.
 */
import type { Io } from "../io.js";
import { defineOutput, type FormatName } from "../output/formats.js";
import { writeOutput } from "../output/write.js";

export interface ListingColumn {
  readonly header: string;
  readonly align?: "left" | "right";
}

export interface Listing {
  /** JSON: the document's `kind` (`CidrSplitReport`), after `apiVersion`. */
  readonly kind: string;
  /** JSON: the fields printed before the list. */
  readonly head: Readonly<Record<string, unknown>>;
  /** JSON: the name of the list. */
  readonly key: string;
  /** JSON: the list's items. */
  readonly items: () => Iterable<unknown>;
  /** Table and Markdown: the columns and the rows (called once per pass: a table makes two). */
  readonly columns: readonly ListingColumn[];
  readonly rows: () => Iterable<readonly string[]>;
  /** Text: one value per line. */
  readonly lines: () => Iterable<string>;
  /** Remarks for a person, each one line. */
  readonly notes: readonly string[];
}

export const CIDR_OUTPUT = defineOutput<Listing>({
  formatters: {
    table: () => import("./table.js"),
    text: () => import("./text.js"),
    json: () => import("./json.js"),
    markdown: () => import("./markdown.js"),
  },
});

/** Writes the listing in `format`; the notes of json and text go to standard error. */
export async function writeListing(io: Io, format: FormatName, listing: Listing): Promise<void> {
  if (format === "json" || format === "text") for (const n of listing.notes) io.err(n + "\n");
  await writeOutput(io, CIDR_OUTPUT, format, listing);
}

export function* map<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}
