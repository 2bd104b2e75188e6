/**
 * `aksnet scan` under the project's policy (docs/ci.md): the config's rule levels and resource overrides,
 * its `suppressions` by resource with a reason, and `--baseline`, as the exit code, the JSON and SARIF show them.
 * The estate: the recorded kubenet cluster whose node subnet is full, so its next upgrade fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const FIX = "src/adapters/azure/fixtures";
const RECORDED = [`${FIX}/arm-cluster-kubenet-byo-subnet.json`, `${FIX}/arm-vnet-byo-subnet.json`];
const tmp = mkdtempSync(join(tmpdir(), "aksnet-scan-policy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

const VNET =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest000001" +
  "/providers/Microsoft.Network/virtualNetworks/cliakstest000003";
const FULL = file(
  "full.json",
  JSON.stringify([{ currentValue: 251, id: `${VNET}/subnets/aks-subnet`, limit: 251, name: { value: "SubnetSpace" } }]),
);

async function scan(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["scan", "--from", ...RECORDED, FULL, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

interface Result {
  level: string;
  ruleId: string;
  suppressions?: { kind: string; justification: string; properties: Record<string, string> }[];
  partialFingerprints: Record<string, string>;
}
const resultsOf = async (args: string[]): Promise<Result[]> =>
  (JSON.parse((await scan([...args, "-o", "sarif"])).stdout) as { runs: { results: Result[] }[] }).runs[0]!.results;

describe("aksnet scan: the project config decides what fails", () => {
  const cases = [
    { name: "no config: the failing upgrade fails the run", config: "", code: 1, level: "error" },
    { name: "the rule off", config: "rules: { scan/next-upgrade: off }", code: 0, level: undefined },
    { name: "the rule a warning", config: "rules: { scan/next-upgrade: warning }", code: 0, level: "warning" },
    {
      name: "the rule a warning, --fail-on warning",
      config: "rules: { scan/next-upgrade: warning }",
      args: ["--fail-on", "warning"],
      code: 1,
      level: "warning",
    },
    {
      name: "failOn never in the config",
      config: "failOn: never",
      code: 0,
      level: "error",
    },
    {
      name: "off for the clusters named cliakstest*",
      config: "overrides:\n  - resources: [cliakstest*]\n    rules: { scan/next-upgrade: off }",
      code: 0,
      level: undefined,
    },
    {
      name: "off by resource ID glob, in another case",
      config:
        "overrides:\n  - resources: [/subscriptions/*/resourcegroups/CLITEST*/**]\n" +
        "    rules: { scan/next-upgrade: note }",
      code: 0,
      level: "note",
    },
    {
      name: "an override for other clusters changes nothing",
      config: "overrides:\n  - resources: [aks-prod-*]\n    rules: { scan/next-upgrade: off }",
      code: 1,
      level: "error",
    },
    {
      name: "an override by plan files does not apply to Azure resources",
      config: "overrides:\n  - files: ['**']\n    rules: { scan/next-upgrade: off }",
      code: 1,
      level: "error",
    },
  ];
  it.each(cases)("$name", async ({ config, args, code, level }) => {
    const flags = [...(config ? ["--config", file("c.yaml", config)] : ["--no-config"]), ...(args ?? [])];
    expect((await scan(flags)).code).toBe(code);
    const upgrade = (await resultsOf(flags)).find((r) => r.ruleId === "scan/next-upgrade");
    expect(upgrade?.level).toBe(level);
  });
});

describe("aksnet scan: suppressions by resource, with a reason", () => {
  it("suppresses the pool's failing upgrade: exit 0, listed in JSON and marked suppressed in SARIF", async () => {
    const config = file(
      "suppress.yaml",
      [
        "suppressions:",
        "  - resources: [/subscriptions/*/resourceGroups/clitest000001/providers/*/managedClusters/cliakstest000002]",
        "    rules: [scan/next-upgrade]",
        "    reason: the lab cluster is rebuilt, never upgraded",
      ].join("\n"),
    );
    expect((await scan(["--config", config])).code).toBe(0);
    const json = JSON.parse((await scan(["--config", config, "-o", "json"])).stdout);
    expect(json.suppressed).toEqual([
      expect.objectContaining({
        ruleId: "scan/next-upgrade",
        severity: "error",
        resource: expect.stringMatching(/\/managedClusters\/cliakstest000002\/agentPools\/nodepool1$/),
        key: `${VNET}/subnets/aks-subnet`,
        suppression: { kind: "external", reason: "the lab cluster is rebuilt, never upgraded", by: config },
      }),
    ]);
    // The verdicts stay Azure's facts.
    expect(json.clusters[0].verdict).toBe("fails");
    const upgrade = (await resultsOf(["--config", config])).find((r) => r.ruleId === "scan/next-upgrade");
    expect(upgrade?.suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "the lab cluster is rebuilt, never upgraded",
        properties: { config },
      },
    ]);
  });

  it.each([
    {
      name: "no reason",
      config: "suppressions:\n  - resources: ['*']\n    rules: [scan/next-upgrade]",
      stderr: /suppressions\[0\]\.reason: .*fix it/,
    },
    {
      name: "an empty reason",
      config: "suppressions:\n  - resources: ['*']\n    rules: [scan/next-upgrade]\n    reason: '  '",
      stderr: /suppressions\[0\]\.reason: /,
    },
    {
      name: "an unknown rule",
      config: "suppressions:\n  - resources: ['*']\n    rules: [scan/next-upgrades]\n    reason: x",
      stderr: /suppressions\[0\]\.rules\[0\]: there is no rule "scan\/next-upgrades"/,
    },
    {
      name: "an override with both files and resources",
      config: "overrides:\n  - files: ['*']\n    resources: ['*']\n    rules: { scan/scale-out: off }",
      stderr: /overrides\[0\]: give files \(plan files\) or resources \(Azure resources\), exactly one/,
    },
  ])("refuses a config with $name: exit 2, one sentence", async ({ config, stderr }) => {
    const r = await scan(["--config", file("bad.yaml", config)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
  });
});

describe("aksnet scan --baseline: only new findings fail", () => {
  it.each(["json", "sarif"])("takes a saved scan -o %s: the known failure is suppressed, exit 0", async (format) => {
    const saved = file(`baseline.${format}`, (await scan(["--no-config", "-o", format])).stdout);
    expect((await scan(["--no-config", "--baseline", saved])).code).toBe(0);
    const [upgrade] = (await resultsOf(["--no-config", "--baseline", saved])).filter(
      (r) => r.ruleId === "scan/next-upgrade",
    );
    expect(upgrade?.suppressions?.[0]).toMatchObject({
      kind: "external",
      justification: "already in the baseline",
      properties: { baseline: saved },
    });
  });

  it("a baseline of other clusters suppresses nothing; another command's output is refused", async () => {
    const other = file("other.json", JSON.stringify({ kind: "ScanReport", clusters: [] }));
    expect((await scan(["--no-config", "--baseline", other])).code).toBe(1);
    const check = file("check.json", JSON.stringify({ kind: "CheckReport", findings: [] }));
    const r = await scan(["--no-config", "--baseline", check]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/neither aksnet scan -o json nor SARIF output; write one with aksnet scan -o json/);
  });
});
