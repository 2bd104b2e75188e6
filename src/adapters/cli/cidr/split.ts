/** `aksnet cidr split CIDR --into /N | --count N`: the equal subnets that partition a network. */
import { parsePrefixOrAddr, ParseError, type Prefix } from "../../../ip/index.js";
import { UsageError } from "../errors.js";
import { formatNumber } from "../output/table.js";
import { chooseFormat, outputOption } from "../output/formats.js";
import { CIDR_OUTPUT, writeListing } from "./listing.js";
import { parseBits, prefixListing } from "./prefixes.js";
import type { CidrSubcommand } from "./subcommand.js";

/** The most subnets one split prints: a /8 into /32s. */
export const MAX_SPLIT = 2 ** 24;

function parseParent(text: string): Prefix {
  try {
    return parsePrefixOrAddr(text);
  } catch (e) {
    if (e instanceof ParseError)
      throw new UsageError(`${e.message}; give the network to split, such as 10.224.0.0/22.`);
    throw e;
  }
}

/** The prefix length of the subnets from `--into` or `--count`. */
export function splitBits(parent: Prefix, into: string | undefined, count: string | undefined): number {
  const max = parent.addr.bitLength;
  if ((into === undefined) === (count === undefined))
    throw new UsageError("give either --into /N (the subnet length) or --count N (how many equal subnets).");
  if (into !== undefined) {
    const bits = parseBits(into);
    if (bits === undefined) throw new UsageError(`--into "${into}" is not a prefix length; write it like /26.`);
    if (bits < parent.bits || bits > max) {
      // "--into 4" written for four subnets: say which option means that.
      const many =
        /^\d+$/.test(into.trim()) && bits < parent.bits ? `; for ${bits} equal subnets use --count ${bits}` : "";
      throw new UsageError(
        `--into /${bits} cannot split ${parent.masked().toString()}: the length must be between /${parent.bits} and ` +
          `/${max}${many}.`,
      );
    }
    return bits;
  }
  const text = String(count).trim();
  const n = /^[1-9][0-9]*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n))
    throw new UsageError(`--count "${text}" is not a positive whole number; write it like --count 4.`);
  const log = Math.log2(n);
  if (!Number.isInteger(log)) {
    const up = 2 ** Math.ceil(log);
    throw new UsageError(
      `--count ${n} is not a power of two; equal subnets come in powers of two, so use --count ` +
        `${up / 2 >= 1 ? `${up / 2} or ` : ""}${up}.`,
    );
  }
  if (parent.bits + log > max)
    throw new UsageError(
      `${parent.masked().toString()} cannot be split into ${formatNumber(n)} subnets: it holds at most ` +
        `${formatNumber(2n ** BigInt(max - parent.bits))} /${max}s.`,
    );
  return parent.bits + log;
}

export const split: CidrSubcommand = {
  name: "split",
  summary: "the equal subnets of a network: --into /N or --count N",
  examples: ["aksnet cidr split 10.224.0.0/22 --into /24", "aksnet cidr split 10.224.0.0/16 --count 4 -o text"],
  configure(cmd) {
    cmd
      .argument("<cidr>", "the network to split")
      .option("--into <length>", "subnet prefix length, such as /26")
      .option("--count <n>", "number of equal subnets (a power of two)")
      .addOption(outputOption(CIDR_OUTPUT));
  },
  async run({ args, opts, io }) {
    const format = chooseFormat(CIDR_OUTPUT, opts["output"]);
    const parent = parseParent(String(args[0]));
    const bits = splitBits(parent, opts["into"] as string | undefined, opts["count"] as string | undefined);
    const count = parent.subnetCount(bits);
    if (count > BigInt(MAX_SPLIT)) {
      throw new UsageError(
        `splitting ${parent.masked().toString()} into /${bits} gives ${formatNumber(count)} subnets; aksnet prints ` +
          `at most ${formatNumber(MAX_SPLIT)}, so choose a shorter length.`,
      );
    }
    const net = parent.masked();
    const notes =
      net === parent ? [] : [`note: ${parent.toString()} has host bits set; split its network ${net.toString()}.`];
    await writeListing(
      io,
      format,
      prefixListing(
        "CidrSplitReport",
        { cidr: net.toString(), bits, count: Number(count) },
        () => net.subnets(bits),
        notes,
      ),
    );
  },
};
