import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Addr, parseAddr, prefixFrom, tryParsePrefix } from "../../ip/index.js";
import type { Plan, PlanInput } from "../plan/index.js";
import { parsePlan } from "../plan/index.js";
import { validate } from "../validate/index.js";
import { checkPlanFully, checkTranslated } from "./plan-check.js";

const base: PlanInput = {
  kind: "ClusterPlan",
  name: "aks-a",
  kubernetesVersion: "1.33",
  network: {
    plugin: "azure",
    pluginMode: "overlay",
    podCidrs: ["100.64.0.0/16"],
    serviceCidrs: ["172.17.0.0/16"],
    dnsServiceIp: "172.17.0.10",
  },
  vnet: {
    name: "aks-a-vnet",
    addressSpace: ["10.8.0.0/22"],
    subnets: [
      { name: "aks-nodes", cidr: "10.8.0.0/24" },
      { name: "aks-apiserver", cidr: "10.8.1.0/28", delegation: "Microsoft.ContainerService/managedClusters" },
    ],
  },
  apiServer: { vnetIntegration: true, subnet: "aks-apiserver" },
  connectedNetworks: [
    { name: "hub", cidrs: ["10.0.0.0/16"] },
    { name: "site", cidrs: ["10.32.0.0/12"] },
  ],
  nodePools: [{ name: "system", mode: "System", count: 3, subnet: "aks-nodes" }],
};
const template = parsePlan(base).plan as Plan;

/** The template moved to the /22 at `start` (subnets with it) and renamed. */
function moved(start: number, name = "aks-b"): Plan {
  const vnet = template.vnet!;
  const from = tryParsePrefix("10.8.0.0/22");
  if (!from.ok) throw new Error("bad test data");
  const shift = (c: string) => {
    const p = tryParsePrefix(c);
    if (!p.ok) return c;
    return prefixFrom(Addr.of4(p.value.addr.v4 - from.value.addr.v4 + start), p.value.bits).toString();
  };
  return {
    ...template,
    name,
    vnet: {
      ...vnet,
      name: `${name}-vnet`,
      addressSpace: [prefixFrom(Addr.of4(start), 22).toString()],
      subnets: vnet.subnets.map((s) => ({ ...s, cidr: shift(s.cidr) })),
    },
  };
}

const errorsOf = (p: Plan) => validate(p).filter((f) => f.severity === "error");
const at = (dotted: string) => parseAddr(dotted).v4;

describe("checkTranslated", () => {
  const checked = checkPlanFully(template);
  it("the template passes and becomes a reference", () => {
    expect(checked.errors).toEqual([]);
    expect(checked.template).toBeDefined();
  });

  it.each([
    {
      name: "same relations: the name rule only, no errors",
      start: at("10.9.0.0"),
      plan: "aks-b",
      same: true,
      errors: 0,
    },
    { name: "a bad cluster name is still found", start: at("10.9.0.0"), plan: "-bad name-", same: true, errors: 2 },
    { name: "into a connected network: checked in full", start: at("10.0.4.0"), plan: "aks-b", same: false },
    { name: "across a connected network's edge: in full", start: at("10.32.0.0"), plan: "aks-b", same: false },
    { name: "into the pod CIDR: in full", start: at("100.64.0.0"), plan: "aks-b", same: false },
    { name: "into a reserved range (169.254.0.0/16): in full", start: at("169.254.4.0"), plan: "aks-b", same: false },
  ])("$name", ({ start, plan, same, errors }) => {
    const p = moved(start, plan);
    const got = checkTranslated(p, checked.template!);
    if (same) {
      expect(got).toEqual(errorsOf(p));
      expect(got).toHaveLength(errors ?? 0);
    } else expect(got).toBeUndefined();
  });

  it("a plan that differs in more than its place and names is checked in full", () => {
    const p = moved(at("10.9.0.0"));
    const other: Plan = { ...p, network: { ...p.network, serviceCidrs: ["10.9.0.0/16"] } };
    expect(checkTranslated(other, checked.template!)).toBeUndefined();
  });

  it("law: whenever it answers, it answers what a full check finds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 22 - 1 }), (block) => {
        const p = moved(block * 1024);
        const got = checkTranslated(p, checked.template!);
        if (got !== undefined) expect(got).toEqual(errorsOf(p));
      }),
      { numRuns: 300 },
    );
  });
});
