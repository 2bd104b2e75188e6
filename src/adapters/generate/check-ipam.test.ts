/** `--ipam-pool`: what a pool can allocate, refused in one sentence each, and the sizes it asks for. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../engines/schema/schema.js";
import { addressCount, subnetOffset } from "./check-ipam.js";
import { generate } from "./index.js";

const POOL =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net" +
  "/providers/Microsoft.Network/networkManagers/nm/ipamPools/spokes";
const base: PlanInput = {
  name: "aks-a",
  network: { plugin: "azure", pluginMode: "overlay" },
  vnet: { name: "vnet-a", addressSpace: ["10.1.0.0/22"], subnets: [{ name: "nodes", cidr: "10.1.0.0/24" }] },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
};

describe("addressCount", () => {
  it.each([
    ["10.0.0.0/32", "1"],
    ["10.0.0.0/24", "256"],
    ["10.1.0.0/20", "4096"],
    ["0.0.0.0/0", "4294967296"],
  ])("%s holds %s addresses", (cidr, n) => expect(addressCount(cidr)).toBe(n));
});

describe("generate with an IPAM pool", () => {
  it.each<{ name: string; plan: PlanInput; pool: string; existingVnet?: boolean; path: string; reason: RegExp }>([
    { name: "not a pool's ID", plan: base, pool: "spokes", path: "ipamPool", reason: /not an IPAM pool's resource ID/ },
    {
      name: "an ID with a quote in it",
      plan: base,
      pool: `${POOL}'`,
      path: "ipamPool",
      reason: /not an IPAM pool's resource ID/,
    },
    { name: "no VNet", plan: { name: "aks-a" }, pool: POOL, path: "vnet", reason: /the plan has none/ },
    {
      name: "an existing VNet",
      plan: base,
      pool: POOL,
      existingVnet: true,
      path: "vnet",
      reason: /existing VNet keeps its own addresses/,
    },
    {
      name: "two address spaces",
      plan: { ...base, vnet: { ...base.vnet!, addressSpace: ["10.1.0.0/22", "10.2.0.0/22"] } },
      pool: POOL,
      path: "vnet.addressSpace",
      reason: /one allocation from a pool/,
    },
    {
      name: "an IPv6 subnet",
      plan: { ...base, vnet: { ...base.vnet!, subnets: [{ name: "nodes", cidr: "fd00::/64" }] } },
      pool: POOL,
      path: "vnet.subnets[0].cidr",
      reason: /IPv6/,
    },
  ])("$name: refused at $path", ({ plan, pool, existingVnet, path, reason }) => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(plan), format, { ipamPool: pool, existingVnet: existingVnet ?? false });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems.find((p) => p.path === path)?.reason).toMatch(reason);
    }
  });

  it("asks the pool for each planned range's size and names no CIDR; says what it assumed", () => {
    for (const format of ["az", "bicep", "terraform"] as const) {
      const r = generate(PlanSchema.parse(base), format, { ipamPool: POOL });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const code = r.text
        .split("\n")
        .filter((l) => !/^\s*(#|\/\/)/.test(l))
        .join("\n");
      expect(code).not.toContain("10.1.0.0/2"); // neither the VNet's /22 nor the subnet's /24
      expect(code).toMatch(/1024/);
      expect(code).toMatch(/256/);
      expect(r.notes.join(" ")).toMatch(
        /the plan's VNet 10\.1\.0\.0\/22 and subnets nodes 10\.1\.0\.0\/24 are what aksnet expected/,
      );
    }
  });
});

describe("subnetOffset: a subnet's place in its VNet, as cidrsubnet takes it", () => {
  it.each([
    { vnet: "10.1.0.0/22", subnet: "10.1.0.0/24", want: { bits: 24, newbits: 2, index: 0 } },
    { vnet: "10.1.0.0/22", subnet: "10.1.3.0/24", want: { bits: 24, newbits: 2, index: 3 } },
    { vnet: "10.224.0.0/12", subnet: "10.224.8.0/24", want: { bits: 24, newbits: 12, index: 8 } },
    { vnet: "192.168.0.0/16", subnet: "192.168.255.240/28", want: { bits: 28, newbits: 12, index: 4095 } },
    { vnet: "10.0.0.0/8", subnet: "10.0.0.0/8", want: { bits: 8, newbits: 0, index: 0 } },
  ])("$subnet in $vnet", ({ vnet, subnet, want }) => expect(subnetOffset(vnet, subnet)).toEqual(want));

  it("law: the offset placed back in the planned VNet gives the subnet (every /24../28 of a /20)", () => {
    const start = (c: string) =>
      c
        .split("/")[0]!
        .split(".")
        .reduce((a, o) => a * 256 + Number(o), 0);
    const text = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
    for (let bits = 24; bits <= 28; bits++)
      for (let n = start("10.16.0.0"); n < start("10.16.16.0"); n += 2 ** (32 - bits) * 7) {
        const o = subnetOffset("10.16.0.0/20", `${text(n)}/${bits}`);
        expect(text(start("10.16.0.0") + o.index * 2 ** (32 - o.bits))).toBe(text(n));
      }
  });
});

describe("--ipam-pool-scope vnetOnly: the VNet from the pool, explicit subnets inside it", () => {
  const plan = PlanSchema.parse({
    ...base,
    vnet: { ...base.vnet!, subnets: [...base.vnet!.subnets!, { name: "more", cidr: "10.1.2.0/25" }] },
  });
  it.each([
    {
      format: "terraform" as const,
      want: [
        /ip_address_pool \{\n\s+id\s+= "[^"]+spokes"\n\s+number_of_ip_addresses = "1024"/,
        /address_prefixes\s+= \[cidrsubnet\(azurerm_virtual_network\.vnet\.ip_address_pool\[0\]\.allocated_ip_address_prefixes\[0\], 2, 0\)\]/,
        /address_prefixes\s+= \[cidrsubnet\(azurerm_virtual_network\.vnet\.ip_address_pool\[0\]\.allocated_ip_address_prefixes\[0\], 3, 4\)\]/,
      ],
    },
    {
      format: "bicep" as const,
      want: [
        /resource subnet0_nodes 'Microsoft\.Network\/virtualNetworks\/subnets@[\d-]+' = \{\n\s+parent: vnet/,
        /addressPrefix: cidrSubnet\(vnet\.properties\.addressSpace\.ipamPoolPrefixAllocations\[0\]\.allocatedAddressPrefixes\[0\], 25, 4\)/,
        /dependsOn: \[\n\s+subnet0_nodes\n\s+\]/,
        /vnetSubnetID: subnet0_nodes\.id/,
      ],
    },
    {
      format: "az" as const,
      want: [
        /VNET_RANGE="\$\(az network vnet show .*--query='addressSpace\.ipamPoolPrefixAllocations\[0\]\.allocatedAddressPrefixes\[0\]'/,
        /--name=nodes \\\n\s+--address-prefixes="\$\(cidr_subnet "\$VNET_RANGE" 24 0\)"/,
        /--name=more \\\n\s+--address-prefixes="\$\(cidr_subnet "\$VNET_RANGE" 25 4\)"/,
      ],
    },
  ])("$format: the VNet asks the pool, each subnet its planned offset, and the output says so", ({ format, want }) => {
    const r = generate(plan, format, { ipamPool: POOL, ipamPoolScope: "vnetOnly" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    for (const w of want) expect(r.text).toMatch(w);
    // Only the VNet asks the pool; no subnet names a pool.
    const code = r.text.split("\n").filter((l) => !/^\s*(#|\/\/)/.test(l));
    expect(code.join("\n").match(/number_of_ip_addresses|numberOfIpAddresses|number-of-ip-addresses/g)).toHaveLength(1);
    expect(r.notes.join("\n")).toMatch(/ipam pool scope vnetOnly: only the VNet asks the pool/);
  });

  it("the default stays vnetAndSubnets, and says vnetOnly is the alternative", () => {
    const r = generate(plan, "terraform", { ipamPool: POOL });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.text.match(/number_of_ip_addresses/g)).toHaveLength(3);
    expect(r.notes.join("\n")).toMatch(/the default, ipam pool scope vnetAndSubnets.*--ipam-pool-scope vnetOnly/);
  });
});

describe("cidr_subnet, the az script's function, is Terraform's cidrsubnet", () => {
  it.each([
    ["10.1.0.0/16", 24, 3, "10.1.3.0/24"],
    ["172.16.0.0/12", 22, 0, "172.16.0.0/22"],
    ["192.168.0.0/16", 28, 4095, "192.168.255.240/28"],
  ] as const)("cidr_subnet %s %d %d = %s", (range, bits, index, want) => {
    const plan = PlanSchema.parse(base);
    const r = generate(plan, "az", { ipamPool: POOL, ipamPoolScope: "vnetOnly" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const fn = r.text.slice(
      r.text.indexOf("cidr_subnet() {"),
      r.text.indexOf("\n}\n", r.text.indexOf("cidr_subnet() {")) + 2,
    );
    const out = spawnSync("bash", ["-c", `${fn}\ncidr_subnet ${range} ${bits} ${index}`], { encoding: "utf8" });
    expect(out.stdout.trim()).toBe(want);
  });
});
