import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Finding } from "../../../engines/validate/index.js";
import type { Location } from "../../importers/index.js";
import { UsageError } from "../errors.js";
import {
  applyPolicy,
  baselineFingerprints,
  failsAt,
  fingerprint,
  parseConfig,
  parseFailOn,
  parseSuppressions,
  readBaseline,
  type FailOn,
  type LoadedConfig,
} from "./index.js";

const KNOWN = new Set(["subnet-too-small-for-nodes", "max-pods-invalid", "plan-schema"]);

function finding(ruleId: string, line: number, file = "plans/a.yaml", severity: Finding["severity"] = "error") {
  const location: Location = { file, line, column: 3 };
  return {
    ruleId,
    messageId: "m",
    severity,
    message: "msg",
    path: ["nodePools", 0, "maxPods"],
    fix: "fix",
    data: {},
    docsUrl: `docs/rules/${ruleId}.md`,
    location,
  };
}

describe("failsAt", () => {
  const cases: [FailOn, Finding["severity"], boolean][] = [
    ["error", "error", true],
    ["error", "warning", false],
    ["warning", "warning", true],
    ["warning", "info", false],
    ["note", "info", true],
    ["never", "error", false],
  ];
  it.each(cases)("--fail-on %s with a %s finding: %s", (level, sev, want) => expect(failsAt(level, sev)).toBe(want));
  it("reads info as note and refuses other words in one sentence", () => {
    expect(parseFailOn("INFO")).toBe("note");
    expect(() => parseFailOn("warn")).toThrow(/--fail-on "warn" is not a level; use error/);
  });
});

describe("parseSuppressions", () => {
  const cases: { name: string; text: string; lines?: (number | undefined)[]; problem?: RegExp }[] = [
    {
      name: "a trailing comment covers its own line",
      text: "a: 1\nmaxPods: 300 # aksnet-ignore max-pods-invalid -- approved\n",
      lines: [2],
    },
    {
      name: "a comment line covers the next line with content",
      text: "# aksnet-ignore max-pods-invalid, subnet-too-small-for-nodes -- why\n\n# other\nmaxPods: 300\n",
      lines: [4],
    },
    {
      name: "a file directive covers the file",
      text: "# aksnet-ignore-file max-pods-invalid -- why\n",
      lines: [undefined],
    },
    { name: "no reason", text: "x: 1 # aksnet-ignore max-pods-invalid\n", problem: /gives no reason/ },
    { name: "empty reason", text: "x: 1 # aksnet-ignore max-pods-invalid --   \n", problem: /gives no reason/ },
    { name: "no rule", text: "# aksnet-ignore -- why\nx: 1\n", problem: /names no rule/ },
    { name: "unknown rule", text: "# aksnet-ignore max-pod -- why\nx: 1\n", problem: /"max-pod", which is not a rule/ },
    { name: "a lookalike word is not a directive", text: "# aksnet-ignored max-pods-invalid -- why\n", lines: [] },
    {
      name: "a comment on the last line covers nothing that exists",
      text: "# aksnet-ignore max-pods-invalid -- w",
      lines: [2],
    },
  ];
  it.each(cases)("$name", ({ text, lines, problem }) => {
    const r = parseSuppressions(text, "a.yaml", KNOWN);
    if (problem) {
      expect(r.suppressions).toEqual([]);
      expect(r.problems[0]?.finding.message).toMatch(problem);
      expect(r.problems[0]?.finding.ruleId).toBe("suppression-invalid");
    } else {
      expect(r.problems).toEqual([]);
      expect(r.suppressions.map((s) => s.line)).toEqual(lines);
    }
  });
  it("reads 100,000 directive lines without trouble", () => {
    const text = "# aksnet-ignore max-pods-invalid -- x\nk: 1\n".repeat(50_000);
    expect(parseSuppressions(text, "a.yaml", KNOWN).suppressions).toHaveLength(50_000);
  });
});

describe("parseConfig", () => {
  const cases: { name: string; text: string; error?: RegExp }[] = [
    { name: "empty is fine", text: "" },
    {
      name: "rules and overrides",
      text:
        "failOn: warning\nrules: { max-pods-invalid: note }\noverrides:\n  - files: [dev/**]\n    rules: { " +
        "plan-schema: off }\n",
    },
    { name: "a JSON config", text: '{"rules": {"max-pods-invalid": "off"}}' },
    {
      name: "a bad level",
      text: "rules: { max-pods-invalid: warn }",
      error: /rules\.max-pods-invalid: expected one of error, warning, note, info, off, got "warn"/,
    },
    {
      name: "an unknown rule",
      text: "rules: { max-pods: off }",
      error: /rules\.max-pods: there is no rule "max-pods"/,
    },
    {
      name: "an unknown rule in an override",
      text: "overrides: [{ files: [a], rules: { x: off } }]",
      error: /overrides\[0\]\.rules\.x: there is no rule "x"/,
    },
    { name: "an unknown field", text: "rule: {}", error: /unknown field "rule"/ },
    {
      name: "an override without files",
      text: "overrides: [{ files: [], rules: {} }]",
      error: /overrides\[0\]\.files/,
    },
    { name: "not YAML", text: "rules: [", error: /is not valid YAML or JSON/ },
    { name: "a list", text: "- a", error: /the document/ },
    {
      name: "a bad failOn",
      text: "failOn: always",
      error: /failOn: expected one of error, warning, note, never, got "always"/,
    },
  ];
  it.each(cases)("$name", ({ text, error }) => {
    const run = () => parseConfig(text, "aksnet.config.yaml", KNOWN);
    if (error) {
      expect(run).toThrow(UsageError);
      expect(run).toThrow(error);
      expect(run).toThrow(/^the config file aksnet\.config\.yaml[^\n]*$/);
    } else expect(run).not.toThrow();
  });
});

describe("applyPolicy", () => {
  const dir = "/repo";
  const config = (text: string): LoadedConfig => ({ config: parseConfig(text, "c", KNOWN), file: "c", dir });
  it("turns a rule off, changes a severity, per path; the last matching override wins", () => {
    const c = config(
      "rules: { max-pods-invalid: warning }\noverrides:\n  - files: ['dev/**']\n    rules: { max-pods-invalid: off " +
        "}\n  - files: ['dev/keep.yaml']\n    rules: { max-pods-invalid: note }\n",
    );
    const r = applyPolicy(
      [
        finding("max-pods-invalid", 1, "plans/a.yaml"),
        finding("max-pods-invalid", 1, "dev/b.yaml"),
        finding("max-pods-invalid", 1, "/repo/dev/keep.yaml"),
        finding("subnet-too-small-for-nodes", 1, "dev/b.yaml"),
      ],
      { config: c, cwd: dir },
    );
    expect(r.findings.map((f) => [f.location.file, f.ruleId, f.severity])).toEqual([
      ["plans/a.yaml", "max-pods-invalid", "warning"],
      ["/repo/dev/keep.yaml", "max-pods-invalid", "info"],
      ["dev/b.yaml", "subnet-too-small-for-nodes", "error"],
    ]);
  });
  it("suppresses by comment (same file, line and rule only) and by baseline (counted)", () => {
    const { suppressions } = parseSuppressions(
      "\nx: 1 # aksnet-ignore max-pods-invalid -- accepted\n",
      "./plans/a.yaml",
      KNOWN,
    );
    const fp = fingerprint({
      ruleId: "subnet-too-small-for-nodes",
      messageId: "m",
      file: "plans/a.yaml",
      path: "nodePools[0].maxPods",
    });
    const r = applyPolicy(
      [
        finding("max-pods-invalid", 2),
        finding("max-pods-invalid", 3),
        finding("max-pods-invalid", 2, "plans/b.yaml"),
        finding("subnet-too-small-for-nodes", 7),
        finding("subnet-too-small-for-nodes", 9),
      ],
      { suppressions, baseline: { file: "base.json", counts: new Map([[fp, 1]]) }, cwd: dir },
    );
    expect(r.suppressed.map((f) => [f.ruleId, f.location.line, f.suppression])).toEqual([
      ["max-pods-invalid", 2, { kind: "inSource", reason: "accepted", by: "plans/a.yaml:2" }],
      ["subnet-too-small-for-nodes", 7, { kind: "external", reason: "already in the baseline", by: "base.json" }],
    ]);
    expect(r.findings.map((f) => [f.ruleId, f.location.file, f.location.line])).toEqual([
      ["max-pods-invalid", "plans/a.yaml", 3],
      ["max-pods-invalid", "plans/b.yaml", 2],
      ["subnet-too-small-for-nodes", "plans/a.yaml", 9],
    ]);
  });
});

describe("baseline", () => {
  it("reads check JSON and aksnet SARIF to the same fingerprints", () => {
    const json = { findings: [{ ruleId: "r", messageId: "m", path: "a.b", location: { file: "./p.yaml" } }] };
    const fp = fingerprint({ ruleId: "r", messageId: "m", file: "p.yaml", path: "a.b" });
    const sarif = { runs: [{ results: [{ partialFingerprints: { "aksnet/v1": fp } }] }] };
    expect(baselineFingerprints(json)).toEqual([fp]);
    expect(baselineFingerprints(sarif)).toEqual([fp]);
    expect(baselineFingerprints([1])).toBeUndefined();
    expect(baselineFingerprints({ findings: [null, 3] })).toEqual([]);
  });
  const dir = mkdtempSync(join(tmpdir(), "aksnet-baseline-"));
  writeFileSync(join(dir, "not.json"), "{");
  writeFileSync(join(dir, "other.json"), "{}");
  const cases: [string, RegExp][] = [
    ["missing.json", /cannot read the baseline missing\.json: it does not exist; write one with aksnet check -o json/],
    ["not.json", /the baseline not\.json is not JSON/],
    ["other.json", /neither aksnet check -o json nor SARIF output/],
  ];
  it.each(cases)("%s is one sentence", async (file, error) => {
    await expect(readBaseline(file, dir)).rejects.toThrow(error);
  });
});
