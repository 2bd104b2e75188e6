/**
 * The /20 worked example of docs/layout.md (issue 13's "done when"): an Overlay + Cilium cluster with API Server
 * VNet Integration, Application Gateway for Containers, a static egress gateway pool and private endpoints in
 * 10.40.0.0/20. Its laid-out plan (`aksnet layout … --write -`) passes `aksnet check` with no finding, is the plan
 * docs/generate.md generates (examples/generate/overlay-cilium-vnet.yaml, but for its comment and the layout
 * section it no longer needs), and generates in all three formats: the az script's commands, the Bicep
 * resources and the Terraform parsed as HCL with only documented azurerm argument names.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as hcl } from "@cdktf/hcl2json";
import { parse as yaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../src/adapters/cli/io.js";
import { run } from "../src/adapters/cli/main.js";
import { azCommands } from "../src/adapters/generate/testing/az-args.js";
import { AZURERM_ATTRIBUTES, WRONG_NAMES } from "../src/adapters/generate/testing/azurerm-attributes.js";

const ROOT = resolve(import.meta.dirname, "..");
const EXAMPLE = "examples/layout/overlay-cilium-20.yaml";
const GENERATE_EXAMPLE = "examples/generate/overlay-cilium-vnet.yaml";
const tmp = mkdtempSync(join(tmpdir(), "aksnet-layout-20-"));
const laidOut = join(tmp, "laid-out.yaml");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function aksnet(argv: string[]) {
  const io = memoryIo({ env: { NO_COLOR: "1" }, cwd: ROOT });
  const code = await run(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Blocks = Record<string, Record<string, { [k: string]: Json }[]>>;
const isBlockList = (v: Json): v is { [k: string]: Json }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));
function names(path: string, body: { [k: string]: Json }): [string, string][] {
  return Object.entries(body).flatMap(([k, v]): [string, string][] => [
    [path, k],
    ...(isBlockList(v) ? v.flatMap((b) => names(`${path}.${k}`, b)) : []),
  ]);
}

describe("docs/layout.md's worked example: Overlay + Cilium in a /20", () => {
  beforeAll(async () => {
    const r = await aksnet(["layout", EXAMPLE, "--write", "-"]);
    expect(r.code).toBe(0);
    writeFileSync(laidOut, r.stdout);
  });

  it("places every subnet inside 10.40.0.0/20", () => {
    const plan = yaml(readFileSync(laidOut, "utf8")) as { vnet: { subnets: { name: string; cidr: string }[] } };
    expect(plan.vnet.subnets.map((s) => [s.name, s.cidr])).toEqual([
      ["agc", "10.40.0.0/24"],
      ["aks-nodes", "10.40.1.0/26"],
      ["private-endpoints", "10.40.1.128/26"],
      ["aks-apiserver", "10.40.2.0/28"],
      ["aks-egress", "10.40.2.32/29"],
    ]);
  });

  it("is the plan docs/generate.md generates, but for its comment and the layout section", () => {
    const strip = (text: string) => {
      const { layout: _l, ...rest } = yaml(text) as Record<string, unknown>;
      return rest;
    };
    expect(strip(readFileSync(laidOut, "utf8"))).toEqual(strip(readFileSync(join(ROOT, GENERATE_EXAMPLE), "utf8")));
  });

  it("passes aksnet check with no finding", async () => {
    const r = await aksnet(["check", laidOut, "-o", "json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it("generates an az script: the subnets with their delegations, the gateway pool and the cluster", async () => {
    const r = await aksnet(["generate", "--format", "az", laidOut]);
    expect(r.code).toBe(0);
    const cmds = azCommands(r.stdout);
    const subnet = (name: string) =>
      cmds.find((c) => c.words.join(" ") === "az network vnet subnet create" && c.flags.get("--name") === name);
    expect(subnet("aks-apiserver")?.flags.get("--delegations")).toBe("Microsoft.ContainerService/managedClusters");
    expect(subnet("agc")?.flags.get("--delegations")).toBe("Microsoft.ServiceNetworking/trafficControllers");
    expect(subnet("private-endpoints")?.flags.get("--address-prefixes")).toBe("10.40.1.128/26");
    const create = cmds.find((c) => c.words.join(" ") === "az aks create");
    expect(create?.flags.get("--network-plugin-mode")).toBe("overlay");
    expect(create?.flags.get("--network-dataplane")).toBe("cilium");
    expect(create?.flags.has("--enable-apiserver-vnet-integration")).toBe(true);
    expect(create?.flags.has("--enable-static-egress-gateway")).toBe(true);
    const gateway = cmds.find(
      (c) => c.words.join(" ") === "az aks nodepool add" && c.flags.get("--mode") === "Gateway",
    );
    expect(gateway?.flags.get("--gateway-prefix-size")).toBe("30");
  });

  it("generates Bicep: the VNet, the cluster with VNet integration and the gateway agent pool", async () => {
    const r = await aksnet(["generate", "--format", "bicep", laidOut]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/resource \w+ 'Microsoft\.Network\/virtualNetworks@/);
    expect(r.stdout).toMatch(/resource \w+ 'Microsoft\.ContainerService\/managedClusters@/);
    expect(r.stdout).toMatch(/enableVnetIntegration: true/);
    expect(r.stdout).toMatch(/mode: 'Gateway'/);
    expect(r.stdout).toMatch(/'Microsoft\.ServiceNetworking\/trafficControllers'/);
  });

  it("generates Terraform that parses as HCL and uses only documented azurerm argument names", async () => {
    const r = await aksnet(["generate", "--format", "terraform", laidOut]);
    expect(r.code).toBe(0);
    const json = (await hcl("main.tf", r.stdout)) as { resource?: Blocks };
    const resources = json.resource ?? {};
    expect(Object.keys(resources)).toEqual(
      expect.arrayContaining(["azurerm_virtual_network", "azurerm_subnet", "azurerm_kubernetes_cluster"]),
    );
    // The gateway pool goes through azapi (azurerm has no Gateway mode).
    expect(Object.keys(resources)).toContain("azapi_resource");
    for (const [type, byName] of Object.entries(resources))
      for (const body of Object.values(byName).flat())
        for (const [path, attr] of names(type, body)) {
          expect(AZURERM_ATTRIBUTES[path], `block ${path} is not in the attribute list`).toBeDefined();
          expect(AZURERM_ATTRIBUTES[path], `${path}.${attr}`).toContain(attr);
          expect(WRONG_NAMES).not.toContain(attr);
        }
  });
});
