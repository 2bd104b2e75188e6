/**
 * A plan shaped like a large estate's VNet (150,000 subnets, more than a spread into `push` can take, and
 * 20,000 pools) generates in every format: no stack overflow, and pool checks look subnets up instead of
 * scanning them.
 */
import { describe, expect, it } from "vitest";
import { PlanSchema } from "../../engines/schema/schema.js";
import { generate, GENERATE_FORMATS } from "./index.js";

const SUBNETS = 150_000;
const POOLS = 20_000;

const plan = PlanSchema.parse({
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
  vnet: {
    name: "vnet",
    addressSpace: ["10.0.0.0/8"],
    subnets: Array.from({ length: SUBNETS }, (_, i) => ({ name: `s${i}`, cidr: "10.0.0.0/28" })),
  },
  nodePools: Array.from({ length: POOLS }, (_, i) => ({ name: `p${i}`, count: 1, subnet: `s${i * 7}` })),
});

describe("150,000 subnets and 20,000 pools", () => {
  it.each(GENERATE_FORMATS)("%s", (format) => {
    const r = generate(plan, format);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text).toContain(`s${(POOLS - 1) * 7}`);
  });
});
