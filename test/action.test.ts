/**
 * The CI integrations as their users run them, on a sample repository in a temporary directory:
 * the GitHub Action's entry script (action/run.sh, the steps action.yml runs besides setup-node and
 * upload-sarif) and the pre-commit hook through pre-commit itself (Debian's pre-commit package;
 * the hook's definition from .pre-commit-hooks.yaml, run as a local hook on the built CLI).
 * Needs `npm run build` first (dist/cli/aksnet.js).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli/aksnet.js");

/** A sample repository: one clean plan, one with an error, one suppressed, an imported pair. */
function sampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-sample-"));
  mkdirSync(join(dir, "plans/prod"), { recursive: true });
  mkdirSync(join(dir, "imported"));
  copyFileSync(join(ROOT, "examples/plans/clean.yaml"), join(dir, "plans/prod/aksnet.yaml"));
  copyFileSync(join(ROOT, "examples/plans/subnet-too-small.yaml"), join(dir, "plans/small.aksnet.yaml"));
  copyFileSync(join(ROOT, "examples/ci/suppressed.yaml"), join(dir, "plans/suppressed.aksnet.yaml"));
  copyFileSync(join(ROOT, "examples/imports/aks-show.json"), join(dir, "imported/cluster.json"));
  copyFileSync(join(ROOT, "examples/imports/vnet-show.json"), join(dir, "imported/vnet.json"));
  return dir;
}

function action(dir: string, inputs: Record<string, string>) {
  const output = join(dir, "github-output");
  writeFileSync(output, "");
  const r = spawnSync("bash", [join(ROOT, "action/run.sh")], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", AKSNET: `${process.execPath} ${CLI}`, GITHUB_OUTPUT: output, ...inputs },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(output, "utf8") };
}

describe("the GitHub Action's entry script on a sample repository", () => {
  it("checks each plan, fails on the error, writes one SARIF run with every result", () => {
    const dir = sampleRepo();
    const r = action(dir, {
      INPUT_PLANS: "plans/**/*aksnet.yaml\nimported/cluster.json imported/vnet.json\n",
      INPUT_SARIF_FILE: "out/aksnet.sarif".replace("out/", ""),
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.outputs).toBe("sarif-file=aksnet.sarif\nexit-code=1\n");
    expect(r.stdout).toContain("::group::aksnet check plans/small.aksnet.yaml");
    expect(r.stdout).toContain("::group::aksnet check imported/cluster.json imported/vnet.json");
    expect(r.stdout).toMatch(/aksnet: checked 4 plan\(s\); SARIF in aksnet\.sarif; exit 1/);
    const sarif = JSON.parse(readFileSync(join(dir, "aksnet.sarif"), "utf8"));
    expect(sarif.runs).toHaveLength(1);
    const results = sarif.runs[0].results as {
      ruleId: string;
      ruleIndex: number;
      suppressions?: unknown[];
      locations: { physicalLocation?: { artifactLocation: { uri: string } } }[];
    }[];
    const rules = sarif.runs[0].tool.driver.rules as { id: string }[];
    for (const res of results) expect(rules[res.ruleIndex]?.id).toBe(res.ruleId);
    const uris = results.map((x) => x.locations[0]?.physicalLocation?.artifactLocation.uri);
    expect(uris).toContain("plans/small.aksnet.yaml");
    expect(uris).toContain("plans/suppressed.aksnet.yaml");
    expect(results.filter((x) => x.suppressions).length).toBe(1);
  });

  it.each([
    ["fail-on never passes", { INPUT_PLANS: "plans/small.aksnet.yaml", INPUT_FAIL_ON: "never" }, 0],
    [
      "a project config lowers the error to a warning",
      { INPUT_PLANS: "plans/small.aksnet.yaml", INPUT_CONFIG: "cfg.yaml" },
      0,
    ],
    [
      "fail-on warning then fails",
      { INPUT_PLANS: "plans/small.aksnet.yaml", INPUT_CONFIG: "cfg.yaml", INPUT_FAIL_ON: "warning" },
      1,
    ],
    ["a glob that matches nothing is exit 2", { INPUT_PLANS: "nothing/*.yaml" }, 2],
    ["a missing file is exit 2", { INPUT_PLANS: "a.json b.json" }, 2],
  ])("%s", (_name, inputs, code) => {
    const dir = sampleRepo();
    writeFileSync(join(dir, "cfg.yaml"), "rules: { subnet-too-small-for-nodes: warning }\n");
    const r = action(dir, inputs);
    expect(r.code, r.stdout + r.stderr).toBe(code);
    expect(JSON.parse(readFileSync(join(dir, "aksnet.sarif"), "utf8")).runs).toHaveLength(1);
  });

  it("action.yml runs the script and uploads the SARIF even when the check fails", () => {
    const a = load(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
      runs: { using: string; steps: { run?: string; uses?: string; if?: string; env?: Record<string, string> }[] };
      inputs: Record<string, unknown>;
    };
    expect(a.runs.using).toBe("composite");
    const run = a.runs.steps.find((s) => s.run);
    expect(run?.run).toContain("action/run.sh");
    for (const input of Object.keys(a.inputs).filter((i) => !["upload-sarif", "node-version"].includes(i)))
      expect(Object.keys(run?.env ?? {})).toContain(`INPUT_${input.toUpperCase().replace(/-/g, "_")}`);
    const upload = a.runs.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload?.if).toContain("always()");
  });
});

describe("the pre-commit hook through pre-commit", () => {
  it("checks each staged plan file on its own, and fails on the one with an error", () => {
    const dir = sampleRepo();
    const bin = join(dir, ".bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "aksnet"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, "aksnet"), 0o755);
    const hooks = load(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, unknown>[];
    // The published hook as a local one: language system instead of node (no install from the registry).
    const hook = { ...hooks[0], language: "system" };
    writeFileSync(join(dir, ".pre-commit-config.yaml"), JSON.stringify({ repos: [{ repo: "local", hooks: [hook] }] }));
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env["PATH"]}`,
      PRE_COMMIT_HOME: join(dir, ".pc"),
      NO_COLOR: "1",
    };
    const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, env, encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    const all = spawnSync("pre-commit", ["run", "aksnet-check", "--all-files"], { cwd: dir, env, encoding: "utf8" });
    expect(all.status, all.stdout + all.stderr).toBe(1);
    expect(all.stdout).toContain("plans/small.aksnet.yaml (aksnet): 1 error");
    expect(all.stdout).toContain("plans/prod/aksnet.yaml (aksnet): no findings");
    expect(all.stdout).toContain("plans/suppressed.aksnet.yaml (aksnet): no findings");
    expect(all.stdout).not.toContain("cluster.json");
    const warn = spawnSync("pre-commit", ["run", "aksnet-check", "--files", "plans/prod/aksnet.yaml"], {
      cwd: dir,
      env,
      encoding: "utf8",
    });
    expect(warn.status, warn.stdout).toBe(0);
  });
});
