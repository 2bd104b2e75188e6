import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const dir = mkdtempSync(join(tmpdir(), "aksnet-gen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const good =
  "name: aks\nresourceGroup: rg\nnetwork: { plugin: azure, pluginMode: overlay, podCidrs: [10.244.0.0/16] }\n" +
  "nodePools: [{ name: system, count: 3 }]\n";

describe("aksnet generate", () => {
  it.each<{ name: string; argv: string[]; code: number; stdout?: RegExp; stderr?: RegExp }>([
    {
      name: "az script",
      argv: ["generate", "--format", "az", file("good.yaml", good)],
      code: 0,
      stdout: /^#!\/usr\/bin\/env bash\n/,
    },
    { name: "bicep", argv: ["generate", "-f", "bicep", "good.yaml"], code: 0, stdout: /managedClusters@/ },
    {
      name: "json",
      argv: ["generate", "-f", "terraform", "-o", "json", "good.yaml"],
      code: 0,
      stdout: /"format": "terraform"/,
    },
    {
      name: "missing file",
      argv: ["generate", "-f", "az", "nope.yaml"],
      code: 2,
      stderr: /cannot read nope\.yaml: it does not exist/,
    },
    { name: "missing format", argv: ["generate", "good.yaml"], code: 2, stderr: /--format/ },
    { name: "unknown format", argv: ["generate", "-f", "pulumi", "good.yaml"], code: 2, stderr: /pulumi/ },
    {
      name: "injection refused by the validator",
      argv: ["generate", "-f", "az", file("bad.yaml", good.replace("name: aks", 'name: "aks$(reboot)"'))],
      code: 1,
      stderr: /Cluster name "aks\$\(reboot\)" contains "\$"/,
    },
    {
      name: "injection refused by the writer even with --force",
      argv: ["generate", "-f", "az", "--force", "bad.yaml"],
      code: 2,
      stderr: /name "aks\$\(reboot\)" cannot be written safely/,
    },
    {
      name: "error findings refused",
      argv: [
        "generate",
        "-f",
        "az",
        file(
          "dns.yaml",
          good.replace("podCidrs: [10.244.0.0/16]", "serviceCidrs: [10.0.0.0/16], dnsServiceIp: 10.1.0.10"),
        ),
      ],
      code: 1,
      stderr: /error finding/,
    },
    {
      name: "--force generates anyway",
      argv: ["generate", "-f", "az", "--force", "dns.yaml"],
      code: 0,
      stdout: /--dns-service-ip=10\.1\.0\.10/,
    },
    {
      name: "a value Terraform cannot write: one sentence naming the field, the tool and what to use",
      argv: [
        "generate",
        "-f",
        "terraform",
        file(
          "win25.yaml",
          good.replace(
            "nodePools: [{ name: system, count: 3 }]",
            "nodePools: [{ name: system, count: 3 }, { name: win, os: Windows2025, count: 1 }]",
          ),
        ),
      ],
      code: 2,
      stderr:
        /win25\.yaml: nodePools\[1\]\.os "Windows2025" cannot be written as Terraform: the azurerm provider \(checked up to 5\.2\.0\) has no argument for Windows Server 2025 node pools .*; generate the az script or Bicep instead/,
    },
    {
      name: "the same plan as Bicep asks for the FIPS image Windows Server 2025 requires",
      argv: ["generate", "-f", "bicep", "win25.yaml"],
      code: 0,
      stdout: /osSKU: 'Windows2025'\n\s+enableFIPS: true/,
    },
    {
      name: "a preview outbound type as Bicep: refused, pointing to the az script with aks-preview",
      argv: [
        "generate",
        "-f",
        "bicep",
        file("block.yaml", good.replace("podCidrs: [10.244.0.0/16]", "podCidrs: [10.244.0.0/16], outboundType: block")),
      ],
      code: 2,
      stderr:
        /network\.outboundType "block" cannot be written as Bicep: the preview outbound type block exists only in preview API versions and this Bicep file uses the stable API 2026-04-01; generate the az script instead \(aks-preview 9\.0\.0b2 or later\)/,
    },
    {
      name: "the same plan as an az script names the aks-preview extension it needs",
      argv: ["generate", "-f", "az", "block.yaml"],
      code: 0,
      stdout: /# This script needs the aks-preview extension 9\.0\.0b2 or later .*--bootstrap-artifact-source=Cache/s,
    },
  ])("$name", async ({ argv, code, stdout, stderr }) => {
    const io = memoryIo({ cwd: dir });
    expect(await run(argv, io)).toBe(code);
    if (stdout) expect(io.stdout).toMatch(stdout);
    if (stderr) expect(io.stderr).toMatch(stderr);
    if (code !== 0) expect(io.stdout).toBe("");
    expect(io.stderr.split("\n").filter(Boolean).length).toBeLessThanOrEqual(1);
  });
});
