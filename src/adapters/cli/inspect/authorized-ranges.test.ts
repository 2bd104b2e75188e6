/**
 * inspect's configured view names the API server's authorized IP ranges (`apiServer.authorizedIpRanges`, or the
 * ARM record's `apiServerAccessProfile.authorizedIpRanges` / `authorizedIPRanges`), and check's rules judge them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const DUMP = "src/adapters/inspect/fixtures/overlay.json";
const SHOW = "examples/inspect/az-aks-show.json";
const tmp = mkdtempSync(join(tmpdir(), "aksnet-inspect-authz-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inspect(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["inspect", "--from-dump", DUMP, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** The example cluster's `az aks show` with `profile` as its apiServerAccessProfile, az's shape or ARM's. */
function showWith(name: string, profile: object | undefined, arm = false): string {
  const show = JSON.parse(readFileSync(join(ROOT, SHOW), "utf8")) as Record<string, unknown>;
  const record = profile ? { ...show, apiServerAccessProfile: profile } : show;
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(arm ? { id: show["id"], name: show["name"], properties: record } : record));
  return p;
}

const PUBLIC = "API server: no VNet integration, public, authorized IP ranges";
const seven = ["1.1.1.0/24", "2.2.2.2/32", "3.3.0.0/16", "4.4.4.0/28", "5.5.5.5/32", "6.6.6.0/24", "7.7.7.7/32"];

describe("inspect: the configured API server's authorized IP ranges", () => {
  it.each([
    {
      name: "none: no API server line, apiServer null",
      profile: undefined,
      json: null,
      line: undefined,
    },
    {
      name: "az aks show's authorizedIpRanges, public",
      profile: { authorizedIpRanges: ["73.140.245.0/24", "20.61.12.34/32"], enablePrivateCluster: false },
      json: ["73.140.245.0/24", "20.61.12.34/32"],
      line: "API server: no VNet integration, public, authorized IP ranges 73.140.245.0/24, 20.61.12.34/32",
    },
    {
      name: "the ARM record's authorizedIPRanges",
      profile: { authorizedIPRanges: ["73.140.245.0/24"] },
      arm: true,
      json: ["73.140.245.0/24"],
      line: "API server: no VNet integration, public, authorized IP ranges 73.140.245.0/24",
    },
    {
      name: "seven ranges: five in the text, all in the JSON",
      profile: { authorizedIpRanges: seven },
      json: seven,
      line: `${PUBLIC} ${seven.slice(0, 5).join(", ")} (and 2 more)`,
    },
    {
      name: "an empty list is no ranges",
      profile: { authorizedIpRanges: [], enableVnetIntegration: true },
      json: [],
      line: "API server: VNet integration, no subnet named, public",
    },
  ])("$name", async ({ name, profile, arm, json, line }) => {
    const file = showWith(`${name.replace(/\W+/g, "-")}.json`, profile, arm);
    const r = await inspect(["--aks-json", file, "-o", "json"]);
    expect(r.stderr).toBe("");
    const api = JSON.parse(r.stdout).configured.cluster.apiServer;
    expect(json === null ? api : api.authorizedIpRanges).toEqual(json);
    const text = (await inspect(["--aks-json", file])).stdout;
    const shown = text.split("\n").find((l) => l.trimStart().startsWith("API server:"));
    expect(shown?.trim()).toBe(line);
  });

  it("the ranges are judged by check's rules, as aksnet check judges the same plan", async () => {
    const r = await inspect(["--aks-json", "examples/inspect/authorized/az-aks-show.json", "-o", "json"]);
    const report = JSON.parse(r.stdout);
    expect(report.configured.cluster.apiServer.authorizedIpRanges).toEqual([
      "73.140.245.0/24",
      "20.61.12.34/32",
      "137.117.106.90/29",
    ]);
    expect(report.configured.findings).toEqual([
      expect.objectContaining({
        ruleId: "authorized-ip-range-invalid",
        severity: "error",
        message: expect.stringContaining("137.117.106.90/29 has host bits set"),
      }),
    ]);
    expect(r.code).toBe(1);
  });
});
