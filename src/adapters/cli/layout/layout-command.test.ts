import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const EXAMPLE = "examples/layout/overlay-cilium-20.yaml";

describe("aksnet layout", () => {
  it.each<{ name: string; argv: string[]; code: number; stdout?: RegExp; stderr?: RegExp }>([
    {
      name: "the worked example: a table",
      argv: ["layout", EXAMPLE],
      code: 0,
      stdout: /aks-apiserver\s+10\.40\.2\.0\/28\s+apiServer/,
    },
    { name: "JSON", argv: ["layout", EXAMPLE, "-o", "json"], code: 0, stdout: /"status": "placed"/ },
    { name: "Markdown", argv: ["layout", EXAMPLE, "-o", "markdown"], code: 0, stdout: /\| agc \| 10\.40\.0\.0\/24 \|/ },
    {
      name: "the result as YAML",
      argv: ["layout", EXAMPLE, "-o", "yaml"],
      code: 0,
      stdout: /^apiVersion: aksnet\/v1\nkind: LayoutReport\nok: true\n/,
    },
    {
      name: "the laid-out plan on standard output, comments kept",
      argv: ["layout", EXAMPLE, "--write", "-"],
      code: 0,
      stdout: /^# yaml-language-server: \$schema=\S+\n# An Overlay \+ Cilium cluster/,
    },
    {
      name: "no room: exit 1 and why",
      argv: ["layout", "examples/layout/no-room.yaml"],
      code: 1,
      stdout: /NOT PLACED[\s\S]*no-room/,
    },
    {
      name: "another address space",
      argv: ["layout", EXAMPLE, "--address-space", "10.60.0.0/19"],
      code: 0,
      stdout: /10\.60\.0\.0\/24/,
    },
    {
      name: "bad growth",
      argv: ["layout", EXAMPLE, "--growth", "3.5"],
      code: 2,
      stderr: /--growth "3\.5" is not a whole number/,
    },
    {
      name: "bad address space",
      argv: ["layout", EXAMPLE, "--address-space", "10.0.0.0/40"],
      code: 2,
      stderr: /--address-space "10\.0\.0\.0\/40" is not a CIDR/,
    },
    {
      name: "host bits",
      argv: ["layout", EXAMPLE, "--address-space", "10.0.0.1/16"],
      code: 2,
      stderr: /did you mean 10\.0\.0\.0\/16/,
    },
    { name: "a missing file", argv: ["layout", "nope.yaml"], code: 2, stderr: /cannot read nope\.yaml/ },
    { name: "a bad output format", argv: ["layout", EXAMPLE, "-o", "sarif"], code: 2, stderr: /sarif/ },
  ])("$name", async ({ argv, code, stdout, stderr }) => {
    const io = memoryIo();
    expect(await run(argv, io)).toBe(code);
    if (stdout) expect(io.stdout).toMatch(stdout);
    if (stderr) expect(io.stderr).toMatch(stderr);
    if (code === 2) expect(io.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("--write writes the laid-out plan, which lays out to nothing more", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-layout-"));
    const out = join(dir, "laid-out.yaml");
    const io = memoryIo();
    expect(await run(["layout", EXAMPLE, "--write", out], io)).toBe(0);
    const written = parse(readFileSync(out, "utf8")) as { vnet: { subnets: { name: string; cidr: string }[] } };
    expect(written.vnet.subnets.map((s) => `${s.name} ${s.cidr}`)).toEqual([
      "agc 10.40.0.0/24",
      "aks-nodes 10.40.1.0/26",
      "private-endpoints 10.40.1.128/26",
      "aks-apiserver 10.40.2.0/28",
      "aks-egress 10.40.2.32/29",
    ]);
    const again = memoryIo();
    expect(await run(["layout", out], again)).toBe(0);
    expect(again.stdout).toMatch(/Nothing to add/);
    expect(readdirSync(dir)).toEqual(["laid-out.yaml"]);
  });

  it("the written plan keeps every line of the input but the empty subnet list, in order", async () => {
    const io = memoryIo();
    expect(await run(["layout", EXAMPLE, "--write", "-"], io)).toBe(0);
    const out = io.stdout.split("\n");
    let at = 0;
    for (const line of readFileSync(EXAMPLE, "utf8").split("\n")) {
      if (line.trim() === "subnets: []" || line === "") continue;
      const found = out.indexOf(line, at);
      expect(found, `line kept in order: ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it("a write that fails leaves no temporary file and says so in one sentence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-layout-"));
    const io = memoryIo();
    expect(await run(["layout", EXAMPLE, "--write", join(dir, "missing", "x.yaml")], io)).toBe(2);
    expect(io.stderr).toMatch(/cannot write .*x\.yaml.*give a writable path for --write/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a JSON plan stays JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aksnet-layout-"));
    const file = join(dir, "plan.json");
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: "aksnet/v1",
        kind: "ClusterPlan",
        vnet: { addressSpace: ["10.1.0.0/22"] },
        nodePools: [{ name: "a", count: 3 }],
      }),
    );
    const io = memoryIo();
    expect(await run(["layout", file, "--write", "-"], io)).toBe(0);
    const doc = JSON.parse(io.stdout) as { nodePools: { subnet: string }[]; vnet: { subnets: { name: string }[] } };
    expect(doc.nodePools[0]!.subnet).toBe("aks-nodes");
    expect(doc.vnet.subnets.map((s) => s.name)).toEqual(["aks-nodes"]);
  });
});
