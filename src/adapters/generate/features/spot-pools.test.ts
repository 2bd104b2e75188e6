import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../../engines/schema/schema.js";
import { generate } from "../index.js";
import { azCommands } from "../testing/az-args.js";

const plan = (priority?: "Spot" | "Regular"): PlanInput => ({
  name: "aks",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure" },
  nodePools: [
    { name: "system", mode: "System", count: 3 },
    { name: "spot", mode: "User", minCount: 0, maxCount: 5, ...(priority ? { priority } : {}) },
  ],
});

const text = (p: PlanInput, format: "az" | "bicep" | "terraform") => {
  const r = generate(PlanSchema.parse(p), format);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
};

describe("Spot pools: priority Spot, eviction Delete, max price -1 in every format; Regular pools unchanged", () => {
  it.each([
    { priority: "Spot" as const, spot: true },
    { priority: "Regular" as const, spot: false },
    { priority: undefined, spot: false },
  ])("az: az aks nodepool add for priority $priority", ({ priority, spot }) => {
    const t = text(plan(priority), "az");
    const add = azCommands(t).find((c) => c.words.join(" ") === "az aks nodepool add");
    expect(add?.flags.get("--priority")).toBe(spot ? "Spot" : undefined);
    expect(add?.flags.get("--eviction-policy")).toBe(spot ? "Delete" : undefined);
    expect(add?.flags.get("--spot-max-price")).toBe(spot ? "-1" : undefined);
    expect(/needs the az CLI 2\.14\.0 or later, for Spot node pools/.test(t)).toBe(spot);
  });

  it("bicep: the second agent pool profile carries scaleSetPriority, scaleSetEvictionPolicy, spotMaxPrice", () => {
    const t = text(plan("Spot"), "bicep");
    const spot = t.slice(t.indexOf("name: 'spot'"));
    expect(spot).toMatch(/scaleSetPriority: 'Spot'\n\s+scaleSetEvictionPolicy: 'Delete'\n\s+spotMaxPrice: -1\n/);
    expect(text(plan(), "bicep")).not.toMatch(/scaleSetPriority/);
  });

  it("terraform: priority, eviction_policy, spot_max_price and the label and taint AKS adds (valid HCL)", async () => {
    const hcl = (await parse("main.tf", text(plan("Spot"), "terraform"))) as {
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    expect(hcl.resource["azurerm_kubernetes_cluster_node_pool"]?.["spot"]?.[0]).toMatchObject({
      priority: "Spot",
      eviction_policy: "Delete",
      spot_max_price: -1,
      node_labels: { "kubernetes.azure.com/scalesetpriority": "spot" },
      node_taints: ["kubernetes.azure.com/scalesetpriority=spot:NoSchedule"],
    });
  });
});
