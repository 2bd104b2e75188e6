/** `--ipam-pool`: what a pool can allocate, refused in one sentence each, and the sizes it asks for. */
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../engines/schema/schema.js";
import { addressCount } from "./check-ipam.js";
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
