/**
 * `# aksnet-ignore` comments in the plan given to `aksnet inspect --plan`, applied as `aksnet check` applies
 * them (docs/ci.md): the drift and check findings at their field's line, the headroom checks at `nodePools`,
 * a file-wide comment, and a bad comment as a `suppression-invalid` finding at its line.
 * The cluster: the overlay dump; the plan says kubenet (drift at `plugin:`), its /28 node subnet is too small
 * (check's subnet-too-small-for-nodes) and its pools' maximums do not fit (headroom).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const FIX = "src/adapters/inspect/fixtures";
const PLAN = readFileSync(resolve(ROOT, FIX, "plan-overlay.yaml"), "utf8")
  .replace("  pluginMode: overlay\n", "")
  .replace("plugin: azure", "plugin: kubenet");
const tmp = mkdtempSync(join(tmpdir(), "aksnet-inspect-inline-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inspect(plan: string, format: string) {
  const file = join(tmp, `plan-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, plan);
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(
    ["inspect", "--from-dump", `${FIX}/overlay.json`, "--no-config", "--plan", file, "-o", format],
    io,
  );
  return { code, out: JSON.parse(io.stdout) as Record<string, unknown> & { runs?: unknown }, file };
}

interface Json {
  suppressed: { ruleId: string; suppression: { kind: string; reason: string; by: string } }[];
  configured: { findings: { ruleId: string; messageId: string }[] };
}

const DRIFT = "cluster-network-differs";
const HEADROOM = "inspect/headroom";
/** check's finding on the plan's /28 node subnet. */
const SMALL = "subnet-too-small-for-nodes";

describe("aksnet inspect --plan: # aksnet-ignore comments in the plan", () => {
  it.each([
    { name: "no comment: the drift and the headroom fail", plan: PLAN, suppressed: [], code: 1 },
    {
      name: "after the field the drift is at",
      plan: PLAN.replace("plugin: kubenet", `plugin: kubenet # aksnet-ignore ${DRIFT} -- moving to Overlay (PLAT-9)`),
      suppressed: [DRIFT],
      code: 1,
    },
    {
      name: "on the line before nodePools: the headroom checks",
      plan: PLAN.replace("nodePools:", `# aksnet-ignore ${HEADROOM} -- user1 never scales past 3\nnodePools:`),
      suppressed: [HEADROOM],
      code: 1,
    },
    {
      name: "a file-wide comment naming every failing rule",
      plan: `# aksnet-ignore-file ${DRIFT}, ${HEADROOM}, ${SMALL} -- lab cluster\n${PLAN}`,
      suppressed: [HEADROOM, DRIFT, SMALL],
      code: 0,
    },
    {
      name: "a comment on another field suppresses nothing",
      plan: PLAN.replace("dnsServiceIp: 10.0.0.10", `dnsServiceIp: 10.0.0.10 # aksnet-ignore ${DRIFT} -- wrong line`),
      suppressed: [],
      code: 1,
    },
    {
      name: "a rule the comment does not name is not suppressed",
      plan: PLAN.replace("plugin: kubenet", "plugin: kubenet # aksnet-ignore max-pods-out-of-range -- other rule"),
      suppressed: [],
      code: 1,
    },
  ])("$name", async ({ plan, suppressed, code }) => {
    const r = await inspect(plan, "json");
    const json = r.out as unknown as Json;
    expect(r.code).toBe(code);
    expect(json.suppressed.map((s) => s.ruleId).sort()).toEqual([...suppressed].sort());
    for (const s of json.suppressed)
      expect(s.suppression).toMatchObject({ kind: "inSource", by: expect.stringMatching(/:\d+$/) });
  });

  it.each([
    { name: "without a reason", comment: `# aksnet-ignore ${DRIFT}`, messageId: "noReason" },
    { name: "naming no rule", comment: "# aksnet-ignore -- why", messageId: "noRule" },
    { name: "naming an unknown rule", comment: "# aksnet-ignore not-a-rule -- why", messageId: "unknownRule" },
  ])("a comment $name suppresses nothing and is a suppression-invalid finding at its line", async (c) => {
    const plan = PLAN.replace("network:", `${c.comment}\nnetwork:`);
    const json = (await inspect(plan, "json")).out as unknown as Json;
    expect(json.suppressed).toEqual([]);
    expect(json.configured.findings.filter((f) => f.ruleId === "suppression-invalid")).toMatchObject([
      { messageId: c.messageId },
    ]);
    const sarif = (await inspect(plan, "sarif")).out as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    const result = sarif.runs[0]!.results.find((x) => x.ruleId === "suppression-invalid");
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBe(plan.split("\n").indexOf(c.comment) + 1);
  });

  it("a suppressed finding is marked suppressed in SARIF, with the reason", async () => {
    const plan = PLAN.replace("plugin: kubenet", `plugin: kubenet # aksnet-ignore ${DRIFT} -- moving to Overlay`);
    const sarif = (await inspect(plan, "sarif")).out as {
      runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[];
    };
    const drift = sarif.runs[0]!.results.find((x) => x.ruleId === DRIFT);
    expect(drift?.suppressions).toEqual([
      expect.objectContaining({ kind: "inSource", justification: "moving to Overlay" }),
    ]);
  });
});
