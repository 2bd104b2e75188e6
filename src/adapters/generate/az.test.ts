import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, toGenPlan, type GenPlan } from "./index.js";
import { effectiveNetwork } from "./network.js";
import { azCommands } from "./testing/az-args.js";
import { PLANS } from "./testing/plans.js";

const dir = mkdtempSync(join(tmpdir(), "aksnet-az-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string): string {
  const r = generate(PLANS[name]!, "az");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
}

/** The plan as the script's flags say it, read back with the inverse of every mapping in az.ts. */
function planFromScript(text: string) {
  const cmds = azCommands(text);
  const subnetOfVar = new Map<string, string>();
  for (const m of text.matchAll(/^(SUBNET_[A-Z0-9_]+)="\$\(az network vnet subnet show .*? --name=(\S+) /gm))
    subnetOfVar.set(`<${m[1]}>`, m[2]!);
  const str = (v: string | true | undefined) => (typeof v === "string" ? v : undefined);
  const num = (v: string | true | undefined) => (typeof v === "string" ? Number(v) : undefined);
  const list = (one: string | true | undefined, many: string | true | undefined) =>
    str(one)?.split(",") ?? str(many)?.split(",") ?? [];
  const pool = (f: ReadonlyMap<string, string | true>, name: string, mode: string) => ({
    name,
    mode,
    osType: str(f.get("--os-type")) ?? "Linux",
    osSku: str(f.get("--os-sku")),
    count: num(f.get("--node-count")),
    minCount: num(f.get("--min-count")),
    maxCount: num(f.get("--max-count")),
    maxPods: num(f.get("--max-pods")),
    maxSurge: str(f.get("--max-surge")),
    subnet: subnetOfVar.get(str(f.get("--vnet-subnet-id")) ?? ""),
    podSubnet: subnetOfVar.get(str(f.get("--pod-subnet-id")) ?? ""),
    podIpAllocation: str(f.get("--pod-ip-allocation-mode")),
  });
  const create = cmds.find((c) => c.words.join(" ") === "az aks create")!;
  const f = create.flags;
  const pools = [pool(f, str(f.get("--nodepool-name"))!, "System")];
  for (const c of cmds) {
    const name = str(c.flags.get("--name"));
    if (c.words.join(" ") === "az aks nodepool update")
      pools[0] = { ...pools[0]!, maxSurge: str(c.flags.get("--max-surge")) };
    if (c.words.join(" ") === "az aks nodepool add") pools.push(pool(c.flags, name!, str(c.flags.get("--mode"))!));
  }
  const vnetCmd = cmds.find((c) => c.words.join(" ") === "az network vnet create");
  return {
    network: {
      plugin: str(f.get("--network-plugin")),
      pluginMode: str(f.get("--network-plugin-mode")),
      dataplane: str(f.get("--network-dataplane")),
      policy: str(f.get("--network-policy")),
      ipFamilies: str(f.get("--ip-families"))
        ?.split(",")
        .map((x) => x.replace("ipv", "IPv")),
      podCidrs: list(f.get("--pod-cidr"), f.get("--pod-cidrs")),
      serviceCidrs: list(f.get("--service-cidr"), f.get("--service-cidrs")),
      dnsServiceIp: str(f.get("--dns-service-ip")),
      outboundType: str(f.get("--outbound-type")),
    },
    kubernetesVersion: str(f.get("--kubernetes-version")),
    vnet: vnetCmd && {
      name: str(vnetCmd.flags.get("--name")),
      addressSpace: str(vnetCmd.flags.get("--address-prefixes"))?.split(" "),
      subnets: cmds
        .filter((c) => c.words.join(" ") === "az network vnet subnet create")
        .map((c) => ({
          name: str(c.flags.get("--name")),
          cidr: str(c.flags.get("--address-prefixes")),
          delegation: str(c.flags.get("--delegations")),
        })),
    },
    pools,
  };
}

function expected(g: GenPlan) {
  const n = effectiveNetwork(g).network;
  return {
    network: {
      plugin: n.plugin,
      pluginMode: n.pluginMode,
      dataplane: n.dataplane,
      policy: n.policy,
      ipFamilies: n.ipFamilies,
      podCidrs: n.podCidrs,
      serviceCidrs: n.serviceCidrs,
      dnsServiceIp: n.dnsServiceIp,
      outboundType: n.outboundType,
    },
    kubernetesVersion: g.kubernetesVersion,
    vnet: g.vnet && {
      name: g.vnet.name,
      addressSpace: g.vnet.addressSpace,
      subnets: g.vnet.subnets.map((s) => ({ name: s.name, cidr: s.cidr, delegation: s.delegation })),
    },
    pools: [...g.pools]
      .sort((a, b) => (a.mode === "System" ? -1 : 0) - (b.mode === "System" ? -1 : 0))
      .map((p) => ({
        name: p.name,
        mode: p.mode,
        osType: p.osType,
        osSku: p.osSku,
        count: p.count,
        minCount: p.minCount,
        maxCount: p.maxCount,
        maxPods: p.maxPods,
        maxSurge: p.maxSurge,
        subnet: p.subnet,
        podSubnet: p.podSubnet,
        podIpAllocation: p.podIpAllocation,
      })),
  };
}

describe("az script", () => {
  it.each(Object.keys(PLANS))("%s passes bash -n", (name) => {
    const file = join(dir, `${name}.sh`);
    writeFileSync(file, script(name));
    expect(() => execFileSync("bash", ["-n", file], { stdio: "pipe" })).not.toThrow();
  });

  it.each(Object.keys(PLANS))("%s: its flags read back give the same plan", (name) => {
    const g = toGenPlan(PLANS[name]!);
    if (!g.ok) throw new Error("refused");
    expect(planFromScript(script(name))).toEqual(expected(g.plan));
  });

  it("starts with a shebang and set -euo pipefail", () => {
    const text = script("azure-cni-overlay");
    expect(text.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(text).toMatch(/^set -euo pipefail$/m);
  });
});

describe("an existing VNet", () => {
  it.each(["azure-cni-overlay-cilium", "azure-cni-pod-subnet-dynamic"])(
    "%s: subnets are read, not created, in every format",
    (name) => {
      const az = generate(PLANS[name]!, "az", { existingVnet: true });
      const bicep = generate(PLANS[name]!, "bicep", { existingVnet: true });
      if (!az.ok || !bicep.ok) throw new Error("refused");
      const cmds = azCommands(az.text).map((c) => c.words.join(" "));
      expect(cmds).not.toContain("az network vnet create");
      expect(cmds).not.toContain("az network vnet subnet create");
      expect(az.text).toMatch(/SUBNET_AKS_NODES_ID="\$\(az network vnet subnet show/);
      const file = join(dir, `${name}-existing.sh`);
      writeFileSync(file, az.text);
      expect(() => execFileSync("bash", ["-n", file], { stdio: "pipe" })).not.toThrow();
      expect(bicep.text).toMatch(/resource vnet 'Microsoft\.Network\/virtualNetworks@[0-9-]+' existing = \{/);
    },
  );
});
