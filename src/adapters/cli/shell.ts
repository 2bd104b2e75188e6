/**
 * The command line's shell: turns argv into a command run and a command's result into an
 * exit code, for a given command registry. `main.ts` runs it with every command; each
 * command's bundle of the executable (scripts/build-cli.mjs) runs it with its own command
 * loaded (`bundle.ts`), so `aksnet compare` loads compare's code and no other command's.
 * Exit codes: 0 success, 1 error findings, 2 usage or input error. No stack trace reaches
 * the user unless AKSNET_DEBUG is set.
 */
import { Command, CommanderError } from "commander";
import type { CommandEntry } from "./commands.js";
import { firstCommandName, withoutHelpCommand } from "./command-name.js";
import { nodeTooOld } from "./node-version.js";
import { missingOptionalPackage } from "./optional-packages.js";
import { commanderSentence, EXIT, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { safeIo } from "./output/safe-text.js";
import { VERSION } from "./version.js";

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit code.
 * `programName` is how the user invoked it: `aksnet`, or `kubectl aksnet` under the kubectl plugin.
 * `commands` is the registry; only the named command's `load` is called.
 */
export async function runCommands(
  commands: readonly CommandEntry[],
  givenArgv: readonly string[],
  rawIo: Io,
  programName = "aksnet",
): Promise<number> {
  // Everything written passes through one place that escapes control characters from the inputs.
  const io = safeIo(rawIo);
  const argv = withoutHelpCommand(givenArgv);
  const name = firstCommandName(argv);
  const entry = commands.find((c) => c.name === name);
  const program = newProgram(io, programName, entry ? `${programName} ${name}` : programName);
  let exitCode: number = EXIT.ok;
  // The other commands are there for the top-level help only: a command run without help skips them (~20
  // commander objects built on every start).
  const help = !entry || argv.some((a) => a === "--help" || a === "-h");
  for (const c of help ? commands : []) {
    if (c === entry) continue;
    program.command(c.name).description(c.summary);
  }
  if (entry) {
    const tooOld = nodeTooOld(entry.node, io.nodeVersion);
    if (tooOld) {
      io.err(`${programName} ${entry.name}: ${tooOld}\n`);
      return EXIT.usage;
    }
    await addCommand(program, entry, io, (code) => (exitCode = code));
  } else if (name !== undefined) {
    io.err(`${programName}: unknown command '${name}'. Run '${programName} --help' for the list of commands.\n`);
    return EXIT.usage;
  }

  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    return handleError(e, io, name, programName);
  }
}

/** The top-level program: version, help text, errors in one sentence naming `invocation`. */
function newProgram(io: Io, programName: string, invocation: string): Command {
  const program = new Command(programName)
    .description("Plan, check and inspect AKS cluster networking.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(commanderSentence(s, invocation)),
    });
  program.addHelpText(
    "after",
    "\nExamples:\n  aksnet compare                      # the /24 example: every model side by side\n  aksnet size " +
      "--nodes 50 --max-pods 30\n  aksnet check aksnet.yaml\n  aksnet cidr info 10.224.0.0/24\n",
  );
  return program;
}

/** Loads `entry`'s module and adds the command to `program`; its run reports its exit code to `done`. */
async function addCommand(program: Command, entry: CommandEntry, io: Io, done: (code: number) => void): Promise<void> {
  const def = (await entry.load()).default;
  const cmd = program.command(entry.name).description(entry.summary).exitOverride();
  def.configure(cmd);
  // A command with subcommands (cidr) configures actions on its children itself.
  if (cmd.commands.length === 0) {
    cmd.action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      done(await def.run({ args: self.processedArgs, opts: self.opts(), io }));
    });
  }
}

function handleError(e: unknown, io: Io, name: string | undefined, programName: string): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return EXIT.ok;
    return EXIT.usage;
  }
  if (e instanceof UsageError) {
    io.err(`${programName}${name ? " " + name : ""}: ${e.message}\n`);
    return EXIT.usage;
  }
  const missing = missingOptionalPackage(e);
  if (missing) {
    io.err(`${programName}${name ? " " + name : ""}: ${missing}.\n`);
    return EXIT.usage;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (io.env["AKSNET_DEBUG"]) io.err(`${e instanceof Error ? e.stack : message}\n`);
  io.err(
    `${programName}${name ? " " + name : ""}: internal error: ${message}. This is a bug in aksnet; please report it ` +
      `(set AKSNET_DEBUG=1 for details).\n`,
  );
  return EXIT.usage;
}
