/**
 * `aksnet cidr overlaps`: every overlapping pair among the inputs, or with
 * `--against FILE` each input that overlaps something in FILE (and what).
 * Two prefixes overlap exactly when one contains the other.
 */
import { OverlapIndex, findOverlappingPairs, type Prefix } from "../../../ip/index.js";
import { EXIT, UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { readPrefixList, type PrefixList } from "./input.js";
import { chooseFormat, type FormatName } from "../output/formats.js";
import { CIDR_OUTPUT, map, writeListing } from "./listing.js";
import { addListOptions, stringArgs, type CidrSubcommand } from "./subcommand.js";

/** An entry of the input, as the JSON output names it. */
interface Entry {
  readonly cidr: string;
  readonly source: string;
  readonly line: number;
}

function entry(list: PrefixList, i: number): Entry {
  return { cidr: (list.prefixes[i] as Prefix).toString(), source: list.source(i), line: list.line(i) };
}

/** How `a` relates to `b` when they overlap. */
export function relation(a: Prefix, b: Prefix): "equal" | "contains" | "within" {
  return a.bits === b.bits ? "equal" : a.bits < b.bits ? "contains" : "within";
}

const MAX_LISTED = 3;

export const overlaps: CidrSubcommand = {
  name: "overlaps",
  summary: "overlapping pairs among the inputs, or the inputs that overlap --against FILE",
  examples: ["aksnet cidr overlaps -f subnets.txt", "aksnet cidr overlaps -f subnets.txt --against onprem.txt -o json"],
  configure(cmd) {
    addListOptions(
      cmd
        .argument("[cidr...]", "CIDRs or addresses")
        .option("-a, --against <path>", "report each input that overlaps a CIDR in this file (- = standard input)"),
    );
  },
  async run({ args, opts, io }) {
    const format = chooseFormat(CIDR_OUTPUT, opts["output"]);
    const against = opts["against"] as string | undefined;
    const file = opts["file"] as string | undefined;
    const cidrArgs = stringArgs(args[0]);
    if (against === "-" && (file === "-" || (file === undefined && cidrArgs.length === 0))) {
      throw new UsageError(
        "standard input can hold only one list: give the queries as arguments or with -f FILE when --against is -.",
      );
    }
    const list = await readPrefixList({ args: cidrArgs, file }, io);
    if (against === undefined) return pairs(io, format, list);
    const existing = await readPrefixList({ args: [], file: against, stdinFallback: false }, io);
    return hits(io, format, list, existing);
  },
};

/** The overlapping pairs; past the IP core's bound (n copies of a CIDR: n²/2 pairs) a usage error, not a bug. */
function overlappingPairs(list: PrefixList): Array<[number, number]> {
  try {
    return findOverlappingPairs(list.prefixes);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new UsageError(
      `${e.message.replace(/^the items/, `the ${list.length} CIDRs`).replace(/;.*$/, "")}; merge repeated and ` +
        `nested CIDRs first (aksnet cidr merge), or ask which of them overlap given CIDRs with --against.`,
    );
  }
}

async function pairs(io: Io, format: FormatName, list: PrefixList): Promise<number> {
  const found = overlappingPairs(list);
  const row = ([i, j]: readonly [number, number]) => {
    const a = list.prefixes[i] as Prefix;
    const b = list.prefixes[j] as Prefix;
    return { a: entry(list, i), b: entry(list, j), relation: relation(a.masked(), b.masked()) };
  };
  await writeListing(io, format, {
    kind: "CidrOverlapsReport",
    head: { inputs: list.length, count: found.length },
    key: "pairs",
    items: () => map(found, row),
    columns: [{ header: "a" }, { header: "at" }, { header: "relation" }, { header: "b" }, { header: "at" }],
    rows: () =>
      map(found, ([i, j]) => {
        const r = row([i, j]);
        return [r.a.cidr, list.where(i), r.relation, r.b.cidr, list.where(j)];
      }),
    lines: () =>
      map(found, ([i, j]) => `${(list.prefixes[i] as Prefix).toString()}\t${(list.prefixes[j] as Prefix).toString()}`),
    notes:
      format === "json" || format === "text"
        ? []
        : [
            found.length === 0
              ? `No overlaps among ${list.length} CIDRs.`
              : `${found.length} overlapping pair${found.length === 1 ? "" : "s"} among ${list.length} CIDRs.`,
          ],
  });
  return found.length ? EXIT.findings : EXIT.ok;
}

async function hits(io: Io, format: FormatName, queries: PrefixList, existing: PrefixList): Promise<number> {
  const index = new OverlapIndex(existing.prefixes);
  const found: Array<{ q: number; hit: number[] }> = [];
  queries.prefixes.forEach((p, q) => {
    const hit = index.overlapping(p);
    if (hit.length) found.push({ q, hit });
  });
  const row = ({ q, hit }: { q: number; hit: number[] }) => ({
    ...entry(queries, q),
    overlaps: hit.map((h) => entry(existing, h)),
  });
  const head = { queries: queries.length, against: existing.length, count: found.length };
  const listed = (hit: number[]) =>
    hit
      .slice(0, MAX_LISTED)
      .map((h) => `${(existing.prefixes[h] as Prefix).toString()} (${existing.where(h)})`)
      .join(", ") + (hit.length > MAX_LISTED ? ` and ${hit.length - MAX_LISTED} more` : "");
  await writeListing(io, format, {
    kind: "CidrOverlapsReport",
    head,
    key: "hits",
    items: () => map(found, row),
    columns: [{ header: "cidr" }, { header: "at" }, { header: "overlaps" }],
    rows: () => map(found, ({ q, hit }) => [(queries.prefixes[q] as Prefix).toString(), queries.where(q), listed(hit)]),
    lines: () => map(found, ({ q }) => (queries.prefixes[q] as Prefix).toString()),
    notes:
      format === "json" || format === "text"
        ? []
        : [
            `${found.length} of ${queries.length} CIDRs ${found.length === 1 ? "overlaps" : "overlap"} one or more ` +
              `of the ${existing.length} in ${existing.source(0) || "the --against list"}.`,
          ],
  });
  return found.length ? EXIT.findings : EXIT.ok;
}
