import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePlan, resolvePlan } from "../../engines/plan/index.js";
import { validate } from "../../engines/validate/index.js";
import { editPlanText, PLAN_FIELDS } from "./plan-edit.js";
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
