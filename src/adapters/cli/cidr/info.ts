/** `aksnet cidr info`: network, first/last, size and Azure subnet facts of each CIDR. */
import { type Prefix } from "../../../ip/index.js";
import { azureSubnetProblem, azureUsable } from "../../../kb/index.js";
import { formatNumber } from "../output/table.js";
import { readPrefixList } from "./input.js";
import { chooseFormat } from "../output/formats.js";
import { CIDR_OUTPUT, map, writeListing } from "./listing.js";
import { addListOptions, stringArgs, type CidrSubcommand } from "./subcommand.js";

/** One row of `info`, the JSON contract (see docs/cidr.md). */
export interface PrefixInfo {
  readonly input: string;
  readonly cidr: string;
  readonly family: 4 | 6;
  readonly bits: number;
  readonly first: string;
  readonly last: string;
  readonly netmask: string | null;
  readonly size: bigint;
  readonly hostBits: boolean;
  readonly azureSubnet: boolean;
  readonly azureUsable: bigint | null;
  readonly azureProblem: string | null;
}

export function prefixInfo(p: Prefix): PrefixInfo {
  const problem = azureSubnetProblem(p) ?? null;
  const net = p.masked();
  return {
    input: p.toString(),
    cidr: net.toString(),
    family: p.family,
    bits: p.bits,
    first: net.first().toString(),
    last: net.last().toString(),
    netmask: p.family === 4 ? p.netmask().toString() : null,
    size: p.size(),
    hostBits: net !== p,
    azureSubnet: problem === null,
    azureUsable: problem === null ? azureUsable(p) : null,
    azureProblem: problem,
  };
}

const MAX_NOTES = 5;

export const info: CidrSubcommand = {
  name: "info",
  summary: "network, first and last address, size and Azure usable addresses of each CIDR",
  examples: [
    "aksnet cidr info 10.224.0.0/24 10.0.0.5/28 fd12:3456:789a::/64",
    "aksnet cidr info -f subnets.txt -o json",
  ],
  configure(cmd) {
    addListOptions(cmd.argument("[cidr...]", "CIDRs or addresses"));
  },
  async run({ args, opts, io }) {
    const format = chooseFormat(CIDR_OUTPUT, opts["output"]);
    const list = await readPrefixList({ args: stringArgs(args[0]), file: opts["file"] as string | undefined }, io);
    const rows = () => map(list.prefixes, prefixInfo);
    await writeListing(io, format, {
      kind: "CidrInfoReport",
      head: { count: list.length },
      key: "prefixes",
      items: rows,
      columns: [
        { header: "cidr" },
        { header: "first" },
        { header: "last" },
        { header: "addresses", align: "right" },
        { header: "azure usable", align: "right" },
        { header: "azure subnet" },
      ],
      rows: () =>
        map(rows(), (r) => [
          r.cidr,
          r.first,
          r.last,
          formatNumber(r.size),
          r.azureUsable === null ? "-" : formatNumber(r.azureUsable),
          r.azureSubnet ? "yes" : "no",
        ]),
      lines: () => map(rows(), (r) => [r.cidr, r.first, r.last, r.size, r.azureUsable ?? "-"].join("\t")),
      // Notes are for a person reading a table; a pipe gets the values only.
      notes: format === "table" || format === "markdown" ? infoNotes(rows()) : [],
    });
  },
};

/** Host bits set and prefixes that cannot be Azure subnets, at most MAX_NOTES of them. */
function infoNotes(rows: Iterable<PrefixInfo>): string[] {
  const notes: string[] = [];
  let more = 0;
  for (const r of rows) {
    const lines = [
      ...(r.hostBits ? [`note: ${r.input} has host bits set; its network is ${r.cidr}.`] : []),
      ...(r.azureProblem ? [`note: ${r.cidr} cannot be an Azure subnet: ${r.azureProblem}.`] : []),
    ];
    for (const l of lines) {
      if (notes.length < MAX_NOTES) notes.push(l);
      else more++;
    }
  }
  if (more) notes.push(`(${more} more notes not shown; use -o json for every row)`);
  return notes;
}
