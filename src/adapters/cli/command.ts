/**
 * The shape of one CLI command. A command module's default export is a
 * `CommandDef`; `main.ts` loads only the module of the command being run, so a
 * heavy dependency (the Kubernetes client, the web bundle) costs nothing to the
 * other commands.
 */
import type { Command } from "commander";
import type { Io } from "./io.js";

export interface CommandInput {
  /** Positional arguments as commander parsed them (a variadic argument is an array). */
  readonly args: readonly unknown[];
  /** Options as commander parsed them, after each option's own parser. */
  readonly opts: Readonly<Record<string, unknown>>;
  readonly io: Io;
}

export interface CommandDef {
  /** Adds arguments, options and help text (with examples) to the command. */
  configure(cmd: Command): void;
  /**
   * For a command that parses its own nested subcommands at run time (cidr): adds them to `cmd`
   * with their options, so shell completion and other readers of the registry see them.
   */
  subcommands?(cmd: Command): void;
  /** Runs the command and returns its exit code; throws `UsageError` for bad input. */
  run(input: CommandInput): Promise<number>;
}

/** Identity helper for type inference. */
export function defineCommand(def: CommandDef): CommandDef {
  return def;
}
