import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePlan, resolvePlan } from "../../engines/plan/index.js";
import { validate } from "../../engines/validate/index.js";
import { editPlanText, PLAN_FIELDS } from "./plan-edit.js";
import { PRESETS } from "./presets.js";
import { EXAMPLE_PLAN } from "./state.js";

const MODEL = PLAN_FIELDS.find((f) => f.id === "model")!;
const switched = (text: string, model: string) => editPlanText(text, MODEL, model)!.text;
const errors = (text: string) =>
  validate(resolvePlan(parsePlan(parse(text)).plan!))
    .filter((f) => f.severity === "error")
    .map((f) => f.ruleId);

describe("switching to a Pod Subnet model gives the pools a pod subnet", () => {
  it.each(["azure-cni-pod-subnet-dynamic", "azure-cni-pod-subnet-static"])(
    "%s on the example (no pod subnet): aks-pods is added where layout places it, and the plan stays valid",
    (model) => {
      const text = switched(EXAMPLE_PLAN, model);
      const plan = parsePlan(parse(text)).plan!;
      expect(resolvePlan(plan).model).toBe(model);
      expect(plan.nodePools.every((p) => p.podSubnet === "aks-pods")).toBe(true);
      expect(plan.vnet?.subnets.map((s) => s.name)).toContain("aks-pods");
      expect(errors(text)).toEqual([]);
    },
  );

  it("a subnet whose purpose is pods is used, not a new one", () => {
    const text = EXAMPLE_PLAN.replace(
      "  subnets:\n",
      "  subnets:\n    - { name: my-pods, cidr: 10.225.0.0/16, purpose: pods }\n",
    );
    const plan = parsePlan(parse(switched(text, "azure-cni-pod-subnet-dynamic"))).plan!;
    expect(plan.nodePools.map((p) => p.podSubnet)).toEqual(["my-pods"]);
    expect(plan.vnet?.subnets.filter((s) => s.name === "aks-pods")).toEqual([]);
  });

  it("switching back to Overlay removes the pools' pod subnets (the subnet itself stays)", () => {
    const text = switched(switched(EXAMPLE_PLAN, "azure-cni-pod-subnet-dynamic"), "azure-cni-overlay");
    const plan = parsePlan(parse(text)).plan!;
    expect(plan.nodePools.every((p) => p.podSubnet === undefined)).toBe(true);
  });
});

/** A /24 VNet its node subnet fills: no room for a pods' subnet. */
const FULL_VNET = `apiVersion: aksnet/v1
kind: ClusterPlan
network: { plugin: azure, pluginMode: overlay, podCidrs: [10.244.0.0/16], serviceCidrs: [10.0.0.0/16] }
vnet: { name: vnet-small, addressSpace: [10.50.0.0/24], subnets: [{ name: aks-nodes, cidr: 10.50.0.0/24 }] }
nodePools:
  - { name: system, mode: System, count: 3, subnet: aks-nodes }
`;
/** Room in the address space, but not for a /22 once the other subnets are placed. */
const NO_ROOM_LEFT = FULL_VNET.replace("10.50.0.0/24]", "10.50.0.0/23]").replace(
  "subnets: [{",
  "subnets: [{ name: other, cidr: 10.50.1.0/24 }, {",
);
const NO_VNET = `apiVersion: aksnet/v1
kind: ClusterPlan
network: { plugin: azure, pluginMode: overlay, podCidrs: [10.244.0.0/16], serviceCidrs: [10.0.0.0/16] }
nodePools:
  - { name: system, mode: System, count: 3 }
`;

describe("a switch to a Pod Subnet model with no room for the pods' subnet is refused; the plan stays", () => {
  it.each([
    {
      name: "the VNet's only subnet fills its address space",
      text: FULL_VNET,
      says: /no free \/\d+ for subnet "aks-pods"/,
    },
    {
      name: "the other subnets leave no block large enough",
      text: NO_ROOM_LEFT,
      says: /no free \/\d+ for subnet "aks-pods"/,
    },
    { name: "the plan has no VNet", text: NO_VNET, says: /has no VNet: add vnet.addressSpace/ },
  ])("$name", ({ text, says }) => {
    expect(errors(text)).toEqual([]);
    for (const model of ["azure-cni-pod-subnet-dynamic", "azure-cni-pod-subnet-static"]) {
      const out = editPlanText(text, MODEL, model)!;
      expect(out.text).toBe(text);
      expect(out.refused).toMatch(says);
      expect(out.refused).toMatch(/widen the VNet address space|add vnet.addressSpace/);
    }
  });
});

/**
 * The law: a model switch from a plan check accepts gives a plan with no new error, or is refused and changes
 * nothing. Capacity is the exception the verdict reports (Node Subnet takes a VNet address per pod: a subnet
 * sized for Overlay nodes may be too small); the switch itself never leaves a setting or reference AKS refuses.
 */
const CAPACITY = ["subnet-too-small-for-nodes"];
const starts = [
  ...PRESETS.filter((p) => !MODEL.inapplicable?.(parsePlan(parse(p.text)).plan!, undefined)).map((p) => ({
    start: p.id,
    text: p.text,
  })),
  { start: "full /24 VNet", text: FULL_VNET },
  { start: "no room left", text: NO_ROOM_LEFT },
  { start: "no VNet", text: NO_VNET },
];
describe("a model switch never turns a plan check accepts into one it refuses", () => {
  it.each(starts.flatMap((s) => (MODEL.options ?? []).map(([model]) => ({ ...s, model }))))(
    "$start → $model",
    ({ text, model }) => {
      const before = errors(text);
      const out = editPlanText(text, MODEL, model)!;
      if (out.refused !== undefined) return expect(out.text).toBe(text);
      const added = errors(out.text).filter((e) => !before.includes(e) && !CAPACITY.includes(e));
      expect(added).toEqual([]);
    },
  );
});
