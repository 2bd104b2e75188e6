import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { parsePoolsFile } from "./pools-file.js";

const AUTOMATIC = `
apiVersion: aksnet/v1
kind: ClusterPlan
name: auto
sku: { name: Automatic }
vnet:
  addressSpace: [172.19.0.0/16]
  subnets: [{ name: aks-nodes, cidr: 172.19.0.0/24 }, { name: aks-system, cidr: 172.19.2.0/26 }]
hostedSystem: { systemNodeSubnet: aks-system, nodeSubnet: aks-nodes }
nodePools: []
`;

describe("size --pools: a plan without node pools", () => {
  it.each([
    {
      name: "AKS Automatic with two NodePools: each at its limit, its disruption budget as replacement nodes",
      text:
        `${AUTOMATIC}nodeProvisioning:\n  pools:\n    - { name: default, maxNodes: 200 }\n` +
        "    - { name: batch, maxNodes: 40, maxPods: 110, disruptionBudget: 3 }\n",
      pools: [
        { name: "default", nodes: 200, maxPods: 250, maxSurge: { kind: "count", count: 20 } },
        { name: "batch", nodes: 40, maxPods: 110, maxSurge: { kind: "count", count: 3 } },
      ],
      tier: "Standard",
      value: "default 200, batch 40",
    },
    {
      name: "AKS Automatic with a tier of its own keeps it",
      text:
        `${AUTOMATIC.replace("{ name: Automatic }", "{ name: Automatic, tier: Premium }")}` +
        "nodeProvisioning: { pools: [{ name: default, maxNodes: 10, disruptionBudget: 10% }] }\n",
      pools: [{ name: "default", nodes: 10, maxPods: 250, maxSurge: { kind: "count", count: 1 } }],
      tier: "Premium",
      value: "default 10",
    },
  ])("$name", ({ text, pools, tier, value }) => {
    const r = parsePoolsFile("auto.yaml", text);
    expect(r.target.pools).toEqual(pools);
    expect(r.target.tier).toBe(tier);
    expect(r.assumptions["nodeAutoProvisioning"]?.value).toBe(value);
    expect(r.assumptions["nodeAutoProvisioning"]?.note).toMatch(/^AKS Automatic manages its nodes: .*Standard tier/);
    expect([r.automatic?.model, r.automatic?.dataplane]).toEqual(["azure-cni-overlay", "cilium"]);
    expect(r.assumptions["network"]?.note).toMatch(/^AKS Automatic always runs Azure CNI Overlay with the Cilium/);
  });

  it.each([
    {
      name: "AKS Automatic without NodePools",
      text: AUTOMATIC,
      says: /Automatic plan has no node pools.*--nap-nodes N$/,
    },
    { name: "a Standard plan without pools", text: "nodePools: []\n", says: /no node pools; give at least one pool$/ },
  ])("$name is refused in one sentence naming the fix", ({ text, says }) => {
    expect(() => parsePoolsFile("p.yaml", text)).toThrow(UsageError);
    expect(() => parsePoolsFile("p.yaml", text)).toThrow(says);
  });

  it("a plan with node pools is sized from them, with no NAP assumption", () => {
    const r = parsePoolsFile("p.yaml", "nodePools: [{ name: system, count: 3 }]\n");
    expect([r.target.pools.map((p) => p.name), r.assumptions]).toEqual([["system"], {}]);
    expect(r.automatic).toBeUndefined();
  });
});
