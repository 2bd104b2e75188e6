/**
 * `aksnet cidr free PARENT`: the free space of a parent once the used CIDRs are
 * taken out, or with `--bits N` the first free aligned /N prefixes (`--count K`),
 * which is what allocating K subnets one after another, first fit, hands out.
 */
import { ParseError, freePrefixes, freeSpace, parsePrefixOrAddr, type Prefix } from "../../../ip/index.js";
import { EXIT, UsageError } from "../errors.js";
import { readPrefixList, type PrefixList } from "./input.js";
import { chooseFormat } from "../output/formats.js";
import { CIDR_OUTPUT, writeListing } from "./listing.js";
import { parseBits, totalSize, prefixListing } from "./prefixes.js";
import { addListOptions, stringArgs, type CidrSubcommand } from "./subcommand.js";

function parseParent(text: string): Prefix {
  try {
    return parsePrefixOrAddr(text);
  } catch (e) {
    if (e instanceof ParseError) throw new UsageError(`${e.message}; give the parent network, such as 10.224.0.0/12.`);
    throw e;
  }
}

function parseCount(value: unknown): number {
  const text = String(value).trim();
  if (!/^[1-9][0-9]{0,8}$/.test(text))
    throw new UsageError(`--count "${text}" is not a whole number from 1 to 999,999,999; write it like --count 4.`);
  return Number(text);
}

/** `--bits N`: a prefix length that fits in the parent; `--count` without it is refused. */
function bitsOption(opts: Readonly<Record<string, unknown>>, net: Prefix): number | undefined {
  if (opts["bits"] === undefined) {
    if (opts["count"] !== undefined)
      throw new UsageError("--count needs --bits: say which prefix length to find, such as --bits /24 --count 4.");
    return undefined;
  }
  const text = String(opts["bits"]);
  const bits = parseBits(text);
  if (bits === undefined) throw new UsageError(`--bits "${text}" is not a prefix length; write it like /24.`);
  if (bits < net.bits || bits > net.addr.bitLength) {
    throw new UsageError(
      `--bits /${bits} cannot fit in ${net.toString()}: the length must be between /${net.bits} and ` +
        `/${net.addr.bitLength}.`,
    );
  }
  return bits;
}

/** Notes on the input: host bits in the parent or used CIDRs, used CIDRs outside the parent. */
function inputNotes(parent: Prefix, net: Prefix, used: PrefixList): string[] {
  const notes: string[] = [];
  if (net !== parent)
    notes.push(`note: ${parent.toString()} has host bits set; searched its network ${net.toString()}.`);
  const hostNote = used.hostBitsNote();
  if (hostNote) notes.push(hostNote);
  const outside = used.prefixes.reduce((n, p) => (net.overlaps(p) ? n : n + 1), 0);
  if (outside)
    notes.push(
      `note: ${outside} used CIDR${outside === 1 ? " lies" : "s lie"} outside ${net.toString()} and ` +
        `${outside === 1 ? "was" : "were"} ignored.`,
    );
  return notes;
}

export const free: CidrSubcommand = {
  name: "free",
  summary: "free space in a parent, or the first free /N prefixes (--bits N --count K)",
  examples: [
    "aksnet cidr free 10.224.0.0/16 -f used.txt",
    "aksnet cidr free 10.224.0.0/16 -f used.txt --bits /24 --count 3",
  ],
  configure(cmd) {
    addListOptions(
      cmd
        .argument("<parent>", "the network to search")
        .option("-u, --used <cidr...>", "CIDRs already in use")
        .option("-b, --bits <length>", "find free prefixes of this length, such as /24")
        .option("-c, --count <k>", "how many free prefixes to find with --bits (default 1)"),
      "read the used CIDRs from FILE, one per line (- = standard input)",
    );
  },
  async run({ args, opts, io }) {
    const format = chooseFormat(CIDR_OUTPUT, opts["output"]);
    const parent = parseParent(String(args[0]));
    const net = parent.masked();
    const bits = bitsOption(opts, net);
    const count = bits === undefined ? undefined : opts["count"] === undefined ? 1 : parseCount(opts["count"]);
    const used = await readPrefixList(
      {
        args: stringArgs(opts["used"]),
        file: opts["file"] as string | undefined,
        what: "used CIDRs",
        emptyFromTerminal: true,
        argsOption: "--used",
      },
      io,
    );

    const notes = inputNotes(parent, net, used);

    if (bits === undefined || count === undefined) {
      const space = freeSpace(net, used.prefixes);
      await writeListing(
        io,
        format,
        prefixListing(
          "CidrFreeReport",
          { parent: net.toString(), used: used.length, count: space.length, addresses: totalSize(space) },
          () => space,
          notes,
        ),
      );
      return;
    }
    const found = freePrefixes(net, used.prefixes, bits, count);
    if (found.length < count)
      notes.push(
        `note: only ${found.length} of the ${count} /${bits} prefixes asked for are free in ${net.toString()}.`,
      );
    await writeListing(
      io,
      format,
      prefixListing(
        "CidrFreeReport",
        { parent: net.toString(), used: used.length, bits, requested: count, count: found.length },
        () => found,
        notes,
      ),
    );
    return found.length < count ? EXIT.findings : EXIT.ok;
  },
};
