/**
 * Every generated Terraform file against the azurerm schema transcribed from the provider's Go source
 * (src/adapters/generate/testing/schemas/azurerm.json, which names the file and commit of each resource). Resource
 * types not transcribed there are checked by argument name against the documented list (azurerm-attributes.ts).
 */
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { AZURERM_ATTRIBUTES } from "../src/adapters/generate/testing/azurerm-attributes.js";
import { checkResource, resourceArgs, type JsonObject } from "../src/adapters/generate/testing/tf-schema.js";
import { generatedFiles } from "./generated-corpus.js";

type Blocks = Record<string, Record<string, JsonObject[]>>;

const files = await generatedFiles("terraform");

function namesOnly(type: string, body: JsonObject): string[] {
  const allowed = AZURERM_ATTRIBUTES[type];
  if (!allowed) return [`${type} is neither in the transcribed schema nor in the documented list`];
  return Object.keys(body)
    .filter((k) => !allowed.includes(k))
    .map((k) => `${type}: ${k} is not a documented argument`);
}

describe("generated Terraform against the azurerm schema", () => {
  it("reads every golden file and docs example", () => {
    expect(files.filter((f) => f.name.includes("__golden__")).length).toBeGreaterThan(20);
    expect(files.filter((f) => f.name.startsWith("docs/")).length).toBeGreaterThan(2);
  });

  it.each(files.map((f) => [f.name, f] as const))("%s", async (_name, f) => {
    const json = (await parse("main.tf", f.text)) as { resource?: Blocks; data?: Blocks };
    const problems: string[] = [];
    for (const [type, byName] of Object.entries(json.resource ?? {}))
      for (const bodies of Object.values(byName))
        for (const body of bodies)
          problems.push(...(resourceArgs(type) ? checkResource(type, body) : namesOnly(type, body)));
    for (const [type, byName] of Object.entries(json.data ?? {}))
      for (const bodies of Object.values(byName))
        for (const body of bodies) problems.push(...namesOnly(`data.${type}`, body));
    expect(problems).toEqual([]);
  });
});

describe("the schema check itself", () => {
  const cluster = (extra: JsonObject): JsonObject => ({
    name: "aks",
    location: "westeurope",
    resource_group_name: "rg",
    dns_prefix: "aks",
    default_node_pool: [{ name: "system", vm_size: "Standard_D4ds_v5" }],
    identity: [{ type: "SystemAssigned" }],
    ...extra,
  });
  it.each([
    ["a valid cluster", cluster({}), []],
    [
      "an unknown argument",
      cluster({ network_dataplane: "cilium" }),
      ["azurerm_kubernetes_cluster: network_dataplane is not an argument of this block"],
    ],
    [
      "a value outside the allowed list",
      cluster({ network_profile: [{ network_plugin: "azure", network_policy: "Cilium" }] }),
      ['azurerm_kubernetes_cluster.network_profile.network_policy: "Cilium" is not one of calico, azure, cilium'],
    ],
    [
      "a missing required argument in a block",
      cluster({ network_profile: [{ network_policy: "cilium" }] }),
      ["azurerm_kubernetes_cluster.network_profile: required argument network_plugin is missing"],
    ],
    [
      "neither of an exactlyOneOf pair",
      cluster({ dns_prefix: undefined as unknown as string }),
      ["azurerm_kubernetes_cluster: exactly one of dns_prefix,dns_prefix_private_cluster must be set (set: none)"],
    ],
    [
      "an integer out of range",
      cluster({ default_node_pool: [{ name: "s", vm_size: "x", node_count: 0 }] }),
      ["azurerm_kubernetes_cluster.default_node_pool.node_count: 0 is outside 1..1000"],
    ],
    [
      "a block written as an attribute",
      cluster({ bootstrap_profile: { artifact_source: "Cache" } }),
      ['azurerm_kubernetes_cluster.bootstrap_profile is a block, written as {"artifact_source":"Cache"}'],
    ],
  ] as const)("finds %s", (_what, body, want) => {
    const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as JsonObject;
    expect(checkResource("azurerm_kubernetes_cluster", clean)).toEqual(want);
  });
});
