/** The CLI entry: help, version, unknown commands and options, exit codes, the kubectl plugin name. */
import { describe, expect, it } from "vitest";
import { memoryIo } from "./io.js";
import { commands } from "./commands.js";
import { run } from "./main.js";
import { nodeTooOld } from "./node-version.js";

describe("aksnet entry", () => {
  it.each<{ name: string; argv: string[]; program?: string; code: number; stdout?: RegExp; stderr?: RegExp }>([
    {
      name: "no arguments prints the help",
      argv: [],
      code: 0,
      stdout: /Usage: aksnet \[options\] \[command\][\s\S]*compare/,
    },
    {
      name: "--help lists every command",
      argv: ["--help"],
      code: 0,
      stdout:
        /compare[\s\S]*size[\s\S]*check[\s\S]*recommend[\s\S]*generate[\s\S]*migrate[\s\S]*inspect[\s\S]*cidr[\s\S]*serve/,
    },
    { name: "--version", argv: ["--version"], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
    { name: "help COMMAND is COMMAND --help", argv: ["help", "size"], code: 0, stdout: /Usage: aksnet size/ },
    {
      name: "help for a cidr subcommand",
      argv: ["help", "cidr", "merge"],
      code: 0,
      stdout: /Usage: aksnet cidr merge/,
    },
    {
      name: "an unknown command",
      argv: ["frob"],
      code: 2,
      stderr: /^aksnet: unknown command 'frob'\. Run 'aksnet --help' for the list of commands\.\n$/,
    },
    {
      name: "an unknown option names the command",
      argv: ["compare", "--bogus"],
      code: 2,
      stderr: /^aksnet compare: unknown option '--bogus'\. Run 'aksnet compare --help' for usage\.\n$/,
    },
    {
      name: "an unknown option close to a known one: the suggestion in the same sentence",
      argv: ["compare", "--modell", "azure"],
      code: 2,
      stderr:
        /^aksnet compare: unknown option '--modell' \(did you mean --model\?\)\. Run 'aksnet compare --help' for usage\.\n$/,
    },
    {
      name: "an unknown option of a cidr subcommand: the suggestion in the same sentence (found by the breaker)",
      argv: ["cidr", "free", "10.0.0.0/8", "--fil", "x"],
      code: 2,
      stderr:
        /^aksnet cidr: unknown option '--fil' \(did you mean --file\?\)\. Run 'aksnet cidr --help' for usage\.\n$/,
    },
    {
      name: "a missing required option",
      argv: ["migrate", "plan.yaml"],
      code: 2,
      stderr: /^aksnet migrate: required option '--to <target>' not specified/,
    },
    {
      name: "under kubectl the help says kubectl aksnet",
      argv: ["--help"],
      program: "kubectl aksnet",
      code: 0,
      stdout: /Usage: kubectl aksnet/,
    },
    {
      name: "under kubectl errors say kubectl aksnet",
      argv: ["inspect", "--bogus"],
      program: "kubectl aksnet",
      code: 2,
      stderr: /^kubectl aksnet inspect: unknown option/,
    },
  ])("$name", async ({ argv, program, code, stdout, stderr }) => {
    const io = memoryIo();
    expect(await run(argv, io, program)).toBe(code);
    if (stdout) expect(io.stdout).toMatch(stdout);
    if (stderr) expect(io.stderr).toMatch(stderr);
    if (code === 2) expect(io.stdout).toBe("");
  });
});

describe("a command that needs a newer Node.js", () => {
  const entry = {
    name: "scan",
    summary: "",
    node: { major: 22, because: "the Azure SDK for JavaScript needs it" },
    load: () => Promise.reject(new Error("not loaded")),
  };
  it.each([
    {
      name: "on Node 20 it says so in one sentence",
      version: "20.19.0",
      want:
        "needs Node.js 22 or later (the Azure SDK for JavaScript needs it), and this is Node.js 20.19.0; " +
        "install Node.js 22 or 24 and run it again.",
    },
    { name: "on Node 22 it runs", version: "22.0.0", want: undefined },
    { name: "on Node 24 it runs", version: "v24.22.3", want: undefined },
  ])("$name", ({ version, want }) => {
    expect(nodeTooOld(entry.node, version)).toBe(want);
  });

  it("a command without a requirement runs on any Node", () => {
    expect(nodeTooOld(undefined, "18.0.0")).toBeUndefined();
  });

  it("the offline commands need nothing newer than the package's Node 20", () => {
    const offline = ["compare", "size", "check", "recommend", "generate", "migrate", "inspect", "cidr", "serve"];
    for (const c of commands.filter((x) => offline.includes(x.name))) expect(c.node, c.name).toBeUndefined();
  });
});
