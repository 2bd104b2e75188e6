/**
 * What shell completion knows, read from the command registry: each command,
 * its subcommands (cidr's), options and option values (the -o formats, and an
 * option's declared choices), by configuring every command on a scratch
 * commander program. A command added to the registry is completed with no
 * change here.
 */
import { Command, type Option } from "commander";
import { commands } from "../commands.js";

export interface OptionSpec {
  /** `-o` and/or `--output`. */
  readonly names: readonly string[];
  readonly description: string;
  /** Whether it takes a value. */
  readonly takesValue: boolean;
  /** The values to offer, when known. */
  readonly values: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly subcommands: readonly CommandSpec[];
}

function valuesOf(o: Option): string[] {
  if (o.argChoices) return [...o.argChoices];
  const formats = /^output format: (.*)$/.exec(o.description)?.[1];
  if (formats) return formats.split(",").map((f) => f.trim().replace(/ \(default\)$/, ""));
  if (o.long === "--fail-on") return ["error", "warning", "note", "never"];
  return [];
}

function specOf(cmd: Command): CommandSpec {
  return {
    name: cmd.name(),
    summary: cmd.description(),
    options: [
      ...cmd.options
        .filter((o) => !o.hidden)
        .map((o) => ({
          names: [o.short, o.long].filter((n): n is string => n !== undefined),
          description: o.description,
          takesValue: o.required || o.optional,
          values: valuesOf(o),
        })),
      { names: ["-h", "--help"], description: "display help for command", takesValue: false, values: [] },
    ],
    subcommands: cmd.commands.map(specOf),
  };
}

/** Every command of the registry, configured. */
export async function completionSpec(): Promise<CommandSpec[]> {
  const out: CommandSpec[] = [];
  for (const entry of commands) {
    const cmd = new Command(entry.name).description(entry.summary);
    const def = (await entry.load()).default;
    def.configure(cmd);
    def.subcommands?.(cmd);
    out.push(specOf(cmd));
  }
  return out;
}
