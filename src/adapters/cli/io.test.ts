/**
 * The process's Io: whether standard output is a terminal (which decides colour) is what Node's tty says,
 * for every kind of standard output, and telling a pipe or a file costs no load of Node's tty module.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const IO = pathToFileURL(resolve(import.meta.dirname, "../../../dist/adapters/cli/io.js")).href;
/** Prints, on standard error, processIo().isTTY, tty.isatty(1), and whether Node's tty module was loaded before. */
const PROBE =
  `import(${JSON.stringify(IO)}).then((m) => { const t = m.processIo().isTTY; ` +
  `const loaded = process.moduleLoadList.includes("NativeModule tty"); ` +
  `process.stderr.write(JSON.stringify([t, require("node:tty").isatty(1), loaded])); })`;

function probe(stdout: "pipe" | number): [boolean, boolean, boolean] {
  const r = spawnSync(process.execPath, ["-e", PROBE], { encoding: "utf8", stdio: ["ignore", stdout, "pipe"] });
  return JSON.parse(r.stderr) as [boolean, boolean, boolean];
}

/** The probe on a pseudo-terminal (util-linux `script`; its output, the terminal's, comes back on a pipe). */
function probeOnTerminal(): string {
  const command = `'${process.execPath}' -e '${PROBE.replace(/'/g, "'\\''")}'`;
  return spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
    .stdout;
}

describe("processIo().isTTY", () => {
  it.each([
    { name: "a pipe", stdout: (): "pipe" => "pipe", loadsTty: false },
    {
      name: "a file",
      stdout: () => openSync(join(mkdtempSync(join(tmpdir(), "aksnet-io-")), "out"), "w"),
      loadsTty: false,
    },
    {
      name: "/dev/null (a character device: tty asked)",
      stdout: () => openSync("/dev/null", "w"),
      loadsTty: undefined,
    },
  ])("$name: not a terminal, as tty says; tty loaded: $loadsTty", ({ stdout, loadsTty }) => {
    const [isTTY, ttySays, loaded] = probe(stdout());
    expect([isTTY, ttySays]).toEqual([false, false]);
    if (loadsTty !== undefined) expect(loaded).toBe(loadsTty);
  });

  it.runIf(spawnSync("script", ["--version"]).status === 0)("a terminal: a terminal, as tty says", () => {
    expect(probeOnTerminal()).toContain("[true,true,true]");
  });
});
