import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { generate } from "./index.js";
import { AZURERM_ATTRIBUTES, WRONG_NAMES } from "./testing/azurerm-attributes.js";
import { PLANS, REFUSED } from "./testing/plans.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isBlockList = (v: Json): v is { [k: string]: Json }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));

/** Every attribute or block name under each resource, as [block path, name]. */
function names(path: string, body: { [k: string]: Json }): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(body)) {
    out.push([path, k]);
    if (isBlockList(v)) for (const b of v) out.push(...names(`${path}.${k}`, b));
  }
  return out;
}

const IPAM_POOL =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net" +
  "/providers/Microsoft.Network/networkManagers/nm/ipamPools/spokes";

const ipv6 = (p: (typeof PLANS)[string]) =>
  [...(p.vnet?.addressSpace ?? []), ...(p.vnet?.subnets ?? []).map((x) => x.cidr)].some((c) => c.includes(":"));

describe("Terraform output", () => {
  it.each(
    Object.keys(PLANS)
      .filter((name) => REFUSED[name]?.terraform === undefined)
      .flatMap((name) => [
        { name, existingVnet: false, ipamPool: undefined },
        { name, existingVnet: true, ipamPool: undefined },
        // An IPAM pool sizes one IPv4 address space: every plan whose VNet has exactly that.
        ...(PLANS[name]!.vnet?.addressSpace.length === 1 && !ipv6(PLANS[name]!)
          ? [{ name, existingVnet: false, ipamPool: IPAM_POOL }]
          : []),
      ]),
  )(
    "$name (existing VNet: $existingVnet, IPAM pool: $ipamPool) parses as HCL and uses only documented azurerm " +
      "argument names",
    async ({ name, existingVnet, ipamPool }) => {
      const r = generate(PLANS[name]!, "terraform", { existingVnet, ipamPool });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      type Blocks = Record<string, Record<string, { [k: string]: Json }[]>>;
      const json = (await parse(`${name}.tf`, r.text)) as { resource?: Blocks; data?: Blocks };
      const resources = json.resource ?? {};
      expect(Object.keys(resources)).toContain("azurerm_kubernetes_cluster");
      if (existingVnet && PLANS[name]!.vnet) {
        expect(Object.keys(resources)).not.toContain("azurerm_subnet");
        expect(Object.keys(json.data ?? {})).toContain("azurerm_subnet");
      }
      const all: [string, Blocks[string]][] = [
        ...Object.entries(resources),
        ...Object.entries(json.data ?? {}).map(([k, v]): [string, Blocks[string]] => [`data.${k}`, v]),
      ];
      for (const [type, byName] of all) {
        for (const bodies of Object.values(byName)) {
          for (const body of bodies) {
            for (const [path, attr] of names(type, body)) {
              expect(AZURERM_ATTRIBUTES[path], `block ${path} is not in the attribute list`).toBeDefined();
              expect(AZURERM_ATTRIBUTES[path], `${path}.${attr}`).toContain(attr);
              expect(WRONG_NAMES).not.toContain(attr);
            }
          }
        }
      }
    },
  );

  it("Cilium on Node Subnet: only the provider's docs are stricter than AKS, so it is written with a note", () => {
    const r = generate(PLANS["azure-cni-node-subnet-cilium"]!, "terraform");
    if (!r.ok) throw new Error("refused");
    expect(r.notes.some((n) => /documentation says .* does not enforce it/.test(n))).toBe(true);
    expect(r.text).toMatch(/PROVIDER DOCS STRICTER THAN AKS/);
    expect(r.text).toMatch(/network_data_plane += "cilium"/);
  });

  it("a plan whose Cilium has overlay gets only the provider requirement as a note", () => {
    const r = generate(PLANS["azure-cni-overlay-cilium"]!, "terraform");
    expect(r.ok && r.notes).toEqual([
      "Needs the azurerm provider >= 4.57.0, < 6.0.0 (node_provisioning_profile, required from 5.0) and an existing " +
        "resource group.",
    ]);
  });

  it.each(Object.keys(PLANS).filter((name) => REFUSED[name]?.terraform === undefined))(
    "%s declares azurerm >= 4.57.0, < 6.0.0 and writes node_provisioning_profile, required from 5.0",
    (name) => {
      const r = generate(PLANS[name]!, "terraform");
      if (!r.ok) throw new Error("refused");
      expect(r.text).toContain('version = ">= 4.57.0, < 6.0.0"');
      const mode = PLANS[name]!.nodeProvisioning?.mode ?? "Manual";
      expect(r.text).toMatch(new RegExp(`node_provisioning_profile \\{\\n {4}mode = "${mode}"\\n {2}\\}`));
    },
  );

  it("outbound type none writes the bootstrap profile the provider requires with it", () => {
    const r = generate(PLANS["outbound-none"]!, "terraform");
    expect(r.ok && r.text).toMatch(/bootstrap_profile \{\n {4}artifact_source = "Cache"\n {2}\}/);
    expect(r.ok && r.text).toMatch(/outbound_type += "none"/);
  });
});
