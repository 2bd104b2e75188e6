/**
 * Every generated Bicep resource body and every Terraform azapi body against the ARM request schema transcribed
 * from the swagger in Azure/azure-rest-api-specs (src/adapters/generate/testing/schemas/arm.json names each file
 * and commit).
 */
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { checkArmBody } from "../src/adapters/generate/testing/arm-schema.js";
import { bicepResources, type BicepJson } from "../src/adapters/generate/testing/bicep-parse.js";
import { generatedFiles } from "./generated-corpus.js";

type Obj = { [k: string]: BicepJson };

const bicep = await generatedFiles("bicep");
const terraform = (await generatedFiles("terraform")).filter((f) => f.text.includes("azapi_"));

describe("generated Bicep against the ARM schema", () => {
  it("reads every golden file and docs example", () => {
    expect(bicep.filter((f) => f.name.includes("__golden__")).length).toBeGreaterThan(20);
    expect(bicep.filter((f) => f.name.startsWith("docs/")).length).toBeGreaterThan(0);
  });

  it("checks the NAT gateway, the identity and its role assignment too", () => {
    const written = new Set(
      bicep.flatMap((f) =>
        bicepResources(f.text)
          .filter((r) => !r.existing)
          .map((r) => r.type),
      ),
    );
    for (const type of [
      "Microsoft.Network/natGateways@2024-05-01",
      "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31",
      "Microsoft.Authorization/roleAssignments@2022-04-01",
    ])
      expect(written).toContain(type);
  });

  it.each(bicep.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const problems = bicepResources(f.text)
      .filter((r) => !r.existing)
      .flatMap((r) => checkArmBody(r.type, r.body, "bicep"));
    expect(problems).toEqual([]);
  });
});

describe("generated azapi bodies against the ARM schema", () => {
  it("finds azapi resources to check", () => expect(terraform.length).toBeGreaterThan(0));

  it.each(terraform.map((f) => [f.name, f] as const))("%s", async (_name, f) => {
    type Bodies = Record<string, Record<string, { type: string; body: Obj }[]>>;
    const json = (await parse("main.tf", f.text)) as { resource?: Bodies };
    const problems: string[] = [];
    for (const kind of ["azapi_resource", "azapi_update_resource"] as const)
      for (const bodies of Object.values(json.resource?.[kind] ?? {}))
        for (const b of bodies)
          problems.push(...checkArmBody(b.type, b.body, kind === "azapi_resource" ? "azapi" : "azapi-update"));
    expect(problems).toEqual([]);
  });
});

describe("the ARM check itself", () => {
  const cluster = (properties: Obj): Obj => ({ name: "aks", location: "westeurope", properties });
  const T = "Microsoft.ContainerService/managedClusters@2026-04-01";
  it.each([
    ["a valid body", cluster({ dnsPrefix: "aks", networkProfile: { networkPlugin: "azure" } }), []],
    [
      "an unknown property",
      cluster({ networkProfile: { networkDataPlane: "cilium" } }),
      [`${T}: properties.networkProfile: networkDataPlane is not a property of this object`],
    ],
    [
      "a value outside the enum",
      cluster({ networkProfile: { outboundType: "natGateway" } }),
      [
        `${T}: properties.networkProfile.outboundType: "natGateway" is not one of loadBalancer, userDefinedRouting, ` +
          "managedNATGateway, userAssignedNATGateway, none",
      ],
    ],
    ["a read-only property", cluster({ fqdn: "x" }), [`${T}: properties.fqdn is read-only`]],
    [
      "a wrong type",
      cluster({ agentPoolProfiles: [{ name: "system", count: "3" }] }),
      [`${T}: properties.agentPoolProfiles[0].count is a integer, written as "3"`],
    ],
    [
      "a missing required property",
      { name: "aks", properties: {} },
      [`${T}: (body): required property location is missing`],
    ],
    [
      "an out-of-range integer",
      cluster({ agentPoolProfiles: [{ name: "gw", gatewayProfile: { publicIPPrefixSize: 27 } }] }),
      [`${T}: properties.agentPoolProfiles[0].gatewayProfile.publicIPPrefixSize: 27 is below the minimum 28`],
    ],
  ] as const)("finds %s", (_what, body, want) => {
    expect(checkArmBody(T, body as Obj, "bicep")).toEqual(want);
  });
});
