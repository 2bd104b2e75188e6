/**
 * What the bundled executable (scripts/build-cli.mjs) is made of: `dist/cli/aksnet.js`
 * reads which command argv names (`dispatch.ts`) and loads that command's bundle alone,
 * or the shell's bundle when argv names none (`--version`, `--help`, an unknown command).
 * Each bundle runs the same shell (`shell.ts`) as `main.ts` does, with a registry that
 * holds every command's name and summary (for help) and its own command's module
 * (`registryWith`): the shell loads only the named command, so the output is the same.
 */
import type { CommandDef } from "./command.js";
import { COMMAND_LIST } from "./command-list.js";
import type { CommandEntry } from "./commands.js";
import { processIo } from "./io.js";
import { programNameOf } from "./dispatch.js";
import { runCommands } from "./shell.js";

/** Every command's name and summary, with `def` as the module of the command `name` (the others cannot load). */
export function registryWith(name: string | undefined, def: CommandDef | undefined): CommandEntry[] {
  return COMMAND_LIST.map((c) => ({
    ...c,
    load: () =>
      c.name === name && def
        ? Promise.resolve({ default: def })
        : Promise.reject(new Error(`the bundle of ${name ?? "the shell"} has no module for ${c.name}`)),
  }));
}

/** Runs the process's command line with the registry of one bundle (`name` undefined: the shell's). */
export function startBundle(name: string | undefined, def: CommandDef | undefined, argv: readonly string[]) {
  return runCommands(registryWith(name, def), argv, processIo(), programNameOf(process.argv[1]));
}
