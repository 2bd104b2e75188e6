/**
 * The bundled executable's dispatcher picks the bundle of the command the shell would load: for every command
 * line, `bundleFor` names exactly the command whose module `runCommands` loads (none: the shell's bundle).
 */
import { describe, expect, it, vi } from "vitest";
import { registryWith } from "./bundle.js";
import type { CommandDef } from "./command.js";
import { COMMAND_LIST } from "./command-list.js";
import { bundleFor, exitWhenIdle, keepsCodeCache, programNameOf } from "./dispatch.js";
import { memoryIo } from "./io.js";
import { runCommands } from "./shell.js";

/** The command whose module the shell loads for `argv`, with a registry that records loads. */
async function loadedBy(argv: string[]): Promise<string | undefined> {
  let loaded: string | undefined;
  const def: CommandDef = { configure: () => undefined, run: () => Promise.resolve(0) };
  const registry = COMMAND_LIST.map((c) => ({
    ...c,
    load: () => {
      loaded = c.name;
      return Promise.resolve({ default: def });
    },
  }));
  await runCommands(registry, argv, memoryIo());
  return loaded;
}

describe("dispatch", () => {
  it.each([
    { name: "a command", argv: ["compare"], bundle: "compare" },
    { name: "a command with flags", argv: ["check", "-o", "json", "plan.yaml"], bundle: "check" },
    { name: "an option before the command", argv: ["--no-color", "size"], bundle: "size" },
    { name: "help COMMAND", argv: ["help", "cidr", "merge"], bundle: "cidr" },
    { name: "COMMAND --help", argv: ["fleet", "--help"], bundle: "fleet" },
    { name: "--version", argv: ["--version"], bundle: undefined },
    { name: "no arguments", argv: [], bundle: undefined },
    { name: "help alone", argv: ["help"], bundle: undefined },
    { name: "an unknown command", argv: ["frob"], bundle: undefined },
    { name: "a command after --", argv: ["--", "compare"], bundle: undefined },
  ])("$name: the bundle of $bundle, the command the shell loads", async ({ argv, bundle }) => {
    expect(bundleFor(argv)).toBe(bundle);
    expect(await loadedBy(argv)).toBe(bundle);
  });

  it("a bundle's registry lists every command and loads only its own", async () => {
    const def: CommandDef = { configure: () => undefined, run: () => Promise.resolve(0) };
    const registry = registryWith("size", def);
    expect(registry.map((c) => c.name)).toEqual(COMMAND_LIST.map((c) => c.name));
    expect((await registry.find((c) => c.name === "size")!.load()).default).toBe(def);
    await expect(registry.find((c) => c.name === "compare")!.load()).rejects.toThrow(/no module for compare/);
  });

  it.each([
    { script: "/usr/lib/node_modules/aksnet/dist/cli/aksnet.js", program: "aksnet" },
    { script: "/home/me/.krew/bin/kubectl-aksnet", program: "kubectl aksnet" },
    { script: undefined, program: "aksnet" },
  ])("run as $script: help says $program", ({ script, program }) => {
    expect(programNameOf(script)).toBe(program);
  });

  it.each([
    { name: "a command's run", bundle: "check", argv: ["check", "plan.yaml"], code: 0, keep: true },
    { name: "a run with error findings", bundle: "check", argv: ["check", "bad.yaml"], code: 1, keep: true },
    { name: "a usage error", bundle: "check", argv: ["check", "--frob"], code: 2, keep: false },
    { name: "COMMAND --help", bundle: "compare", argv: ["compare", "--help"], code: 0, keep: false },
    { name: "COMMAND -h", bundle: "compare", argv: ["compare", "-h"], code: 0, keep: false },
    { name: "help COMMAND", bundle: "cidr", argv: ["help", "cidr"], code: 0, keep: false },
    { name: "the shell's --help", bundle: "shell", argv: ["--help"], code: 0, keep: true },
    { name: "the shell's unknown command", bundle: "shell", argv: ["frob"], code: 2, keep: true },
  ])("$name: the code cache is kept: $keep", ({ bundle, argv, code, keep }) => {
    expect(keepsCodeCache(bundle, argv, code)).toBe(keep);
  });

  it.each([
    { name: "nothing pending: ends now", pending: [], exits: true },
    { name: "a timer pending: the loop goes on", pending: ["Timeout"], exits: false },
    { name: "a write queued in a stream: the loop goes on", pending: ["PipeWrap", "WriteWrap"], exits: false },
  ])("exitWhenIdle, $name", ({ pending, exits }) => {
    const resources = vi.spyOn(process, "getActiveResourcesInfo").mockReturnValue(pending);
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    try {
      exitWhenIdle();
      expect(exit).toHaveBeenCalledTimes(exits ? 1 : 0);
    } finally {
      resources.mockRestore();
      exit.mockRestore();
    }
  });
});
