/**
 * One `aksnet cidr` subcommand: its arguments and options, and its run. The
 * `cidr` command module attaches each to a commander subcommand with its own action.
 */
import type { Command } from "commander";
import type { Io } from "../io.js";
import { outputOption } from "../output/formats.js";
import { CIDR_OUTPUT } from "./listing.js";

export interface SubcommandInput {
  /** Positional arguments (the variadic CIDR list is an array). */
  readonly args: readonly unknown[];
  readonly opts: Readonly<Record<string, unknown>>;
  readonly io: Io;
}

export interface CidrSubcommand {
  readonly name: string;
  readonly summary: string;
  /** Command lines shown under "Examples:" in the subcommand's help. */
  readonly examples: readonly string[];
  configure(cmd: Command): void;
  /**
   * Runs the subcommand; resolves to an exit code (`EXIT.findings` for overlaps found or no room),
   * or nothing for 0.
   */
  // A subcommand with nothing to report returns nothing.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  run(input: SubcommandInput): Promise<number | void>;
}

/** The shared options: `-f, --file` and `-o, --output`. */
export function addListOptions(
  cmd: Command,
  fileHelp = "read CIDRs from FILE, one per line (- = standard input)",
): Command {
  return cmd.option("-f, --file <path>", fileHelp).addOption(outputOption(CIDR_OUTPUT));
}

/** The positional CIDR list as strings. */
export function stringArgs(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
}
