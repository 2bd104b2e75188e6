import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../../engines/schema/schema.js";
import { generate } from "../index.js";

const PREFIX = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPPrefixes/nodes";

const plan = (pool: Partial<NonNullable<PlanInput["nodePools"]>[number]>): PlanInput => ({
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure" },
  nodePools: [{ name: "system", mode: "System", count: 3, ...pool }],
});

const text = (p: PlanInput, format: "az" | "terraform") => {
  const r = generate(PlanSchema.parse(p), format);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
};

// kb DEPLOY_FEATURES.nodePublicIp / nodePublicIpPrefix: az 2.4.0 and 2.21.0 (the az CLI release notes), azurerm 4.0.0.
// Node Subnet alone needs no more than the baseline (2.0.81), so the public IP values set the stated minimum.
describe("node public IPs: the minimum az CLI the script states", () => {
  it.each([
    { name: "no public IPs", pool: {}, line: undefined },
    { name: "public IPs", pool: { nodePublicIp: true }, line: "2.4.0 or later, for node public IPs" },
    {
      name: "public IPs from a prefix",
      pool: { nodePublicIp: true, nodePublicIpPrefixId: PREFIX },
      line: "2.21.0 or later, for node public IPs from a public IP prefix",
    },
  ])("$name", ({ pool, line }) => {
    const t = text(plan(pool), "az");
    const stated = /needs the az CLI (.*)\.\n/.exec(t)?.[1];
    if (line === undefined) expect(stated ?? "").not.toMatch(/public IP/);
    else expect(stated).toBe(line);
  });

  it("terraform: the provider constraint is not raised (every 4.x release has both arguments)", () => {
    const constraint = (p: PlanInput) => /Needs the azurerm provider ([^ ]+ [^ ,]+)/.exec(text(p, "terraform"))?.[1];
    expect(constraint(plan({ nodePublicIp: true, nodePublicIpPrefixId: PREFIX }))).toBe(constraint(plan({})));
  });
});
