/**
 * Which command a command line names, read before anything is loaded: by the shell
 * (`shell.ts`) and by the bundled executable's dispatcher (`dispatch.ts`), alike.
 */

/** The first argument that is not an option, up to `--`. */
export function firstCommandName(argv: readonly string[]): string | undefined {
  for (const a of argv) {
    if (a === "--") return undefined;
    if (!a.startsWith("-")) return a;
  }
  return undefined;
}

/** `aksnet help compare` is `aksnet compare --help` (only the named command's module is loaded). */
export function withoutHelpCommand(argv: readonly string[]): readonly string[] {
  if (argv[0] === "help") return argv.length > 1 ? [...argv.slice(1), "--help"] : ["--help"];
  return argv;
}

/** The command `argv` names (a known one or not), as `runCommands` reads it; undefined for none. */
export function commandNameOf(argv: readonly string[]): string | undefined {
  return firstCommandName(withoutHelpCommand(argv));
}
