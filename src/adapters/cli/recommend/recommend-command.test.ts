import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PlanSchema } from "../../../engines/schema/index.js";
import { validate } from "../../../engines/validate/index.js";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const dir = mkdtempSync(join(tmpdir(), "aksnet-rec-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = process.cwd();

describe("aksnet recommend", () => {
  it.each<{ name: string; argv: string[]; code: number; stdout?: RegExp; stderr?: RegExp }>([
    { name: "no requirements", argv: ["recommend"], code: 0, stdout: /1 +Azure CNI Overlay \+ Cilium/ },
    {
      name: "flags",
      argv: ["recommend", "--nodes", "5", "--windows", "--network-policy", "calico"],
      code: 0,
      stdout: /1 +Azure CNI Overlay \+ Azure dataplane/,
    },
    {
      name: "plan requirements",
      argv: ["recommend", "examples/recommend/requirements.yaml"],
      code: 0,
      stdout: /Pod Subnet \(static block\) \+ Cilium/,
    },
    { name: "JSON", argv: ["recommend", "--ebpf", "-o", "json"], code: 0, stdout: /"id": "azure-cni-overlay\/cilium"/ },
    {
      name: "markdown",
      argv: ["recommend", "--dual-stack", "-o", "markdown"],
      code: 0,
      stdout: /^## Network model\n[\s\S]*\| 1 \| Azure CNI Overlay \+ Cilium \|/,
    },
    {
      name: "nothing fits: exit 1",
      argv: ["recommend", "--windows", "--ebpf"],
      code: 1,
      stdout: /No model meets every requirement/,
    },
    {
      name: "not a number",
      argv: ["recommend", "--nodes", "ten"],
      code: 2,
      stderr: /"ten" is not a count written in digits \(such as 50\)/,
    },
    {
      name: "seven digits: past the range, not 'not a whole number' (found by the breaker)",
      argv: ["recommend", "--nodes", "1234567"],
      code: 2,
      stderr:
        /^aksnet recommend: --nodes 1234567 must be a whole number from 0 to 1,000,000; give --nodes within that range\n$/,
    },
    {
      name: "an exponent is not digits",
      argv: ["recommend", "--nodes", "1e12"],
      code: 2,
      stderr: /"1e12" is not a count written in digits/,
    },
    {
      name: "max below nodes",
      argv: ["recommend", "--nodes", "10", "--max-nodes", "5"],
      code: 2,
      stderr: /--max-nodes 5 is below --nodes 10; give --max-nodes at least --nodes$/m,
    },
    {
      name: "zero nodes",
      argv: ["recommend", "--nodes", "0", "--max-nodes", "5"],
      code: 2,
      stderr: /at least one node/,
    },
    {
      name: "pods above max pods",
      argv: ["recommend", "--pods-per-node", "100", "--max-pods-per-node", "50"],
      code: 2,
      stderr:
        /--pods-per-node 100 is above --max-pods-per-node 50; raise --max-pods-per-node or lower --pods-per-node$/m,
    },
    {
      name: "bad address space",
      argv: ["recommend", "--address-space", "10.0.0.0/40"],
      code: 2,
      stderr: /--address-space "10\.0\.0\.0\/40"/,
    },
    {
      name: "bad version",
      argv: ["recommend", "--kubernetes-version", "latest"],
      code: 2,
      stderr: /"latest" is not like 1\.33/,
    },
    { name: "unknown policy", argv: ["recommend", "--network-policy", "weave"], code: 2, stderr: /weave/ },
  ])("$name", async ({ argv, code, stdout, stderr }) => {
    const io = memoryIo({ cwd: root });
    expect(await run(argv, io)).toBe(code);
    if (stdout) expect(io.stdout).toMatch(stdout);
    if (stderr) expect(io.stderr).toMatch(stderr);
    if (code === 2) expect(io.stdout).toBe("");
  });

  it("--emit-plan writes a plan that check accepts, and leaves no temporary file", async () => {
    const file = join(dir, "rec.yaml");
    const io = memoryIo({ cwd: root });
    expect(await run(["recommend", "examples/recommend/requirements.yaml", "--emit-plan", file], io)).toBe(0);
    const plan = PlanSchema.parse(parse(readFileSync(file, "utf8")));
    expect(plan.name).toBe("aks-payments");
    expect(validate(plan).filter((f) => f.severity === "error")).toEqual([]);
    expect(readdirSync(dir)).toEqual(["rec.yaml"]);
  });

  it.each(["az", "bicep", "terraform"])(
    "--automatic --emit-plan writes an Automatic plan that generates as %s",
    async (f) => {
      const file = join(dir, `automatic-${f}.yaml`);
      const argv = [
        "recommend",
        "--automatic",
        "--nodes",
        "20",
        "--address-space",
        "172.19.0.0/16",
        "--emit-plan",
        file,
      ];
      expect(await run(argv, memoryIo({ cwd: root }))).toBe(0);
      const plan = PlanSchema.parse(parse(readFileSync(file, "utf8")));
      expect([plan.sku?.name, plan.nodePools.length, plan.apiServer?.subnet]).toEqual([
        "Automatic",
        0,
        "aks-apiserver",
      ]);
      const io = memoryIo({ cwd: root });
      expect(await run(["generate", "--format", f, file], io)).toBe(0);
      expect(io.stdout).toMatch(/automatic|Automatic/);
    },
  );

  it("--emit-plan to a directory that does not exist is a usage error", async () => {
    const io = memoryIo({ cwd: root });
    expect(await run(["recommend", "--emit-plan", join(dir, "no", "such", "x.yaml")], io)).toBe(2);
    expect(io.stderr).toMatch(/cannot write .*x\.yaml: its directory does not exist; give a writable path/);
  });

  it("--emit-plan that fails to write leaves no temporary file (issue #11)", async () => {
    const target = join(dir, "taken");
    mkdirSync(join(target, "inside"), { recursive: true });
    const io = memoryIo({ cwd: root });
    expect(await run(["recommend", "--emit-plan", target], io)).toBe(2);
    expect(io.stderr).toMatch(/cannot write .*taken: it is a directory; give a writable path for --emit-plan\n$/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
