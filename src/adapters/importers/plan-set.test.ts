import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlanFiles, loadPlanSet, PlanLoadError } from "./load.js";

const file = (name: string) => ({
  text: readFileSync(join(import.meta.dirname, "fixtures", name), "utf8"),
  fileName: name,
});

describe("several clusters in one file: one plan each", () => {
  it("az aks list (3 clusters, two named alike in different resource groups) + az network vnet list", () => {
    const set = loadPlanSet([file("az-aks-list.json"), file("az-vnet-list.json")]);
    expect(set.plans.map((p) => p.label)).toEqual(["aks-overlay (rg-aks)", "aks-flat", "aks-overlay (rg-aks-dev)"]);
    expect(set.plans.map((p) => p.loaded.plan?.network.pluginMode ?? "none")).toEqual(["overlay", "none", "overlay"]);
    expect(set.plans.map((p) => p.loaded.plan?.network.podCidrs)).toEqual([
      ["10.244.0.0/16"],
      undefined,
      ["172.31.0.0/16"],
    ]);
    // Every cluster is merged with the VNet its subnets are in.
    for (const p of set.plans) expect(p.loaded.plan?.vnet?.name).toBe("vnet-hub-spoke");
    // Positions point into the list: the third cluster's pod CIDR is on its own line of the file.
    const at = set.plans[2]!.loaded.locate("network.podCidrs");
    expect(at.file).toBe("az-aks-list.json");
    expect(at.line).toBeGreaterThan(set.plans[1]!.loaded.locate("network.plugin").line);
  });

  it("an ARM list response (the REST API's ManagedClustersList example body)", () => {
    const set = loadPlanSet([file("arm-list-managed-clusters.json")]);
    expect(set.plans).toHaveLength(1);
    expect(set.plans[0]!.label).toBe("clustername1");
    expect(set.plans[0]!.loaded.formats).toEqual(["arm-list"]);
    expect(set.plans[0]!.loaded.plan).toMatchObject({
      name: "clustername1",
      network: { plugin: "kubenet", podCidrs: ["10.244.0.0/16"], dnsServiceIp: "10.0.0.10" },
      nodePools: [{ name: "nodepool1", count: 3, maxPods: 110 }],
    });
  });

  it("one plan file gives one plan, labelled with the file", () => {
    const set = loadPlanSet([file("az-aks-show-overlay.json"), file("az-vnet-list.json")]);
    expect(set.plans.map((p) => p.label)).toEqual(["az-aks-show-overlay.json az-vnet-list.json"]);
  });

  it("loadPlanFiles (one plan wanted) refuses a list of several clusters in one sentence", () => {
    expect(() => loadPlanFiles([file("az-aks-list.json")])).toThrow(PlanLoadError);
    expect(() => loadPlanFiles([file("az-aks-list.json")])).toThrow(
      /^az-aks-list\.json holds 3 clusters \(a cluster list\); aksnet check reads each of them, other commands take one cluster: give its az aks show output\.$/,
    );
  });

  it("loadPlanFiles takes a list of one cluster as that cluster", () => {
    expect(loadPlanFiles([file("arm-list-managed-clusters.json")]).plan?.name).toBe("clustername1");
  });

  it("an empty list says that nothing was found", () => {
    expect(() => loadPlanSet([{ text: "[]", fileName: "empty.json" }])).toThrow(
      /^empty\.json is an empty list \(az aks list or az network vnet list found nothing\)/,
    );
  });
});
