/**
 * `--ipam-pool-prefix-allocations` as the az CLI reads it: the generated script run against the recording az stub,
 * each call's values parsed as AAZ's shorthand syntax parses a list of objects (testing/aaz-shorthand.ts, ported
 * from azure-cli), must give one pool allocation with the pool's ID and the planned range's size (kb AVNM_IPAM.azFlag).
 */
import { describe, expect, it } from "vitest";
import { AVNM_IPAM } from "../../kb/index.js";
import { PlanSchema, type PlanInput } from "../../engines/schema/schema.js";
import { generate } from "./index.js";
import { aazObjectList, flagValues } from "./testing/aaz-shorthand.js";
import { runWithAzStub } from "./testing/az-stub.js";

const POOL =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net.(prod)" +
  "/providers/Microsoft.Network/networkManagers/nm/ipamPools/spokes-weu";
const plan: PlanInput = {
  name: "aks-a",
  resourceGroup: "rg",
  location: "westeurope",
  network: { plugin: "azure", pluginMode: "overlay" },
  vnet: {
    name: "vnet-a",
    addressSpace: ["10.1.0.0/22"],
    subnets: [
      { name: "nodes", cidr: "10.1.0.0/24" },
      { name: "apiserver", cidr: "10.1.1.0/28" },
    ],
  },
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "nodes" }],
};

describe("aazObjectList (the shorthand oracle)", () => {
  it.each([
    {
      name: "index then field",
      values: ["[0].id=x", "[0].number-of-ip-addresses=8"],
      want: [{ id: "x", "number-of-ip-addresses": "8" }],
    },
    { name: "a value holding = and /", values: ["[0].id=/a/b=c"], want: [{ id: "/a/b=c" }] },
    { name: "two elements", values: ["[1].id=b", "[0].id=a"], want: [{ id: "a" }, { id: "b" }] },
  ])("$name", ({ values, want }) => expect(aazObjectList(values, ["id", "number-of-ip-addresses"])).toEqual(want));

  it.each([
    { name: "a field az does not know", values: ["[0].pool-id=x"] },
    { name: "a whole list (not a partial value)", values: ["[{id:x}]"] },
    { name: "null", values: ["[0].id=null"] },
    { name: "a single-quoted string", values: ["[0].id='x'"] },
  ])("refuses $name", ({ values }) => expect(() => aazObjectList(values, ["id", "number-of-ip-addresses"])).toThrow());
});

describe("az network vnet create / subnet create --ipam-pool-prefix-allocations", () => {
  it("each call gets one allocation: the pool's ID and the planned range's address count", () => {
    const r = generate(PlanSchema.parse(plan), "az", { ipamPool: POOL });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const calls = runWithAzStub(r.text, { RESOURCE_GROUP: "rg" });
    const { flag, keys } = AVNM_IPAM.azFlag.value;
    const got = calls
      .filter((c) => c[0] === "network" && c[1] === "vnet" && (c[2] === "create" || c[3] === "create"))
      .map((c) => ({
        what: c.slice(0, c[2] === "create" ? 3 : 4).join(" "),
        list: aazObjectList(flagValues(c, flag) ?? [], keys),
      }));
    expect(got).toEqual([
      { what: "network vnet create", list: [{ id: POOL, "number-of-ip-addresses": "1024" }] },
      { what: "network vnet subnet create", list: [{ id: POOL, "number-of-ip-addresses": "256" }] },
      { what: "network vnet subnet create", list: [{ id: POOL, "number-of-ip-addresses": "16" }] },
    ]);
    // No --address-prefixes beside the pool: ARM refuses a payload that mixes them (AVNM_IPAM.noMixWithPrefixes).
    for (const c of calls) expect(c.some((a) => a.startsWith("--address-prefixes"))).toBe(false);
  });
});
