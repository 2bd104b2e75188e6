/** `aksnet cidr merge`: the fewest CIDRs covering exactly the same addresses (collapse). */
import { mergePrefixes } from "../../../ip/index.js";
import { readPrefixList } from "./input.js";
import { chooseFormat } from "../output/formats.js";
import { CIDR_OUTPUT, writeListing } from "./listing.js";
import { totalSize, prefixListing } from "./prefixes.js";
import { addListOptions, stringArgs, type CidrSubcommand } from "./subcommand.js";

export const merge: CidrSubcommand = {
  name: "merge",
  summary: "the fewest CIDRs covering exactly the addresses of the inputs",
  examples: ["aksnet cidr merge 10.224.0.0/24 10.224.1.0/24", "aksnet cidr merge -f subnets.txt -o text > merged.txt"],
  configure(cmd) {
    addListOptions(cmd.argument("[cidr...]", "CIDRs or addresses"));
  },
  async run({ args, opts, io }) {
    const format = chooseFormat(CIDR_OUTPUT, opts["output"]);
    const list = await readPrefixList({ args: stringArgs(args[0]), file: opts["file"] as string | undefined }, io);
    const merged = mergePrefixes(list.prefixes);
    const note = list.hostBitsNote();
    await writeListing(
      io,
      format,
      prefixListing(
        "CidrMergeReport",
        { inputs: list.length, count: merged.length, addresses: totalSize(merged) },
        () => merged,
        note ? [note] : [],
      ),
    );
  },
};
