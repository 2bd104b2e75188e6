/**
 * The bundled executable's first step (`dist/cli/aksnet.js`, scripts/build-cli.mjs): which
 * bundle runs a command line. Imports nothing heavy: it runs before Node's compile cache
 * is on and before any command's code is read.
 */
import { basename } from "node:path";
import { COMMAND_LIST } from "./command-list.js";
import { commandNameOf } from "./command-name.js";

/** The bundle that runs `argv`: the command it names, or undefined for the shell's (`--version`, help, unknown). */
export function bundleFor(argv: readonly string[]): string | undefined {
  const name = commandNameOf(argv);
  return COMMAND_LIST.some((c) => c.name === name) ? name : undefined;
}

/** How the user invoked the executable: kubectl runs plugins as `kubectl-aksnet`; help then says `kubectl aksnet`. */
export function programNameOf(script: string | undefined): string {
  return basename(script ?? "aksnet").startsWith("kubectl-aksnet") ? "kubectl aksnet" : "aksnet";
}

/**
 * Whether the code a run of bundle `name` compiled is worth keeping for the next runs (code-cache.ts writes
 * a bundle's cache once): not a command's help or a usage error (exit 2), which compile commander's help and
 * errors instead of the command's own code. The shell's bundle runs help and `--version` alone: always kept.
 */
export function keepsCodeCache(name: string, argv: readonly string[], code: number): boolean {
  if (name === "shell") return true;
  return code !== 2 && argv[0] !== "help" && !argv.some((a) => a === "--help" || a === "-h");
}

/**
 * Ends the process as soon as a command's run is over when nothing is left pending (no handle, request or timer):
 * Node would otherwise turn its event loop once more and run V8's queued tasks before ending, a garbage collection
 * among them (callgrind on Node 22: `compare` −2.9 M instructions, its only scavenge; `check` −0.9 M). With anything
 * pending (a server, a write still queued in a stream) the process ends as before, once the loop is empty.
 */
export function exitWhenIdle(): void {
  if (process.getActiveResourcesInfo().length === 0) process.exit();
}
