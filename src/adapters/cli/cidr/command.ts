/**
 * `aksnet cidr`: the IP toolbox on its own. main.ts runs a command's `run` only
 * for a leaf command, so `cidr` is a leaf that passes everything after its name
 * through to a nested commander tree built here, one subcommand per module in
 * `../cidr/`, each with its own action and the `Io` of this run. Exit codes: 0, 1
 * when `overlaps` finds overlaps or `free` finds fewer prefixes than asked for, and
 * 2 for bad input (a `UsageError`, which main.ts turns into one sentence).
 */
import { Command } from "commander";
import { defineCommand } from "../command.js";
import { commanderSentence, EXIT } from "../errors.js";
import { subcommands } from "./subcommands.js";

const EXAMPLES =
  "\nExamples:\n" +
  "  aksnet cidr info 10.224.0.0/12 10.0.0.5/24\n" +
  "  aksnet cidr split 10.224.0.0/22 --into /24\n" +
  "  aksnet cidr merge -f subnets.txt -o text\n" +
  "  aksnet cidr exclude 10.0.0.0/16 --remove 10.0.1.0/24\n" +
  "  aksnet cidr overlaps -f subnets.txt\n" +
  "  aksnet cidr free 10.224.0.0/12 -f used.txt --bits 24 --count 4\n" +
  "\nLists come from arguments, from -f FILE (- = standard input) or from standard input;\n" +
  "one CIDR or address per line, # comments and blank lines allowed.\n" +
  "Exit codes: 0 done; 1 overlaps found, or fewer free prefixes than --count; 2 bad input.\n";

export default defineCommand({
  configure(cmd) {
    // Everything after `cidr` (options included) goes to the nested tree; it needs positional options on the parent.
    cmd.parent?.enablePositionalOptions();
    cmd.helpOption(false).allowUnknownOption().allowExcessArguments().passThroughOptions().argument("[args...]");
  },
  subcommands(cmd) {
    for (const sub of subcommands) sub.configure(cmd.command(sub.name).description(sub.summary));
  },
  async run({ args, io }) {
    const argv = (args[0] as string[] | undefined) ?? [];
    const outer = (msg: string) => commanderSentence(msg, "aksnet cidr");
    const root = new Command("cidr")
      .description("The IP toolbox: info, split, merge, exclude, overlaps, free.")
      .usage("<subcommand> [options] [CIDR...]")
      .exitOverride()
      .configureOutput({
        writeOut: (s) => void io.out(s),
        writeErr: (s) => io.err(s),
        outputError: (s, write) => write(outer(s)),
      })
      .addHelpText("after", EXAMPLES);
    root.name("aksnet cidr");
    let code: number = EXIT.ok;
    for (const sub of subcommands) {
      const child = root
        .command(sub.name)
        .description(sub.summary)
        .addHelpText("after", `\nExamples:\n${sub.examples.map((e) => `  ${e}\n`).join("")}`);
      sub.configure(child);
      child.action(async (...params: unknown[]) => {
        const self = params[params.length - 1] as Command;
        code = (await sub.run({ args: self.processedArgs, opts: self.opts(), io })) ?? EXIT.ok;
      });
    }
    // Without a subcommand there is nothing to do: a usage error, with the usage (on standard error).
    if (argv.length === 0) {
      const names = subcommands.map((c) => c.name);
      const list = `${names.slice(0, -1).join(", ")} or ${names[names.length - 1] ?? ""}`;
      io.err(`aksnet cidr: give a subcommand: ${list}.\n\n${root.helpInformation()}`);
      return EXIT.usage;
    }
    await root.parseAsync(argv, { from: "user" });
    return code;
  },
});
