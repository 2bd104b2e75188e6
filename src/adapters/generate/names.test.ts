/**
 * One naming rule set (kb NAME_RULES) for check and generate: a name that `check` accepts is written by
 * `generate`, and a name `generate` refuses is a `name-invalid` finding of `check`.
 */
import { describe, expect, it } from "vitest";
import { validate } from "../../engines/validate/index.js";
import { PlanSchema, type PlanInput } from "../../engines/schema/schema.js";
import { generate } from "./index.js";

const base: PlanInput = {
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
  vnet: { name: "vnet", addressSpace: ["10.224.0.0/12"], subnets: [{ name: "nodes", cidr: "10.224.0.0/24" }] },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
};

type Patch = (p: PlanInput) => PlanInput;
const subnet =
  (name: string): Patch =>
  (p) => ({
    ...p,
    vnet: { ...p.vnet!, subnets: [{ name, cidr: "10.224.0.0/24" }] },
    nodePools: [{ ...p.nodePools![0]!, subnet: name }],
  });

describe("check and generate agree on names", () => {
  it.each<{ name: string; patch: Patch; valid: boolean }>([
    { name: 'subnet "a b" (a space)', patch: subnet("a b"), valid: false },
    {
      name: 'location "West Europe" (the display name)',
      patch: (p) => ({ ...p, location: "West Europe" }),
      valid: false,
    },
    { name: 'resource group "rg." (ends in a period)', patch: (p) => ({ ...p, resourceGroup: "rg." }), valid: false },
    {
      name: 'resource group "-rg" (begins with a hyphen: valid)',
      patch: (p) => ({ ...p, resourceGroup: "-rg" }),
      valid: true,
    },
    {
      name: 'resource group "rg-é" (non-ASCII: azurerm refuses)',
      patch: (p) => ({ ...p, resourceGroup: "rg-é" }),
      valid: false,
    },
    { name: 'subnet "AzureFirewallSubnet"', patch: subnet("AzureFirewallSubnet"), valid: true },
    { name: 'subnet "nodes_" (ends in an underscore: valid)', patch: subnet("nodes_"), valid: true },
    { name: 'subnet "nodes." (ends in a period)', patch: subnet("nodes."), valid: false },
    { name: "cluster name of 64 characters", patch: (p) => ({ ...p, name: "a".repeat(64) }), valid: false },
    {
      name: "Linux pool name of 13 characters",
      patch: (p) => ({ ...p, nodePools: [{ ...p.nodePools![0]!, name: "abcdefghijklm" }] }),
      valid: false,
    },
    { name: "VNet name of one character", patch: (p) => ({ ...p, vnet: { ...p.vnet!, name: "v" } }), valid: false },
  ])("$name", ({ patch, valid }) => {
    const plan = PlanSchema.parse(patch(base));
    const nameFindings = validate(plan).filter((f) => f.ruleId === "name-invalid" && f.severity === "error");
    expect(nameFindings.length === 0).toBe(valid);
    for (const format of ["az", "bicep", "terraform"] as const) expect(generate(plan, format).ok).toBe(valid);
  });
});
