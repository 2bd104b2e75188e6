/**
 * `aksnet inspect -o sarif` carries the headroom checks that do not fit as results of the rule inspect/headroom:
 * the same threshold as the text output's FAIL lines, a rule with its docs page, located where the cluster is
 * written, and under the project policy like every other finding.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const FIX = "src/adapters/inspect/fixtures";
const DUMP = `${FIX}/overlay.json`;
const PLAN = `${FIX}/plan-overlay.yaml`;
const AZ = ["az-aks-show.json", "az-network-vnet-show.json", "az-network-vnet-list-usage.json"].map(
  (f) => `examples/inspect/${f}`,
);
const tmp = mkdtempSync(join(tmpdir(), "aksnet-headroom-sarif-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["inspect", "--from-dump", DUMP, "--no-config", ...args], io);
  return { code, stdout: io.stdout };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } };
    logicalLocations: { fullyQualifiedName: string }[];
  }[];
  suppressions?: { kind: string; justification: string }[];
  properties: { messageId: string; aksErrorCode: string | null };
}
async function sarif(args: string[]) {
  const doc = JSON.parse((await inspect([...args, "-o", "sarif"])).stdout) as {
    runs: { results: Result[]; tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
  };
  const run0 = doc.runs[0]!;
  return { results: run0.results.filter((r) => r.ruleId === "inspect/headroom"), rules: run0.tool.driver.rules };
}
/** The text output's failing headroom lines. */
const failLines = async (args: string[]) =>
  (await inspect(args)).stdout.split("\n").filter((l) => /^\s*FAIL /.test(l)).length;

const nodePoolsLine = readFileSync(resolve(ROOT, PLAN), "utf8").split("\n").indexOf("nodePools:") + 1;

describe("aksnet inspect -o sarif: headroom checks that do not fit", () => {
  it.each([
    {
      name: "--plan: at the plan's nodePools",
      args: ["--plan", PLAN],
      at: (r: Result) => [
        r.locations[0]?.physicalLocation?.artifactLocation.uri,
        r.locations[0]?.physicalLocation?.region?.startLine,
      ],
      want: [PLAN, nodePoolsLine],
      messageIds: ["autoscaler"],
    },
    {
      name: "--aks-json: in the ARM record",
      args: ["--aks-json", `${FIX}/aks-show-overlay-autoscale-300.json`],
      at: (r: Result) => [r.locations[0]?.physicalLocation?.artifactLocation.uri],
      want: [`${FIX}/aks-show-overlay-autoscale-300.json`],
      messageIds: ["autoscaler"],
    },
    {
      name: "--azure-from: at the cluster's Azure resource",
      args: ["--azure-from", ...AZ],
      at: (r: Result) => [r.locations[0]?.physicalLocation?.artifactLocation.uri.split("/providers/")[0]],
      want: [expect.stringMatching(/^https:\/\/management\.azure\.com\/subscriptions\/.*\/resourceGroups\/[^/]+$/i)],
      messageIds: expect.arrayContaining(["azure"]),
    },
  ])("$name: one result per FAIL line, with its rule and docs page", async ({ args, at, want, messageIds }) => {
    const { results, rules } = await sarif(args);
    expect(results.length).toBeGreaterThan(0);
    expect(results).toHaveLength(await failLines(args));
    expect(results.map((r) => r.properties.messageId)).toEqual(messageIds);
    for (const r of results) {
      expect(at(r)).toEqual(want);
      expect(r.level).toBe("error");
      expect(r.message.text).toMatch(/ Fix: /);
      expect(rules[r.ruleIndex]?.id).toBe("inspect/headroom");
    }
    expect(rules.find((x) => x.id === "inspect/headroom")?.helpUri).toMatch(/\/docs\/rules\/inspect-headroom\.md$/);
  });

  it("a cluster whose headroom fits has no such result, and no such rule", async () => {
    const { results, rules } = await sarif([]);
    expect(results).toEqual([]);
    expect(rules.map((r) => r.id)).not.toContain("inspect/headroom");
  });

  it.each([
    { name: "a rule level", config: "rules: { inspect/headroom: warning }", level: "warning", suppressed: false },
    { name: "off", config: "rules: { inspect/headroom: off }", level: undefined, suppressed: false },
    {
      name: "a suppression with its reason",
      config:
        "suppressions:\n  - { resources: [aks-synthetic], rules: [inspect/headroom], reason: pools never scale out }",
      level: "error",
      suppressed: true,
    },
  ])("the project policy applies: $name", async ({ config, level, suppressed }) => {
    const args = ["--azure-from", ...AZ, "--config", file(`${level ?? "off"}-${suppressed}.yaml`, config)];
    const { results } = await sarif(args);
    expect(results.find((r) => r.properties.messageId === "azure")?.level).toBe(level);
    expect(results.find((r) => r.properties.messageId === "azure")?.suppressions?.[0]?.justification).toBe(
      suppressed ? "pools never scale out" : undefined,
    );
  });
});
