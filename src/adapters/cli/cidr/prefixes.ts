/** The listing of a list of prefixes (split, merge, exclude, free), and helpers for prefix lists. */
import type { Prefix } from "../../../ip/index.js";
import { formatNumber } from "../output/table.js";
import { map, type Listing } from "./listing.js";

/**
 * Prefixes as a listing: a table of cidr, first, last and addresses; JSON strings
 * under `prefixes` after `head`; one CIDR per line. `prefixes` is called once per
 * pass, so a lazy generator factory works.
 */
export function prefixListing(
  kind: string,
  head: Readonly<Record<string, unknown>>,
  prefixes: () => Iterable<Prefix>,
  notes: readonly string[] = [],
): Listing {
  return {
    kind,
    head,
    key: "prefixes",
    items: () => map(prefixes(), (p) => p.toString()),
    columns: [{ header: "cidr" }, { header: "first" }, { header: "last" }, { header: "addresses", align: "right" }],
    rows: () =>
      map(prefixes(), (p) => [p.toString(), p.first().toString(), p.last().toString(), formatNumber(p.size())]),
    lines: () => map(prefixes(), (p) => p.toString()),
    notes,
  };
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
