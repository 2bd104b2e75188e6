import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "./arm-template.js";
import { loadPlanText } from "./load.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

const cluster = (extra: object = {}) => ({
  type: "Microsoft.ContainerService/managedClusters",
  apiVersion: "2025-10-01",
  name: "[parameters('clusterName')]",
  properties: { agentPoolProfiles: [{ name: "system", mode: "System", count: 3 }] },
  ...extra,
});
const template = (resources: unknown, more: object = {}) =>
  JSON.stringify({
    $schema: SCHEMA,
    parameters: { clusterName: { type: "string", defaultValue: "aks1" } },
    resources,
    ...more,
  });
const pools = (text: string) => loadPlanText(text, "t.json").plan?.nodePools.map((p) => [p.name, p.mode, p.count]);

describe("ARM templates: agent pools declared as their own resources are read", () => {
  it(
    "recorded quickstart + the agentPools resource of the FIPS article (concat(parameters('clusterName'), " +
      "'/fipsnp'))",
    () => {
      const r = loadPlanText(fixture("arm-template-agentpool-resource.json"), "t.json");
      expect(r.plan?.nodePools.map((p) => [p.name, p.mode, p.count, p.os])).toEqual([
        ["agentpool", "System", 3, "Linux"],
        ["fipsnp", "User", 3, "Linux"],
      ]);
      expect(r.locate("nodePools[1].count")).toMatchObject({ file: "t.json" });
      expect(r.locate("nodePools[1].count").line).toBeGreaterThan(100);
    },
  );

  it.each<{ name: string; text: string; want: unknown[] }>([
    {
      name: "format('{0}/{1}', …) as Bicep writes a parent/child pair",
      text: template([
        cluster(),
        {
          type: "Microsoft.ContainerService/managedClusters/agentPools",
          name: "[format('{0}/{1}', parameters('clusterName'), 'user1')]",
          properties: { mode: "User", count: 2 },
        },
      ]),
      want: [
        ["system", "System", 3],
        ["user1", "User", 2],
      ],
    },
    {
      name: "symbolic resources (languageVersion 2.0: a map, not a list)",
      text: template(
        {
          aks: cluster(),
          pool: {
            type: "Microsoft.ContainerService/managedClusters/agentPools",
            name: "[format('{0}/{1}', parameters('clusterName'), 'user2')]",
            properties: { mode: "User", count: "[variables('poolCount')]" },
          },
        },
        { languageVersion: "2.0", variables: { poolCount: 4 } },
      ),
      want: [
        ["system", "System", 3],
        ["user2", "User", 4],
      ],
    },
    {
      name: "a child resource nested in the cluster (type agentPools, name the pool's own)",
      text: template([
        cluster({ resources: [{ type: "agentPools", name: "nested", properties: { mode: "User", count: 1 } }] }),
      ]),
      want: [
        ["system", "System", 3],
        ["nested", "User", 1],
      ],
    },
    {
      name: "a pool of another cluster in the same template is not this cluster's",
      text: template([
        cluster(),
        { type: "Microsoft.ContainerService/managedClusters/agentPools", name: "other/pool", properties: { count: 9 } },
      ]),
      want: [["system", "System", 3]],
    },
  ])("$name", ({ text, want }) => {
    expect(pools(text)).toEqual(want);
  });
});

describe("template expressions", () => {
  const t = {
    parameters: { a: { defaultValue: "x" }, n: { defaultValue: 3 }, nodefault: { type: "string" } },
    variables: { v: { inner: { k: "[parameters('a')]" } }, loop: "[variables('loop')]", s: "lit" },
  };
  it.each<[string, unknown]>([
    ["[parameters('a')]", "x"],
    ["[parameters('n')]", 3],
    ["[variables('v').inner.k]", "x"],
    ["[concat(parameters('a'), '/', 'pool')]", "x/pool"],
    ["[format('{0}-{1}', variables('s'), parameters('n'))]", "lit-3"],
    ["['it''s']", "it's"],
    ["[[not an expression]", "[not an expression]"],
    ["plain text", "plain text"],
    ["[parameters('nodefault')]", undefined],
    ["[resourceGroup().location]", undefined],
    ["[variables('loop')]", undefined],
    ["[concat(parameters('a')]", undefined],
  ])("%s", (expr, want) => {
    expect(evaluate(expr, t)).toEqual(want);
  });
});
