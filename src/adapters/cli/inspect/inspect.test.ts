import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../main.js";
import { memoryIo } from "../io.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const FIX = "src/adapters/inspect/fixtures";
const tmp = mkdtempSync(join(tmpdir(), "aksnet-inspect-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["inspect", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("aksnet inspect: bad input is one sentence and exit 2", () => {
  writeFileSync(join(tmp, "not-json.json"), "this is not json");
  writeFileSync(join(tmp, "node.json"), '{"kind":"Node","metadata":{"name":"a"}}');
  writeFileSync(join(tmp, "truncated.json"), '{"items":[{"kind":"Node","metadata":{"name":"a"');
  writeFileSync(join(tmp, "vnet-only.json"), '{"some":"thing"}');
  const cases = [
    {
      name: "a missing dump file",
      args: ["--from-dump", "nope.json"],
      stderr: /nope\.json: no such file; check the path given to --from-dump\./,
    },
    {
      name: "a dump that is not JSON",
      args: ["--from-dump", join(tmp, "not-json.json")],
      stderr: /outside any JSON object.*kubectl get nodes,pods,daemonsets -A -o json/,
    },
    {
      name: "a single object instead of a List",
      args: ["--from-dump", join(tmp, "node.json")],
      stderr: /no Kubernetes List found/,
    },
    { name: "a truncated dump", args: ["--from-dump", join(tmp, "truncated.json")], stderr: /is the file truncated\?/ },
    { name: "a directory as dump", args: ["--from-dump", tmp], stderr: /is a directory/ },
    {
      name: "--from-dump with --context",
      args: ["--from-dump", `${FIX}/overlay.json`, "--context", "prod"],
      stderr: /--kubeconfig and --context do not apply/,
    },
    {
      name: "a missing --aks-json",
      args: ["--from-dump", `${FIX}/overlay.json`, "--aks-json", "none.json"],
      stderr: /cannot read --aks-json none\.json: no such file/,
    },
    {
      name: "an --aks-json that is no cluster",
      args: ["--from-dump", `${FIX}/overlay.json`, "--aks-json", join(tmp, "vnet-only.json")],
      stderr: /is not a format aksnet reads/,
    },
    {
      name: "an unknown output format",
      args: ["--from-dump", `${FIX}/overlay.json`, "-o", "xml"],
      stderr: /--output "xml" is not a format this command writes; use table, json, yaml, markdown or sarif/,
    },
    {
      name: "a page size of 0",
      args: ["--page-size", "0"],
      stderr: /--page-size must be a whole number from 1 to 1,000,000, got "0"/,
    },
  ];
  it.each(cases)("$name", async ({ args, stderr }) => {
    const r = await inspect(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("aksnet inspect: output formats", () => {
  it("prints the same verdict in table, markdown and json", async () => {
    const args = ["--from-dump", `${FIX}/overlay-cilium.json`];
    const [table, md, json] = await Promise.all([
      inspect(args),
      inspect([...args, "-o", "markdown"]),
      inspect([...args, "-o", "json"]),
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.verdict).toMatchObject({
      model: "azure-cni-overlay",
      dataplane: "cilium",
      policy: "cilium",
      confidence: "high",
    });
    expect(table.stdout).toContain("Model:      azure-cni-overlay (Azure CNI Overlay), confidence high");
    expect(md.stdout).toContain("- Model: azure-cni-overlay (Azure CNI Overlay), confidence high");
    expect(md.stdout).toContain("| node | pool | address | pod range | pods | max | host-network |");
    expect(table.stdout.includes("\u001b[")).toBe(false);
  });

  it("limits the node table to 20 rows unless --all-nodes", async () => {
    const big = join(tmp, "big.json");
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/gen-cluster.ts",
        "--model",
        "azure-cni-overlay",
        "--nodes",
        "25",
        "--pods",
        "50",
        "--out",
        big,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    const short = await inspect(["--from-dump", big]);
    expect(short.stdout).toContain("Nodes (first 20 of 25; --all-nodes shows every node)");
    const all = await inspect(["--from-dump", big, "--all-nodes"]);
    expect(all.stdout.match(/^aks-/gm)).toHaveLength(25);
  });
});

describe("aksnet inspect --from-dump - (standard input)", () => {
  it("reads a dump piped in, and gives the same report as the file", async () => {
    const text = readFileSync(join(ROOT, FIX, "overlay.json"), "utf8");
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT, stdin: text });
    expect(await run(["inspect", "--from-dump", "-", "-o", "json"], io)).toBe(0);
    const file = await inspect(["--from-dump", `${FIX}/overlay.json`, "-o", "json"]);
    const { source: _a, ...fromStdin } = JSON.parse(io.stdout);
    const { source: _b, ...fromFile } = JSON.parse(file.stdout);
    expect(fromStdin).toEqual(fromFile);
  });

  it("names standard input in the error for a broken stream", async () => {
    const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT, stdin: '{"items":[{"kind":"Node"' });
    expect(await run(["inspect", "--from-dump", "-"], io)).toBe(2);
    expect(io.stderr).toMatch(/^aksnet inspect: standard input: the JSON ends in the middle of a value/);
  });
});

describe("kubectl plugin", () => {
  it("runs as kubectl-aksnet with kubectl's argv (kubectl aksnet inspect …)", () => {
    // kubectl runs the executable named kubectl-aksnet with the words after "kubectl aksnet".
    const bin = join(tmp, "kubectl-aksnet");
    symlinkSync(join(ROOT, "src/adapters/cli/bin.ts"), bin);
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", bin, "inspect", "--from-dump", `${FIX}/kubenet.json`, "-o", "json"],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(r.stderr.replace(/npm warn.*\n/g, "")).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).verdict.model).toBe("kubenet");
  });
});

describe("aksnet inspect -o sarif: drift and check findings at their line in the configuration", () => {
  it("locates a drift rule's finding (cluster-network-differs) in the plan", async () => {
    const plan = readFileSync(resolve(ROOT, FIX, "plan-overlay.yaml"), "utf8")
      .replace("  pluginMode: overlay\n", "")
      .replace("plugin: azure", "plugin: kubenet");
    writeFileSync(join(tmp, "kubenet-plan.yaml"), plan);
    const r = await inspect([
      "--from-dump",
      `${FIX}/overlay.json`,
      "--plan",
      join(tmp, "kubenet-plan.yaml"),
      "-o",
      "sarif",
    ]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout).runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[];
    const drift = results.find((x) => x.ruleId === "cluster-network-differs");
    const line = plan.split("\n").findIndex((l) => l.includes("plugin: kubenet")) + 1;
    expect(drift?.locations[0]?.physicalLocation.region.startLine).toBe(line);
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    expect(rules.find((x) => x.id === "cluster-network-differs")?.helpUri).toMatch(
      /^https:\/\/.*\/docs\/rules\/cluster-network-differs\.md$/,
    );
  });

  it("writes an empty SARIF document without a configuration", async () => {
    const r = await inspect(["--from-dump", `${FIX}/overlay.json`, "-o", "sarif"]);
    expect(JSON.parse(r.stdout).runs[0].results).toEqual([]);
  });
});
