/**
 * `aksnet inspect` under the project's policy (docs/ci.md): the config's rule levels and resource overrides,
 * its `suppressions` by resource with a reason, and `--baseline`. The cluster: the overlay dump with its Azure
 * side from saved az JSON, whose user1 pool cannot scale out in its /27 (headroom and the scan's checks fail).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const DUMP = "src/adapters/inspect/fixtures/overlay.json";
const AZ = ["az-aks-show.json", "az-network-vnet-show.json", "az-network-vnet-list-usage.json"].map(
  (f) => `examples/inspect/${f}`,
);
const tmp = mkdtempSync(join(tmpdir(), "aksnet-inspect-policy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["inspect", "--from-dump", DUMP, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
const azure = (args: string[]) => inspect(["--azure-from", ...AZ, ...args]);

interface Result {
  ruleId: string;
  level: string;
  suppressions?: { kind: string; justification: string }[];
}
const sarifOf = async (args: string[]): Promise<Result[]> =>
  (JSON.parse((await azure([...args, "-o", "sarif"])).stdout) as { runs: { results: Result[] }[] }).runs[0]!.results;

const FAILING = "{ inspect/headroom: off, scan/scale-out: off }";

describe("aksnet inspect: the project config decides what fails", () => {
  it.each([
    { name: "no config: the pool that cannot scale out fails the run", config: "", code: 1 },
    { name: "headroom and scale-out off: only warnings are left", config: `rules: ${FAILING}`, code: 0 },
    {
      name: "… and --fail-on warning fails on them",
      config: `rules: ${FAILING}`,
      args: ["--fail-on", "warning"],
      code: 1,
    },
    {
      name: "off for the cluster aks-synthetic by name",
      config: `overrides:\n  - resources: [aks-synthetic]\n    rules: ${FAILING}`,
      code: 0,
    },
    {
      name: "off for its pool user1 by resource ID glob",
      config: [
        "overrides:",
        '  - resources: ["**/managedClusters/*/agentPools/user1"]',
        "    rules: { scan/scale-out: off }",
      ].join("\n"),
      // The headroom check is on the cluster, not the pool: it still fails.
      code: 1,
    },
    {
      name: "an override for another cluster changes nothing",
      config: `overrides:\n  - resources: [aks-prod]\n    rules: ${FAILING}`,
      code: 1,
    },
  ])("$name", async ({ config, args, code }) => {
    const flags = [...(config ? ["--config", file("c.yaml", config)] : ["--no-config"]), ...(args ?? [])];
    expect((await azure(flags)).code).toBe(code);
  });

  it("a rule's level changes its SARIF level; off leaves it out", async () => {
    const warn = await sarifOf(["--config", file("w.yaml", "rules: { scan/scale-out: warning }")]);
    expect(warn.filter((r) => r.ruleId === "scan/scale-out").map((r) => r.level)).toEqual(["warning"]);
    const off = await sarifOf(["--config", file("o.yaml", "rules: { scan/scale-out: off }")]);
    expect(off.filter((r) => r.ruleId === "scan/scale-out")).toEqual([]);
  });
});

describe("aksnet inspect: suppressions by resource, with a reason", () => {
  it("suppresses the cluster's failures: exit 0, listed in JSON, marked suppressed in SARIF", async () => {
    const reason = "user1 is capped by a quota until the subnet moves (ticket 7)";
    const config = file(
      "s.yaml",
      [
        "suppressions:",
        "  - resources: [aks-synth*]",
        "    rules: [inspect/headroom, scan/scale-out]",
        `    reason: ${reason}`,
      ].join("\n"),
    );
    expect((await azure(["--config", config])).code).toBe(0);
    const json = JSON.parse((await azure(["--config", config, "-o", "json"])).stdout);
    expect(new Set(json.suppressed.map((s: { ruleId: string }) => s.ruleId))).toEqual(
      new Set(["inspect/headroom", "scan/scale-out"]),
    );
    expect(json.suppressed[0].suppression).toEqual({ kind: "external", reason, by: config });
    const scaleOut = (await sarifOf(["--config", config])).find((r) => r.ruleId === "scan/scale-out");
    expect(scaleOut?.suppressions).toMatchObject([{ kind: "external", justification: reason }]);
  });
});

describe("aksnet inspect --baseline", () => {
  it("takes a saved inspect -o json: every known failure is suppressed, exit 0", async () => {
    const saved = file("baseline.json", (await azure(["--no-config", "-o", "json"])).stdout);
    const r = await azure(["--no-config", "--baseline", saved, "-o", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).suppressed.length).toBeGreaterThan(0);
  });

  it("a drift finding of a dump without Azure: in the baseline it is no longer new", async () => {
    const plan = readFileSync(resolve(ROOT, "src/adapters/inspect/fixtures/plan-overlay.yaml"), "utf8")
      .replace("  pluginMode: overlay\n", "")
      .replace("plugin: azure", "plugin: kubenet");
    const args = ["--no-config", "--plan", file("kubenet.yaml", plan)];
    expect((await inspect(args)).code).toBe(1);
    const json = file("drift.json", (await inspect([...args, "-o", "json"])).stdout);
    expect((await inspect([...args, "--baseline", json])).code).toBe(0);
    // SARIF lists the drift and check findings and the headroom checks that do not fit: a SARIF baseline
    // covers them all.
    const sarif = file("drift.sarif", (await inspect([...args, "-o", "sarif"])).stdout);
    expect((await inspect([...args, "--baseline", sarif])).code).toBe(0);
  });
});
