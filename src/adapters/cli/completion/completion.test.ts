/**
 * `aksnet completion`: the scripts come from the command registry (every command, subcommand and
 * option is in each), and each script completes in its real shell as a user's TAB does: bash as the
 * shell calls it (COMP_WORDS / COMP_CWORD, then COMPREPLY), zsh on a pseudo-terminal (zsh-capture.zsh),
 * fish through `complete -C`. PowerShell, which Debian and npm do not ship, is parsed with its grammar
 * instead (powershell.test.ts).
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
    const program =
      `source "${file}"; COMP_WORDS=(${words.map((w) => `"${w}"`).join(" ")}); ` +
      `COMP_CWORD=${words.length - 1}; _aksnet_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync("bash", ["-c", program], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").sort()).toEqual([...want].sort());
  });

  // zsh and fish complete as a user's TAB does: zsh on a pseudo-terminal (zsh/zpty) with the script installed in
  // $fpath or sourced, fish through `complete -C` (what fish runs for TAB). Debian's zsh and fish (.ci/run).
  const CAPTURE = join(import.meta.dirname, "zsh-capture.zsh");
  it.each(
    cases.flatMap(([name, words, want]) => (["fpath", "source"] as const).map((mode) => ({ name, mode, words, want }))),
  )("zsh ($mode) completes $name", async ({ mode, words, want }) => {
    const zdir = mkdtempSync(join(dir, "zsh-"));
    const file = join(zdir, "_aksnet");
    writeFileSync(file, (await script("zsh")).stdout);
    const env = { ...process.env, ZDUMP: join(dir, `zcompdump-${mode}`) };
    const r = spawnSync("zsh", ["-f", CAPTURE, mode, file, words.join(" ")], {
      encoding: "utf8",
      env,
      timeout: 60_000,
    });
    expect(r.error, "zsh is not installed (Debian: apt-get install zsh)").toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").sort()).toEqual([...want].sort());
  });

  it.each(cases)("fish completes %s", async (_name, words, want) => {
    const file = join(dir, "aksnet.fish");
    writeFileSync(file, (await script("fish")).stdout);
    const line = words.join(" ").replace(/'/g, "\\'");
    const r = spawnSync("fish", ["--no-config", "-c", `source '${file}'; complete -C '${line}'`], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.error, "fish is not installed (Debian: apt-get install fish)").toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => l.split("\t")[0])
        .sort(),
    ).toEqual([...want].sort());
  });

  it("the bash script is valid bash", async () => {
    const file = join(dir, "syntax.bash");
    writeFileSync(file, (await script("bash")).stdout);
    expect(spawnSync("bash", ["-n", file]).status).toBe(0);
  });
});
