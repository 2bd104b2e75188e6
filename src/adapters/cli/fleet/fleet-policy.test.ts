/**
 * `aksnet fleet check` under the project's policy, as `aksnet check` (docs/ci.md): the config's rule
 * levels per path, `# aksnet-ignore` comments in the fleet file, `--baseline`, and the --fail-on level.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const ROOT = resolve(import.meta.dirname, "../../../..");
const OVERLAPS = readFileSync(join(ROOT, "examples/fleet/overlapping.yaml"), "utf8");

interface Out {
  summary: { errors: number; warnings: number };
  findings: { ruleId: string; messageId: string; severity: string }[];
  suppressed: { messageId: string; suppression: { kind: string; by: string } }[];
}

/** A project directory holding the overlapping fleet (edited) and files beside it; runs fleet check there. */
async function fleetCheck(files: Record<string, string>, ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "aksnet-fleet-policy-"));
  for (const [name, text] of Object.entries({ "fleet.yaml": OVERLAPS, ...files })) writeFileSync(join(dir, name), text);
  const io = memoryIo({ cwd: dir });
  const code = await run(["fleet", "check", "fleet.yaml", "-o", "json", ...flags], io);
  return { code, dir, stderr: io.stderr, out: code === 2 ? undefined : (JSON.parse(io.stdout) as Out) };
}

const ignoreOnPrem = (reason: string) =>
  OVERLAPS.replace(
    "connectedTo: [hub] }",
    `connectedTo: [hub] } # aksnet-ignore fleet-ranges-overlap${reason ? ` -- ${reason}` : ""}`,
  );

describe("aksnet fleet check: the project's policy", () => {
  it("without a policy: two errors and a warning, exit 1", async () => {
    const r = await fleetCheck({});
    expect(r.code).toBe(1);
    expect(r.out?.summary).toMatchObject({ errors: 2, warnings: 1 });
    expect(r.out?.suppressed).toEqual([]);
  });

  it.each<{
    name: string;
    files: Record<string, string>;
    flags: string[];
    errors: number;
    suppressed: { messageId: string; kind: string; by: string }[];
    code: number;
  }>([
    {
      name: "an inline comment with a reason suppresses the finding on its line",
      files: { "fleet.yaml": ignoreOnPrem("the on-premises range is NATed at the gateway") },
      flags: [],
      errors: 1,
      suppressed: [{ messageId: "direct", kind: "inSource", by: "fleet.yaml:8" }],
      code: 1,
    },
    {
      name: "a comment without a reason suppresses nothing and is a suppression-invalid error",
      files: { "fleet.yaml": ignoreOnPrem("") },
      flags: [],
      errors: 3,
      suppressed: [],
      code: 1,
    },
    {
      name: "the config turns the rule into a warning for this file: exit 0",
      files: {
        "aksnet.config.yaml": "overrides:\n  - files: ['fleet.yaml']\n    rules: { fleet-ranges-overlap: warning }\n",
      },
      flags: [],
      errors: 0,
      suppressed: [],
      code: 0,
    },
    {
      name: "the config's failOn: warning makes the warnings fail",
      files: { "aksnet.config.yaml": "failOn: warning\nrules: { fleet-ranges-overlap: warning }\n" },
      flags: [],
      errors: 0,
      suppressed: [],
      code: 1,
    },
    {
      name: "--no-config ignores the config",
      files: { "aksnet.config.yaml": "rules: { fleet-ranges-overlap: off }\n" },
      flags: ["--no-config"],
      errors: 2,
      suppressed: [],
      code: 1,
    },
    {
      name: "a config naming a check rule is read (one config for every command)",
      files: { "aksnet.config.yaml": "rules: { subnet-too-small-for-nodes: warning }\n" },
      flags: [],
      errors: 2,
      suppressed: [],
      code: 1,
    },
  ])("$name", async ({ files, flags, errors, suppressed, code }) => {
    const r = await fleetCheck(files, ...flags);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(code);
    expect(r.out?.summary.errors).toBe(errors);
    expect(r.out?.suppressed.map((s) => ({ messageId: s.messageId, ...s.suppression }))).toEqual(
      suppressed.map((s) => expect.objectContaining(s) as unknown),
    );
    if (errors === 3) expect(r.out?.findings.map((f) => f.ruleId)).toContain("suppression-invalid");
  });

  it("--baseline: the findings of a saved run are suppressed, only new ones count", async () => {
    const first = await fleetCheck({});
    const baseline = JSON.stringify(first.out);
    const again = await fleetCheck({ "baseline.json": baseline }, "--baseline", "baseline.json");
    expect(again.code).toBe(0);
    expect(again.out?.findings).toEqual([]);
    expect(again.out?.suppressed.map((s) => s.suppression.kind)).toEqual(["external", "external", "external"]);
    const added = OVERLAPS.replace("cidrs: [10.20.0.0/16] }", "cidrs: [10.20.0.0/16, 10.0.1.0/24] }");
    const more = await fleetCheck({ "fleet.yaml": added, "baseline.json": baseline }, "--baseline", "baseline.json");
    expect(more.code).toBe(1);
    expect(more.out?.findings.length).toBeGreaterThan(0);
  });

  it("a config naming no rule is a usage error naming the file, exit 2", async () => {
    const r = await fleetCheck({ "aksnet.config.yaml": "rules: { no-such-rule: off }\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aksnet.config.yaml: rules.no-such-rule: there is no rule "no-such-rule"/);
  });
});
