import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../main.js";
import { memoryIo } from "../io.js";
import { assumptionLines } from "./text.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const tmp = mkdtempSync(join(tmpdir(), "aksnet-check-"));
const file = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return join(tmp, name);
};

async function check(args: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(["check", ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe("aksnet check: exit codes and unreadable input", () => {
  it.each([
    { name: "clean plan", args: ["examples/plans/clean.yaml"], code: 0, stderr: "" },
    { name: "error findings", args: ["examples/plans/subnet-too-small.yaml"], code: 1, stderr: "" },
    { name: "schema problems are findings", args: ["examples/plans/schema-errors.yaml"], code: 1, stderr: "" },
    {
      name: "1.33 judged on 2026-07-15: supported",
      args: ["--as-of", "2026-07-15", "examples/plans/clean.yaml"],
      code: 0,
      stderr: "",
    },
    {
      name: "1.33 judged on 2026-12-07: LTS only, Free tier",
      args: ["--as-of", "2026-12-07", "examples/plans/clean.yaml"],
      code: 1,
      stderr: "",
    },
    {
      name: "--as-of not a day",
      args: ["--as-of", "2026-02-30", "examples/plans/clean.yaml"],
      code: 2,
      stderr: "aksnet check: --as-of '2026-02-30' is not a day; give one as YYYY-MM-DD (e.g. 2026-12-07) or today.\n",
    },
    {
      name: "missing file",
      args: ["nope.yaml"],
      code: 2,
      stderr: "aksnet check: cannot read nope.yaml: it does not exist; give the path of a plan file (YAML or JSON)\n",
    },
    {
      name: "a directory",
      args: ["examples"],
      code: 2,
      stderr: "aksnet check: cannot read examples: it is a directory; give the path of a plan file (YAML or JSON)\n",
    },
    {
      name: "not YAML",
      args: [file("bad.yaml", "network: [1,\n plugin: }\n")],
      code: 2,
      stderr: /bad\.yaml:2:\d+: not valid YAML: .*; fix it and run again/,
    },
    {
      name: "empty file",
      args: [file("empty.yaml", "")],
      code: 2,
      stderr: /empty\.yaml is empty; give an aksnet plan or an az aks show/,
    },
    {
      name: "unknown format",
      args: [file("other.json", '{"foo": 1}')],
      code: 2,
      stderr: /other\.json is not a format aksnet reads: expected an aksnet plan/,
    },
    {
      name: "a bare list",
      args: [file("list.yaml", "- a\n- b\n")],
      code: 2,
      stderr: /list\.yaml is not a format aksnet reads/,
    },
    { name: "bad output format", args: ["-o", "xml", "examples/plans/clean.yaml"], code: 2, stderr: /xml/ },
  ])("$name → exit $code", async ({ args, code, stderr }) => {
    const r = await check(args);
    expect(r.code).toBe(code);
    if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    if (code === 2) {
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("aksnet check: standard input", () => {
  it("reads - from standard input", async () => {
    const io = memoryIo({
      env: { NO_COLOR: "1" },
      cwd: ROOT,
      stdin:
        '{"network": {"plugin": "azure", "pluginMode": "overlay", "serviceCidrs": ["10.200.0.0/16"], "dnsServiceIp": ' +
        '"10.0.0.10"}}',
    });
    expect(await run(["check", "-"], io)).toBe(1);
    expect(io.stdout).toMatch(/^<stdin> \(aksnet\): 1 error/);
    expect(io.stdout).toContain("<stdin>:1:");
  });
});

describe("aksnet check: JSON", () => {
  it("follows the documented contract", async () => {
    const r = await check(["-o", "json", "examples/plans/pod-cidr-overlaps-vnet.yaml"]);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual([
      "apiVersion",
      "kind",
      "files",
      "model",
      "dataplane",
      "findings",
      "suppressed",
      "summary",
      "assumptions",
      "notes",
    ]);
    expect(j["summary"]).toEqual({ errors: 2, warnings: 0, infos: 0, suppressed: 0 });
    const f = (j["findings"] as Record<string, unknown>[])[0]!;
    expect(Object.keys(f)).toEqual([
      "ruleId",
      "messageId",
      "severity",
      "message",
      "path",
      "pathKeys",
      "fix",
      "edits",
      "location",
      "data",
      "docsUrl",
    ]);
    expect([f["path"], f["pathKeys"]]).toEqual(["network.podCidrs[0]", ["network", "podCidrs", 0]]);
    expect(f["edits"]).toEqual([
      { path: "network.podCidrs[0]", pathKeys: ["network", "podCidrs", 0], value: "10.2.0.0/16" },
    ]);
    expect(f["location"]).toEqual({ file: "examples/plans/pod-cidr-overlaps-vnet.yaml", line: 9, column: 14 });
  });

  it("adds the resolved plan with --show-resolved", async () => {
    const j = JSON.parse((await check(["-o", "json", "--show-resolved", "examples/plans/clean.yaml"])).stdout) as {
      resolved: { nodePools: { peakCount: number; surgeNodes: number }[] };
    };
    expect(j.resolved.nodePools.map((p) => [p.peakCount, p.surgeNodes])).toEqual([
      [3, 1],
      [20, 7],
    ]);
  });
});

describe("aksnet check: SARIF", () => {
  it("is SARIF 2.1.0 with one result per finding at the field's line", async () => {
    const r = await check(["-o", "sarif", "examples/plans/subnet-too-small.yaml"]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(s.version).toBe("2.1.0");
    const run0 = s.runs[0]!;
    expect(run0.tool.driver.rules.map((x) => x.id)).toEqual(["subnet-too-small-for-nodes"]);
    expect(
      run0.results.map((x) => [
        x.ruleId,
        x.level,
        x.locations[0]!.physicalLocation.artifactLocation.uri,
        x.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual([["subnet-too-small-for-nodes", "error", "examples/plans/subnet-too-small.yaml", 14]]);
  });
});

describe("aksnet check: merged files", () => {
  it("locates each finding in the file its field came from", async () => {
    const r = await check(["-o", "sarif", "examples/imports/aks-show.json", "examples/imports/vnet-show.json"]);
    const s = JSON.parse(r.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(
      s.runs[0]!.results.map((x) => [
        x.ruleId,
        x.locations[0]!.physicalLocation.artifactLocation.uri,
        x.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ["service-cidr-overlaps-network", "examples/imports/aks-show.json", 12],
      ["subnet-too-small-for-nodes", "examples/imports/vnet-show.json", 6],
      ["retirement-ahead", "examples/imports/aks-show.json", 9],
    ]);
  });
});

describe("aksnet check: text", () => {
  it("uses colour only on a terminal without NO_COLOR", async () => {
    const io = memoryIo({ isTTY: true, cwd: ROOT });
    await run(["check", "examples/plans/subnet-too-small.yaml"], io);
    expect(io.stdout).toContain("\u001b[31m");
    expect((await check(["examples/plans/subnet-too-small.yaml"])).stdout).not.toContain("\u001b[");
  });
});

describe("check text: assumptions of every pool, capped", () => {
  const a = (path: string, value: string, reason = `why ${path}`) => ({ path, value, reason, source: "s" });
  const pools = (n: number, value = "250") =>
    Array.from({ length: n }, (_, i) => a(`nodePools[${i}].maxPods`, value, `no maxPods given for pool "p${i}"`));
  it.each([
    { name: "none", assumptions: [], lines: [] },
    {
      name: "three of a kind: all listed",
      assumptions: pools(3),
      lines: [
        '  nodePools[0].maxPods = 250: no maxPods given for pool "p0"',
        '  nodePools[1].maxPods = 250: no maxPods given for pool "p1"',
        '  nodePools[2].maxPods = 250: no maxPods given for pool "p2"',
      ],
    },
    {
      name: "20,000 of a kind: three, then and 19,997 more",
      assumptions: [a("sku.tier", "Free"), ...pools(20_000)],
      lines: [
        "  sku.tier = Free: why sku.tier",
        '  nodePools[0].maxPods = 250: no maxPods given for pool "p0"',
        '  nodePools[1].maxPods = 250: no maxPods given for pool "p1"',
        '  nodePools[2].maxPods = 250: no maxPods given for pool "p2"',
        "  and 19,997 more nodePools[*].maxPods = 250, assumed the same way (-o json lists every one)",
      ],
    },
    {
      name: "a different value is another kind",
      assumptions: [...pools(4, "30"), a("nodePools[9].maxPods", "110")],
      lines: [
        '  nodePools[0].maxPods = 30: no maxPods given for pool "p0"',
        '  nodePools[1].maxPods = 30: no maxPods given for pool "p1"',
        '  nodePools[2].maxPods = 30: no maxPods given for pool "p2"',
        "  and 1 more nodePools[*].maxPods = 30, assumed the same way (-o json lists every one)",
        "  nodePools[9].maxPods = 110: why nodePools[9].maxPods",
      ],
    },
  ])("$name", ({ assumptions, lines }) => expect(assumptionLines(assumptions)).toEqual(lines));

  it("law: the lines never exceed 4 per kind (+ alternatives), whatever the pool count", () => {
    for (const n of [0, 1, 3, 4, 100, 5000])
      expect(assumptionLines(pools(n)).length).toBe(Math.min(n, 3) + (n > 3 ? 1 : 0));
  });
});
