/**
 * The project policy as users run it: `aksnet check` with --fail-on, a discovered or given config,
 * inline suppressions and a baseline; and, from the command registry, every command that writes
 * SARIF takes --fail-on (a new checking command is covered when it is registered).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command, type Option } from "commander";
import { describe, expect, it } from "vitest";
import { commands } from "../commands.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");

async function aksnet(args: string[], cwd = ROOT) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd });
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

function allOptions(cmd: Command): Option[] {
  return [...cmd.options, ...cmd.commands.flatMap(allOptions)];
}

describe("the command registry: checking commands", () => {
  it.each(commands.map((c) => [c.name, c] as const))("%s: writes SARIF only with --fail-on", async (_name, entry) => {
    const cmd = new Command(entry.name);
    const def = (await entry.load()).default;
    def.configure(cmd);
    def.subcommands?.(cmd);
    const opts = allOptions(cmd);
    const output = opts.find((o) => o.long === "--output");
    const sarif = output?.description.includes("sarif") ?? false;
    const failOn = opts.find((o) => o.long === "--fail-on");
    if (sarif) {
      expect(failOn, `${entry.name} writes SARIF, so it is a checking command: give it failOnOption()`).toBeDefined();
      expect(failOn!.description).toMatch(/error.*warning.*note.*never/);
    }
  });
});

describe("aksnet check: the project's policy", () => {
  const tmp = mkdtempSync(join(tmpdir(), "aksnet-policy-"));
  mkdirSync(join(tmp, "lab"));
  copyFileSync(join(ROOT, "examples/plans/subnet-too-small.yaml"), join(tmp, "plan.yaml"));
  copyFileSync(join(ROOT, "examples/plans/subnet-too-small.yaml"), join(tmp, "lab/plan.yaml"));
  const cases: { name: string; args: string[]; config?: string; code: number; stdout?: RegExp; stderr?: RegExp }[] = [
    { name: "an error finding fails", args: ["plan.yaml"], code: 1 },
    { name: "--fail-on never", args: ["plan.yaml", "--fail-on", "never"], code: 0, stdout: /1 error/ },
    {
      name: "the config lowers it to a warning",
      config: "rules: { subnet-too-small-for-nodes: warning }",
      args: ["plan.yaml"],
      code: 0,
      stdout: /0 errors, 1 warning/,
    },
    {
      name: "--fail-on warning fails on it",
      config: "rules: { subnet-too-small-for-nodes: warning }",
      args: ["plan.yaml", "--fail-on", "warning"],
      code: 1,
    },
    {
      name: "the config's failOn is the default",
      config: "failOn: warning\nrules: { subnet-too-small-for-nodes: warning }",
      args: ["plan.yaml"],
      code: 1,
    },
    {
      name: "an override for lab/** turns it off there only",
      config: "overrides: [{ files: ['lab/**'], rules: { subnet-too-small-for-nodes: off } }]",
      args: ["lab/plan.yaml"],
      code: 0,
      stdout: /no findings/,
    },
    {
      name: "--no-config ignores it",
      config: "rules: { subnet-too-small-for-nodes: off }",
      args: ["plan.yaml", "--no-config"],
      code: 1,
    },
    {
      name: "a bad config is one sentence, exit 2",
      config: "rules: { subnet-too-small: off }",
      args: ["plan.yaml"],
      code: 2,
      stderr:
        /^aksnet check: the config file aksnet\.config\.yaml: rules\.subnet-too-small: there is no rule "subnet-too-small"; use a rule id from docs\/rules\/README\.md\n$/,
    },
    {
      name: "a config shared with fleet check may name a fleet rule",
      config: "rules: { fleet-pool-exhausted: warning, subnet-too-small-for-nodes: off }",
      args: ["plan.yaml"],
      code: 0,
      stdout: /no findings/,
    },
    {
      name: "a missing --config",
      args: ["plan.yaml", "--config", "nope.yaml"],
      code: 2,
      stderr: /^aksnet check: cannot read the config file nope\.yaml: it does not exist/,
    },
  ];
  it.each(cases)("$name", async ({ args, config, code, stdout, stderr }) => {
    const dir = mkdtempSync(join(tmp, "run-"));
    mkdirSync(join(dir, "lab"));
    copyFileSync(join(tmp, "plan.yaml"), join(dir, "plan.yaml"));
    copyFileSync(join(tmp, "plan.yaml"), join(dir, "lab/plan.yaml"));
    if (config !== undefined) writeFileSync(join(dir, "aksnet.config.yaml"), config);
    const r = await aksnet(["check", ...args], dir);
    expect(r.code, r.stderr).toBe(code);
    if (stdout) expect(r.stdout).toMatch(stdout);
    if (stderr) expect(r.stderr).toMatch(stderr);
  });

  it("a baseline of the same run suppresses everything; a new finding still fails", async () => {
    const base = await aksnet(["check", "-o", "json", "plan.yaml"], tmp);
    writeFileSync(join(tmp, "base.json"), base.stdout);
    const same = await aksnet(["check", "--baseline", "base.json", "-o", "json", "plan.yaml"], tmp);
    expect(same.code).toBe(0);
    const j = JSON.parse(same.stdout) as { summary: unknown; suppressed: { suppression: unknown }[] };
    expect(j.summary).toEqual({ errors: 0, warnings: 0, infos: 0, suppressed: 1 });
    expect(j.suppressed[0]?.suppression).toEqual({
      kind: "external",
      reason: "already in the baseline",
      by: "base.json",
    });
    const plan = readFileSync(join(tmp, "plan.yaml"), "utf8");
    writeFileSync(join(tmp, "plan.yaml"), plan.replace("maxPods: 30", "maxPods: 9"));
    const more = await aksnet(["check", "--baseline", "base.json", "plan.yaml"], tmp);
    writeFileSync(join(tmp, "plan.yaml"), plan);
    expect(more.stdout).toMatch(/nodePools\[0\]\.maxPods/);
    expect(more.code).toBe(1);
  });

  it("SARIF: tool version, helpUri, SRCROOT-relative paths and suppressed results", async () => {
    const r = await aksnet(["check", "-o", "sarif", "examples/ci/suppressed.yaml", "examples/plans/clean.yaml"]);
    expect(r.code).toBe(0);
    const run0 = JSON.parse(r.stdout).runs[0];
    expect(run0.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run0.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run0.tool.driver.rules[0].helpUri).toMatch(/^https:\/\/.*\/docs\/rules\/subnet-too-small-for-nodes\.md$/);
    const result = run0.results[0];
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: "examples/ci/suppressed.yaml",
      uriBaseId: "SRCROOT",
    });
    expect(result.suppressions).toEqual([
      {
        kind: "inSource",
        status: "accepted",
        justification: "the pool never runs more than 30 nodes; grown to a /21 in Q3 (PLAT-123)",
      },
    ]);
    expect(result.partialFingerprints["aksnet/v1"]).toContain("subnet-too-small-for-nodes|");
  });
});
