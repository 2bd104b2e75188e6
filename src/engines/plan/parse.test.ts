import { describe, expect, it } from "vitest";
import { parsePlan } from "./parse.js";

describe("parsePlan: problems name the field and what was expected", () => {
  it.each([
    {
      name: "unknown top-level field",
      input: { networks: {} },
      problems: [
        { pathText: "networks", message: 'unknown field "networks"; check the spelling against the plan schema' },
      ],
    },
    {
      name: "enum value",
      input: { network: { plugin: "azure-cni" } },
      problems: [
        { pathText: "network.plugin", message: 'expected one of "azure", "kubenet", "none", got "azure-cni"' },
      ],
    },
    {
      name: "a list expected",
      input: { network: { podCidrs: "10.244.0.0/16" } },
      problems: [{ pathText: "network.podCidrs", message: 'expected a list, got "10.244.0.0/16"' }],
    },
    {
      name: "a whole number",
      input: { nodePools: [{ name: "a", count: 1.5 }] },
      problems: [{ pathText: "nodePools[0].count", message: "expected a whole number, got 1.5" }],
    },
    {
      name: "a pool needs a name",
      input: { nodePools: [{ count: 1 }] },
      problems: [{ pathText: "nodePools[0].name", message: "expected a string, got nothing" }],
    },
    {
      name: "a version of the wrong type",
      input: { kubernetesVersion: true },
      problems: [{ pathText: "kubernetesVersion", message: "expected a string or a number, got true" }],
    },
    {
      name: "VNet address space may not be empty",
      input: { vnet: { addressSpace: [] } },
      problems: [{ pathText: "vnet.addressSpace", message: "expected a list with at least 1 item(s)" }],
    },
  ])("$name", ({ input, problems }) => {
    const r = parsePlan(input);
    expect(r.plan).toBeUndefined();
    expect(r.problems.map(({ pathText, message }) => ({ pathText, message }))).toEqual(problems);
  });

  it.each([
    { name: "an empty document is an empty plan", input: null },
    {
      name: "the design's example",
      input: {
        apiVersion: "aksnet/v1",
        kind: "ClusterPlan",
        network: { plugin: "azure", pluginMode: "overlay" },
        nodePools: [{ name: "system", maxSurge: "10%" }],
      },
    },
  ])("accepts $name", ({ input }) => {
    expect(parsePlan(input).problems).toEqual([]);
  });
});
