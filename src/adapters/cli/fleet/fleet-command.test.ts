import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const FLEET = "examples/fleet/fleet.yaml";
const OVERLAPS = "examples/fleet/overlapping.yaml";

describe("aksnet fleet", () => {
  it.each<{ name: string; argv: string[]; code: number; stdout?: RegExp; stderr?: RegExp }>([
    {
      name: "check: the example before allocation is clean",
      argv: ["fleet", "check", FLEET],
      code: 0,
      stdout: /0 error/,
    },
    {
      name: "check: overlaps through the hub, on-premises and a mesh",
      argv: ["fleet", "check", OVERLAPS],
      code: 1,
      stdout: /meshed \(payments-mesh\)[\s\S]*reach each other[\s\S]*hub reaches both/,
    },
    {
      name: "check -o json: findings located in the fleet file",
      argv: ["fleet", "check", OVERLAPS, "-o", "json"],
      code: 1,
      stdout: /"location": \{\s+"file": "examples\/fleet\/overlapping.yaml",\s+"line": \d+/,
    },
    {
      name: "check -o sarif",
      argv: ["fleet", "check", OVERLAPS, "-o", "sarif"],
      code: 1,
      stdout: /"ruleId": "fleet-ranges-overlap"/,
    },
    {
      name: "check -o markdown",
      argv: ["fleet", "check", OVERLAPS, "-o", "markdown"],
      code: 1,
      stdout: /^# Fleet overlaps/,
    },
    {
      name: "check -o yaml",
      argv: ["fleet", "check", FLEET, "-o", "yaml"],
      code: 0,
      stdout: /^apiVersion: aksnet\/v1\nkind: FleetCheckReport\nfile: examples/,
    },
    {
      name: "allocate: every cluster placed",
      argv: ["fleet", "allocate", FLEET],
      code: 0,
      stdout: /aks-orders: allocated from spokes-weu 10\.66\.4\.0\/23/,
    },
    {
      name: "allocate -o json",
      argv: ["fleet", "allocate", FLEET, "-o", "json"],
      code: 0,
      stdout: /"status": "allocated"/,
    },
    {
      name: "allocate --write - prints the fleet",
      argv: ["fleet", "allocate", FLEET, "--write", "-"],
      code: 0,
      stdout: /^# Allocated by aksnet fleet allocate/,
    },
    { name: "an unknown action", argv: ["fleet", "chek", FLEET], code: 2, stderr: /"chek" is not a fleet action/ },
    {
      name: "a cluster plan is not a fleet",
      argv: ["fleet", "check", "examples/fleet/standard-cluster.yaml"],
      code: 2,
      stderr: /is not a fleet file/,
    },
    {
      name: "a missing file",
      argv: ["fleet", "check", "nope.yaml"],
      code: 2,
      stderr: /cannot read nope\.yaml: it does not exist/,
    },
    {
      name: "--write on check",
      argv: ["fleet", "check", FLEET, "--write", "x.yaml"],
      code: 2,
      stderr: /belong to aksnet fleet allocate/,
    },
    {
      name: "a format check does not write",
      argv: ["fleet", "allocate", FLEET, "-o", "sarif"],
      code: 2,
      stderr: /--output "sarif"/,
    },
    {
      name: "an unknown --used-format",
      argv: ["fleet", "check", FLEET, "--used", "x", "--used-format", "csv"],
      code: 2,
      stderr: /--used-format "csv"/,
    },
  ])("$name", async ({ argv, code, stdout, stderr }) => {
    const io = memoryIo();
    expect(await run(argv, io)).toBe(code);
    if (stdout) expect(io.stdout).toMatch(stdout);
    if (stderr) expect(io.stderr).toMatch(stderr);
    if (code === 2) expect(io.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("allocate --out-dir --write: the written fleet and every written plan pass check", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-fleet-"));
    for (const f of ["fleet.yaml", "standard-cluster.yaml"]) copyFileSync(resolve("examples/fleet", f), join(dir, f));
    const io = memoryIo({ cwd: dir });
    expect(await run(["fleet", "allocate", "fleet.yaml", "--out-dir", "clusters", "--write", "fleet.yaml"], io)).toBe(
      0,
    );
    expect(readdirSync(join(dir, "clusters")).sort()).toEqual([
      "aks-orders.yaml",
      "aks-reports.yaml",
      "aks-search.yaml",
    ]);
    const again = memoryIo({ cwd: dir });
    expect(await run(["fleet", "check", "fleet.yaml", "-o", "json"], again)).toBe(0);
    expect(JSON.parse(again.stdout).counts.clusters).toBe(4);
    for (const f of readdirSync(join(dir, "clusters"))) {
      const one = memoryIo({ cwd: dir });
      expect(await run(["check", join("clusters", f)], one), one.stdout).toBe(0);
    }
  });

  it("reads --used prefix lists and places around them; a bad one is exit 2 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-fleet-"));
    for (const f of ["fleet.yaml", "standard-cluster.yaml"]) copyFileSync(resolve("examples/fleet", f), join(dir, f));
    writeFileSync(join(dir, "used.txt"), "10.66.4.0/22\n");
    const io = memoryIo({ cwd: dir });
    expect(await run(["fleet", "allocate", "fleet.yaml", "--used", "used.txt", "-o", "json"], io)).toBe(0);
    const vnets = (JSON.parse(io.stdout) as { clusters: { vnet: string[] }[] }).clusters.flatMap((c) => c.vnet);
    expect(vnets).not.toContain("10.66.4.0/23");
    writeFileSync(join(dir, "bad.txt"), "10.66.4.0/33\n");
    const bad = memoryIo({ cwd: dir });
    expect(await run(["fleet", "allocate", "fleet.yaml", "--used", "bad.txt", "--out-dir", "out"], bad)).toBe(2);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("locates each cluster's own findings: in the plan file it names, or in the fleet file when inline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-fleet-"));
    const plan = (indent: string) =>
      [
        "kind: ClusterPlan",
        'kubernetesVersion: "1.33"',
        "network:",
        "  plugin: azure",
        "  pluginMode: overlay",
        "  serviceCidrs: [10.1.0.0/16]",
        "vnet:",
        "  addressSpace: [10.1.0.0/16]",
        "  subnets: [{ name: nodes, cidr: 10.1.0.0/24 }]",
        "nodePools: [{ name: system, mode: System, count: 3, subnet: nodes }]",
      ]
        .map((l) => indent + l)
        .join("\n");
    writeFileSync(join(dir, "a.yaml"), `${plan("")}\n`);
    writeFileSync(
      join(dir, "fleet.yaml"),
      [
        "kind: FleetPlan",
        "clusters:",
        "  - name: a",
        "    plan: a.yaml",
        "  - name: b",
        "    plan:",
        plan("      "),
      ].join("\n") + "\n",
    );
    const io = memoryIo({ cwd: dir });
    expect(await run(["fleet", "check", "fleet.yaml", "-o", "json"], io)).toBe(1);
    const out = JSON.parse(io.stdout) as {
      clusters: { findings: { ruleId: string; location: { file: string; line: number; column: number } }[] }[];
    };
    const where = (c: number) => {
      const f = out.clusters[c]?.findings.find((x) => x.ruleId === "service-cidr-overlaps-subnet");
      return f?.location;
    };
    // serviceCidrs[0] is on the plan's line 6, column 18; inline, six lines down and six columns in.
    expect(where(0)).toEqual({ file: "a.yaml", line: 6, column: 18 });
    expect(where(1)).toEqual({ file: "fleet.yaml", line: 12, column: 24 });
  });
});
