/** `aksnet cidr exclude PARENT… --remove CIDR…`: what is left of the parents once the removed CIDRs are taken out. */
import { excludePrefixes } from "../../../ip/index.js";
import { readPrefixList } from "./input.js";
import { chooseFormat } from "../output/formats.js";
import { CIDR_OUTPUT, writeListing } from "./listing.js";
import { totalSize, prefixListing } from "./prefixes.js";
import { addListOptions, stringArgs, type CidrSubcommand } from "./subcommand.js";

export const exclude: CidrSubcommand = {
  name: "exclude",
  summary: "the parents minus the removed CIDRs, as the fewest CIDRs",
  examples: [
    "aksnet cidr exclude 10.224.0.0/16 --remove 10.224.0.0/22 10.224.8.0/24",
    "aksnet cidr exclude 10.224.0.0/12 -f used.txt -o text",
  ],
  configure(cmd) {
    addListOptions(
      cmd
        .argument("<parent...>", "the networks to take addresses out of")
        .option("-r, --remove <cidr...>", "CIDRs to take out"),
      "read the CIDRs to take out from FILE, one per line (- = standard input)",
    );
  },
  async run({ args, opts, io }) {
    const format = chooseFormat(CIDR_OUTPUT, opts["output"]);
    const parents = await readPrefixList({ args: stringArgs(args[0]), stdinFallback: false }, io);
    const remove = await readPrefixList(
      {
        args: stringArgs(opts["remove"]),
        file: opts["file"] as string | undefined,
        what: "CIDRs to remove",
        argsHint: "with --remove",
        argsOption: "--remove",
      },
      io,
    );
    const left = excludePrefixes(parents.prefixes, remove.prefixes);
    const notes = [parents.hostBitsNote(), remove.hostBitsNote()].filter((n): n is string => n !== undefined);
    await writeListing(
      io,
      format,
      prefixListing(
        "CidrExcludeReport",
        {
          parents: parents.prefixes.map((p) => p.masked().toString()),
          removed: remove.length,
          count: left.length,
          addresses: totalSize(left),
        },
        () => left,
        notes,
      ),
    );
  },
};
