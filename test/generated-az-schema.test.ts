/**
 * Every generated az script against the flags transcribed from azure-cli (src/adapters/generate/testing/schemas/
 * az.json names each source file and commit): unknown flags, a value after a switch, values outside a flag's
 * choices, and preview or newer-CLI values the script's header does not declare.
 */
import { describe, expect, it } from "vitest";
import { checkAzScript, scriptNeeds } from "../src/adapters/generate/testing/az-schema.js";
import { generatedFiles } from "./generated-corpus.js";

const scripts = await generatedFiles("az");

describe("generated az scripts against the azure-cli flags", () => {
  it("reads every golden file and docs example", () => {
    expect(scripts.filter((f) => f.name.includes("__golden__")).length).toBeGreaterThan(20);
    expect(scripts.filter((f) => f.name.startsWith("docs/")).length).toBeGreaterThan(2);
  });

  it.each(scripts.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(checkAzScript(f.text)).toEqual([]);
  });
});

describe("the az check itself", () => {
  const script = (header: string, line: string) => `#!/usr/bin/env bash\n${header}\n${line}\n`;
  it.each([
    ["a valid command", "", "az aks create --name=a --resource-group=g --network-plugin=azure", []],
    [
      "an unknown flag",
      "",
      "az aks create --name=a --network-data-plane=cilium",
      ["az aks create --network-data-plane: not a flag of this command"],
    ],
    [
      "a value after a switch",
      "",
      "az aks create --enable-private-cluster=true",
      ['az aks create --enable-private-cluster: is a switch, but "true" follows it'],
    ],
    [
      "a value outside the choices",
      "",
      "az aks create --outbound-type=natGateway",
      [
        "az aks create --outbound-type: natGateway is not one of loadBalancer, userDefinedRouting, " +
          "managedNATGateway, userAssignedNATGateway, none",
      ],
    ],
    [
      "a preview value without aks-preview",
      "",
      "az aks create --outbound-type=block",
      ["az aks create --outbound-type: block needs the aks-preview extension, which the script does not name"],
    ],
    [
      "a preview value with aks-preview",
      "# This script needs the aks-preview extension 9.0.0b2 or later (x).",
      "az aks create --outbound-type=block",
      [],
    ],
    [
      "a newer-CLI value with too old a CLI",
      "# This script needs the az CLI 2.75.0 or later, for x.",
      "az aks nodepool add --os-sku=Windows2025",
      ["az aks nodepool add --os-sku: Windows2025 needs az CLI 2.87.0, the script names 2.75.0"],
    ],
    [
      "a flag newer than the CLI the script names",
      "# This script needs the az CLI 2.75.0 or later, for x.",
      "az aks create --sku=automatic --enable-hosted-system",
      ["az aks create --enable-hosted-system: needs az CLI 2.86.0, the script names 2.75.0"],
    ],
    [
      "a wrong flag on a read-only lookup",
      "",
      'VNET_ID="$(az network vnet show --resource-group=g --vnet-name=v --query=id --output=tsv)"',
      ["az network vnet show --vnet-name: not a flag of this command"],
    ],
    [
      "a command not transcribed",
      "",
      "az network bastion create --name=b",
      ["az network bastion create: not in az.json (add it, with its source)"],
    ],
  ] as const)("finds %s", (_what, header, line, want) => {
    expect(checkAzScript(script(header, line))).toEqual(want);
  });

  it("reads the newest CLI version a header names", () => {
    const s =
      "# This script needs the az CLI 2.75.0 or later, for a.\n# This script needs the az CLI 2.87.0 or later, for b.";
    expect(scriptNeeds(s)).toEqual({ cli: "2.87.0", aksPreview: false });
  });
});
