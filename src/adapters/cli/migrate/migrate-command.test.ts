import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

describe("aksnet migrate", () => {
  it.each<{ name: string; argv: string[]; code: number; stdout?: RegExp; stderr?: RegExp }>([
    {
      name: "kubenet plan to Overlay",
      argv: ["migrate", "examples/recommend/kubenet.yaml", "--to", "overlay"],
      code: 0,
      stdout: /--network-plugin-mode overlay --pod-cidr 100\.64\.0\.0\/16/,
    },
    {
      name: "cluster JSON: identity read from it",
      argv: ["migrate", "examples/recommend/cluster-node-subnet.json", "--to", "cilium"],
      code: 0,
      stdout: /--network-dataplane cilium/,
    },
    {
      name: "JSON output",
      argv: ["migrate", "examples/recommend/kubenet.yaml", "--to", "overlay", "-o", "json"],
      code: 0,
      stdout: /"status": "ready"/,
    },
    {
      name: "blocked: exit 1",
      argv: ["migrate", "examples/recommend/pod-subnet.yaml", "--to", "overlay"],
      code: 1,
      stdout: /BLOCKED/,
    },
    {
      name: "Windows pools block Cilium",
      argv: ["migrate", "examples/recommend/pod-subnet.yaml", "--to", "cilium"],
      code: 1,
      stdout: /Linux only/,
    },
    {
      name: "bad pod CIDR",
      argv: ["migrate", "examples/recommend/kubenet.yaml", "--to", "overlay", "--pod-cidr", "10.0.0.0/33"],
      code: 2,
      stderr: /--pod-cidr "10\.0\.0\.0\/33": .*33/,
    },
    {
      name: "host bits set",
      argv: ["migrate", "examples/recommend/kubenet.yaml", "--to", "overlay", "--pod-cidr", "100.64.0.1/16"],
      code: 2,
      stderr: /use 100\.64\.0\.0\/16/,
    },
    { name: "missing --to", argv: ["migrate", "examples/recommend/kubenet.yaml"], code: 2, stderr: /--to/ },
    {
      name: "unknown target",
      argv: ["migrate", "examples/recommend/kubenet.yaml", "--to", "kubenet"],
      code: 2,
      stderr: /kubenet/,
    },
    {
      name: "missing file",
      argv: ["migrate", "nope.yaml", "--to", "overlay"],
      code: 2,
      stderr: /cannot read nope\.yaml/,
    },
  ])("$name", async ({ argv, code, stdout, stderr }) => {
    const io = memoryIo();
    expect(await run(argv, io)).toBe(code);
    if (stdout) expect(io.stdout).toMatch(stdout);
    if (stderr) expect(io.stderr).toMatch(stderr);
    if (code === 2) expect(io.stdout).toBe("");
  });

  it("cluster JSON without its VNet: the pod CIDR overlap check is listed and the command is exact", async () => {
    const io = memoryIo();
    await run(["migrate", "examples/recommend/cluster-node-subnet.json", "--to", "overlay", "-o", "json"], io);
    const j = JSON.parse(io.stdout) as { checks: { id: string }[]; steps: { commandText: string }[] };
    expect(j.checks.map((c) => c.id)).toEqual(["custom-ip-masq-agent", "pod-cidr-overlaps-unknown"]);
    expect(j.steps.map((s) => s.commandText)).toEqual([
      "az aks update --resource-group rg-aks-flat --name aks-flat --network-policy none",
      "az aks update --resource-group rg-aks-flat --name aks-flat --network-plugin azure --network-plugin-mode " +
        "overlay --pod-cidr 10.244.0.0/16",
      "az aks update --resource-group rg-aks-flat --name aks-flat --network-policy azure",
    ]);
  });
});

describe("names in commands are shell-quoted", () => {
  it("a cluster name with a command substitution stays one literal word", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "aksnet-mig-"));
    try {
      writeFileSync(
        join(dir, "p.yaml"),
        'name: "aks$(reboot)"\nresourceGroup: "rg x"\nkubernetesVersion: "1.31"\nnetwork: { plugin: kubenet }\n' +
          "nodePools: [{ name: system, count: 3 }]\n",
      );
      const io = memoryIo({ cwd: dir });
      await run(["migrate", "p.yaml", "--to", "overlay", "--identity", "user", "-o", "json"], io);
      const j = JSON.parse(io.stdout) as { steps: { commandText: string }[] };
      expect(j.steps.at(-1)?.commandText).toMatch(
        /^az aks update --resource-group 'rg x' --name 'aks\$\(reboot\)' --network-plugin azure/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
