/**
 * The CLI entry: the only module that turns argv into a command run and a
 * command's result into an exit code. Exit codes: 0 success, 1 error findings,
 * 2 usage or input error. No stack trace reaches the user unless AKSNET_DEBUG is set.
 */
import { Command, CommanderError } from "commander";
import { commands } from "./commands.js";
import { nodeTooOld } from "./node-version.js";
import { missingOptionalPackage } from "./optional-packages.js";
import { EXIT, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { safeIo } from "./output/safe-text.js";
import { VERSION } from "./version.js";

function firstCommandName(argv: readonly string[]): string | undefined {
  for (const a of argv) {
    if (a === "--") return undefined;
    if (!a.startsWith("-")) return a;
  }
  return undefined;
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit code.
 * `programName` is how the user invoked it: `aksnet`, or `kubectl aksnet` under the kubectl plugin.
 */
export async function run(argv: readonly string[], rawIo: Io, programName = "aksnet"): Promise<number> {
  // Everything written passes through one place that escapes control characters from the inputs.
  const io = safeIo(rawIo);
  // `aksnet help compare` is `aksnet compare --help` (only the named command's module is loaded).
  if (argv[0] === "help") argv = argv.length > 1 ? [...argv.slice(1), "--help"] : ["--help"];
  const name = firstCommandName(argv);
  const known = commands.some((c) => c.name === name);
  const program = new Command(programName)
    .description("Plan, check and inspect AKS cluster networking.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(formatCommanderError(s, known ? `${programName} ${name}` : programName)),
    });
  program.addHelpText(
    "after",
    "\nExamples:\n  aksnet compare                      # the /24 example: every model side by side\n  aksnet size " +
      "--nodes 50 --max-pods 30\n  aksnet check aksnet.yaml\n  aksnet cidr info 10.224.0.0/24\n",
  );

  const entry = commands.find((c) => c.name === name);
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
    const def = (await entry.load()).default;
    const cmd = program.command(entry.name).description(entry.summary).exitOverride();
    def.configure(cmd);
    const attach = (c: Command) => {
      // A command with subcommands (cidr) configures actions on its children itself.
      if (c.commands.length === 0) {
        c.action(async (...params: unknown[]) => {
          const self = params[params.length - 1] as Command;
          exitCode = await def.run({ args: self.processedArgs, opts: self.opts(), io });
        });
      }
    };
    attach(cmd);
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

function formatCommanderError(s: string, invocation: string): string {
  const text = s
    .replace(/^error: /, "")
    .trim()
    .replace(/\.$/, "");
  return `${invocation}: ${text}. Run '${invocation} --help' for usage.\n`;
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
