/**
 * `aksnet completion`: the scripts come from the command registry (every command, subcommand and
 * option is in each), and the bash script completes in a real bash as the shell calls it
 * (COMP_WORDS / COMP_CWORD, then COMPREPLY).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../commands.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { completionSpec } from "./spec.js";

async function script(shell: string) {
  const io = memoryIo();
  const code = await run(["completion", shell], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("aksnet completion", () => {
  it("refuses another shell in one sentence, exit 2", async () => {
    const r = await script("tcsh");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aksnet completion: .*tcsh.*bash, zsh, fish, powershell/);
  });

  it.each(["bash", "zsh", "fish", "powershell"])(
    "%s: names every command and option of the registry",
    async (shell) => {
      const r = await script(shell);
      expect(r.code).toBe(0);
      const specs = await completionSpec();
      expect(specs.map((s) => s.name)).toEqual(commands.map((c) => c.name));
      for (const s of specs) {
        expect(r.stdout, s.name).toContain(s.name);
        for (const o of [...s.options, ...s.subcommands.flatMap((c) => c.options)])
          for (const n of o.names)
            expect(r.stdout, `${s.name} ${n}`).toContain(shell === "fish" ? n.replace(/^--?/, "") : n);
      }
    },
  );

  const dir = mkdtempSync(join(tmpdir(), "aksnet-completion-"));
  const cases: [string, string[], string[]][] = [
    ["command names", ["aksnet", "ch"], ["check"]],
    ["a subcommand", ["aksnet", "cidr", "sp"], ["split"]],
    ["options of a command", ["aksnet", "check", "--fail"], ["--fail-on"]],
    ["--fail-on values", ["aksnet", "check", "--fail-on", ""], ["error", "warning", "note", "never"]],
    ["-o formats of check", ["aksnet", "check", "-o", "s"], ["sarif"]],
    ["shells", ["aksnet", "scan", "--output", "m"], ["markdown"]],
  ];
  it.each(cases)("bash completes %s", async (_name, words, want) => {
    const file = join(dir, "aksnet.bash");
    writeFileSync(file, (await script("bash")).stdout);
    const program = `source "${file}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(" ")}); COMP_CWORD=${words.length - 1}; _aksnet_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync("bash", ["-c", program], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").sort()).toEqual([...want].sort());
  });

  it("the bash script is valid bash", async () => {
    const file = join(dir, "syntax.bash");
    writeFileSync(file, (await script("bash")).stdout);
    expect(spawnSync("bash", ["-n", file]).status).toBe(0);
  });
});
