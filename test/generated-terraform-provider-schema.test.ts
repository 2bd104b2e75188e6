/**
 * Every generated Terraform file against the azurerm provider schema of a released version inside the range the
 * output declares (4.73.0: src/adapters/generate/testing/schemas/azurerm-4.73.0.json, read from the schema
 * CDK Terrain's @cdktn/provider-azurerm 16.1.0 is generated from): argument and block names, blocks written as
 * blocks, required arguments present. Types the schema does not have must be the ones named here.
 */
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { checkProviderSchema } from "../src/adapters/generate/testing/tf-provider-schema.js";
import type { JsonObject } from "../src/adapters/generate/testing/tf-schema.js";
import { generatedFiles } from "./generated-corpus.js";

type Blocks = Record<string, Record<string, JsonObject[]>>;
/** Not in azurerm 4.73.0: the output asks for a later azurerm when it writes them (see azurermConstraint). */
const LATER = new Set(["azurerm_kubernetes_automatic_cluster"]);
/**
 * Arguments not in azurerm 4.73.0: the output raises its azurerm constraint to the version named here when it
 * writes them (network manager connectivity: kb AVNM_CONNECTIVITY.azurermOverlapSince).
 */
const LATER_ARGS = new Map([
  ["azurerm_network_manager_connectivity_configuration: connected_group_address_overlap_enabled", "5.0.0"],
]);
/** Not azurerm: azapi bodies are checked against the ARM schema (generated-arm-schema.test.ts). */
const OTHER_PROVIDERS = /^azapi_/;

const files = await generatedFiles("terraform");

describe("generated Terraform against the azurerm 4.73.0 provider schema", () => {
  it.each(files.map((f) => [f.name, f] as const))("%s", async (_name, f) => {
    const json = (await parse("main.tf", f.text)) as { resource?: Blocks; data?: Blocks };
    const problems: string[] = [];
    const all = [
      ...Object.entries(json.resource ?? {}),
      ...Object.entries(json.data ?? {}).map(([k, v]): [string, Blocks[string]] => [`data.${k}`, v]),
    ];
    for (const [type, byName] of all) {
      if (OTHER_PROVIDERS.test(type) || LATER.has(type)) continue;
      for (const bodies of Object.values(byName))
        for (const body of bodies)
          problems.push(
            ...(checkProviderSchema(type, body) ?? [`${type}: not in 4.73.0`]).filter(
              (p) => !LATER_ARGS.has(p.replace(/ is not an argument of this block$/, "")),
            ),
          );
    }
    expect(problems).toEqual([]);
  });
});

describe("the provider-schema check itself", () => {
  it.each([
    ["a valid subnet", { name: "s", resource_group_name: "g", virtual_network_name: "v", address_prefixes: ["a"] }, []],
    [
      "a missing required argument",
      { name: "s", resource_group_name: "g" },
      ["azurerm_subnet: required argument virtual_network_name is missing"],
    ],
    [
      "an unknown argument",
      { name: "s", resource_group_name: "g", virtual_network_name: "v", delegations: [] },
      ["azurerm_subnet: delegations is not an argument of this block"],
    ],
    [
      "an unknown nested argument",
      {
        name: "s",
        resource_group_name: "g",
        virtual_network_name: "v",
        delegation: [{ name: "d", service_delegation: [{ name: "x", action: ["a"] }] }],
      },
      ["azurerm_subnet.delegation.service_delegation: action is not an argument of this block"],
    ],
  ] as const)("finds %s", (_what, body, want) => {
    expect(checkProviderSchema("azurerm_subnet", body as unknown as JsonObject)).toEqual(want);
  });
});
