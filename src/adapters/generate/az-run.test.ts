import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanSchema, type PlanInput } from "../../engines/schema/schema.js";
import { generate } from "./index.js";
import { azCommands } from "./testing/az-args.js";
import { runWithAzStub } from "./testing/az-stub.js";
import { PLANS } from "./testing/plans.js";

const ENV = { WINDOWS_ADMIN_PASSWORD: "p4ssw0rd-P4SSW0RD", RESOURCE_GROUP: "rg-from-env" };

/** The calls a script makes besides the queries inside `$(…)`, which the text helper does not list. */
const commands = (calls: string[][]) =>
  calls.filter(
    (c) => c.slice(0, 2).join(" ") !== "group exists" && c.slice(0, 4).join(" ") !== "network vnet subnet show",
  );

function script(plan: PlanInput | (typeof PLANS)[string]): string {
  const r = generate(PlanSchema.parse(plan), "az");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.text;
}

/** What the test helper reads from the text, as the argument lists az receives. */
function argvFromText(text: string): string[][] {
  return azCommands(text).map((c) => [
    ...c.words.slice(1),
    ...[...c.flags].map(([f, v]) => (v === true ? f : v.includes(" ") ? `${f} ${v}` : `${f}=${v}`)),
  ]);
}

describe("a generated script run against a recording az stub", () => {
  it.each(Object.keys(PLANS))("%s: runs to the end and every az call gets the arguments the text shows", (name) => {
    const text = script(PLANS[name]!);
    const calls = runWithAzStub(text, ENV);
    const expected = argvFromText(text).map((a) =>
      a.flatMap((w) => (w.startsWith("--") && !w.includes("=") ? w.split(" ") : [w])),
    );
    const resolved = expected.map((c) =>
      c.map((w) =>
        w
          .replace("<RESOURCE_GROUP>", ENV.RESOURCE_GROUP)
          .replace("<WINDOWS_ADMIN_USERNAME>", "azureuser")
          .replace("<WINDOWS_ADMIN_PASSWORD>", ENV.WINDOWS_ADMIN_PASSWORD)
          .replace(
            /<SUBNET_[A-Z0-9_]+_ID>/,
            "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
          ),
      ),
    );
    expect(commands(calls)).toEqual(commands(resolved));
  });

  it.each<{ name: string; patch: Partial<PlanInput>; want: string[] }>([
    {
      name: "a resource group starting with a hyphen",
      patch: { resourceGroup: "-rg" },
      want: ["group", "create", "--name=-rg", "--location=westeurope"],
    },
    {
      name: "a VNet resource group starting with a hyphen",
      patch: {
        vnet: {
          name: "vnet",
          resourceGroup: "--net",
          addressSpace: ["10.224.0.0/12"],
          subnets: [{ name: "nodes", cidr: "10.224.0.0/24" }],
        },
      },
      want: ["group", "create", "--name=--net", "--location=westeurope"],
    },
    {
      name: "a resource group with parentheses and a period",
      patch: { resourceGroup: "(rg).prod" },
      want: ["group", "create", "--name=(rg).prod", "--location=westeurope"],
    },
  ])("$name stays one argument", ({ patch, want }) => {
    const plan: PlanInput = {
      name: "aks",
      resourceGroup: "rg",
      location: "westeurope",
      network: { plugin: "azure", pluginMode: "overlay", podCidrs: ["10.244.0.0/16"] },
      vnet: { name: "vnet", addressSpace: ["10.224.0.0/12"], subnets: [{ name: "nodes", cidr: "10.224.0.0/24" }] },
      nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
      ...patch,
    };
    const calls = runWithAzStub(script(plan), ENV);
    expect(calls).toContainEqual(want);
    const rg = want[2]!.slice("--name=".length);
    for (const c of calls.filter((x) => x.some((a) => a.startsWith("--resource-group=")))) {
      const value = c.find((a) => a.startsWith("--resource-group="))!.slice("--resource-group=".length);
      expect([plan.resourceGroup, plan.vnet?.resourceGroup ?? plan.resourceGroup]).toContain(value);
    }
    expect(calls.some((c) => c.includes(`--resource-group=${rg}`))).toBe(true);
  });

  it("a plan without a location checks that the resource group exists instead of creating it", () => {
    const text = script({ ...PLANS["minimal"]!, resourceGroup: "rg-x" });
    const calls = runWithAzStub(text, ENV);
    expect(calls[0]).toEqual(["group", "show", "--name=rg-x", "--output=none"]);
    expect(calls.some((c) => c[0] === "group" && c[1] === "create")).toBe(false);
  });

  it("any valid resource group name reaches az as one argument", () => {
    const names = fc.sample(fc.stringMatching(/^[-A-Za-z0-9_.()]{0,20}[-A-Za-z0-9_()]$/), { numRuns: 25, seed: 7 });
    for (const rg of names) {
      const calls = runWithAzStub(script({ ...PLANS["byo-cni"]!, resourceGroup: rg, location: "westeurope" }), ENV);
      expect(calls).toContainEqual(["group", "create", `--name=${rg}`, "--location=westeurope"]);
      expect(calls.find((c) => c[0] === "aks" && c[1] === "create")).toContain(`--resource-group=${rg}`);
    }
  });
});
