/**
 * The executables users run are the bundle in dist/cli/ (scripts/build-cli.mjs),
 * built by `npm test` before the tests: it answers as the in-process CLI does.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/adapters/cli/main.js";
import { memoryIo } from "../src/adapters/cli/io.js";

const ROOT = resolve(import.meta.dirname, "..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const BIN = join(ROOT, "dist", "cli", "aksnet.js");

function bundled(argv: string[], bin = BIN) {
  const r = spawnSync(process.execPath, [bin, ...argv], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

async function inProcess(argv: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT, isTTY: false });
  const code = await run(argv, io);
  return { stdout: io.stdout, stderr: io.stderr, code };
}

describe("the bundled CLI", () => {
  it.each(Object.entries(PKG.bin))("package.json's %s runs the bundle, a node script", (_name, path) => {
    expect(resolve(ROOT, path)).toBe(BIN);
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it.each([
    { name: "compare, the README's first command", argv: ["compare"], exit: 0 },
    { name: "compare as JSON", argv: ["compare", "-o", "json"], exit: 0 },
    { name: "size (its own bundle)", argv: ["size", "--nodes", "50", "-o", "json"], exit: 0 },
    { name: "cidr info", argv: ["cidr", "info", "10.224.0.0/22", "fd00::/64"], exit: 0 },
    {
      name: "check with findings (yaml and zod load on demand)",
      argv: ["check", "examples/plans/pod-cidr-overlaps-vnet.yaml", "-o", "json"],
      exit: 1,
    },
    {
      name: "check with a config (the other commands' rule ids: lib/config-rule-ids.cjs on demand)",
      argv: ["check", "--config", "examples/ci/aksnet.config.yaml", "examples/plans/subnet-too-small.yaml"],
      exit: 0,
    },
    { name: "a bad CIDR: one sentence", argv: ["cidr", "info", "10.0.0.0/33"], exit: 2 },
    { name: "an unknown command", argv: ["frobnicate"], exit: 2 },
  ])("$name: same output and exit code ($exit) as in process", async ({ argv, exit }) => {
    const want = await inProcess(argv);
    expect(want.code).toBe(exit);
    expect(bundled(argv)).toEqual(want);
  });

  // Every format of every command: each formatter is evaluated on demand, and a package reached only by a
  // dynamic import loses its named exports in the bundle, so every lazy path is run here through the bundle.
  const FORMATS: { argv: string[]; formats: string[] }[] = [
    { argv: ["compare"], formats: ["table", "json", "yaml", "markdown"] },
    { argv: ["size", "--nodes", "50", "--max-pods", "30"], formats: ["table", "json", "yaml", "markdown"] },
    {
      argv: ["check", "--show-resolved", "examples/plans/subnet-too-small.yaml"],
      formats: ["text", "json", "yaml", "markdown", "sarif"],
    },
    { argv: ["recommend", "--nodes", "20", "--max-nodes", "60"], formats: ["table", "json", "yaml", "markdown"] },
    { argv: ["generate", "-f", "bicep", "examples/plans/clean.yaml"], formats: ["text", "json", "yaml", "markdown"] },
    {
      argv: ["migrate", "examples/plans/kubenet-too-many-nodes.yaml", "--to", "overlay"],
      formats: ["table", "json", "yaml", "markdown"],
    },
    {
      argv: ["inspect", "--from-dump", "src/adapters/inspect/fixtures/kubenet.json"],
      formats: ["table", "json", "yaml", "markdown"],
    },
    {
      argv: ["cidr", "merge", "10.0.0.0/25", "10.0.0.128/25", "10.1.0.0/24"],
      formats: ["table", "text", "json", "markdown"],
    },
  ];
  it.each(
    FORMATS.flatMap(({ argv, formats }) =>
      formats.map((f) => ({ argv: [...argv, "-o", f], name: `${argv[0]} -o ${f}` })),
    ),
  )("$name: same output and exit code as in process", async ({ argv }) => {
    const want = await inProcess(argv);
    expect(want.stderr).not.toMatch(/internal error/);
    expect(bundled(argv)).toEqual(want);
  });

  it("recommend --emit-plan writes the same file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-emit-"));
    const argv = (f: string) => ["recommend", "--nodes", "20", "--emit-plan", join(dir, f)];
    expect((await inProcess(argv("a.yaml"))).code).toBe(0);
    expect(bundled(argv("b.yaml")).code).toBe(0);
    expect(readFileSync(join(dir, "b.yaml"), "utf8")).toBe(readFileSync(join(dir, "a.yaml"), "utf8"));
  });

  it("a reader that goes away (`| head`): the bundle stops quietly, exit 0", async () => {
    const child = spawn(process.execPath, [BIN, "cidr", "split", "10.0.0.0/8", "--into", "/28", "-o", "text"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });

  it("run as kubectl-aksnet, help names `kubectl aksnet`", () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-bin-"));
    const link = join(dir, "kubectl-aksnet");
    symlinkSync(BIN, link);
    const r = bundled(["--help"], link);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kubectl aksnet");
  });
});
