/**
 * The CLI entry for embedding and tests: the shell (`shell.ts`) with every command
 * (`commands.ts`). The executable runs the same shell from its bundles (scripts/build-cli.mjs).
 */
import { commands } from "./commands.js";
import type { Io } from "./io.js";
import { runCommands } from "./shell.js";

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit code.
 * `programName` is how the user invoked it: `aksnet`, or `kubectl aksnet` under the kubectl plugin.
 */
export function run(argv: readonly string[], rawIo: Io, programName = "aksnet"): Promise<number> {
  return runCommands(commands, argv, rawIo, programName);
}
