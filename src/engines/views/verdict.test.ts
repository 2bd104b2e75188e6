import { describe, expect, it } from "vitest";
import { loadPlanText } from "../../adapters/importers/index.js";
import { PRESETS } from "../../adapters/web/presets.js";
import { resolvePlan, type Plan } from "../plan/index.js";
import { validate } from "../validate/index.js";
import { verdictOf } from "./verdict.js";

const planOf = (text: string): Plan => {
  const p = loadPlanText(text, "plan").plan;
  if (!p) throw new Error("preset does not load");
  return p;
};

/** The plan with its first pool's peak raised by `extra` nodes. */
function grown(plan: Plan, extra: number): Plan {
  const pools = plan.nodePools.map((p, i) => {
    if (i !== 0) return p;
    return p.maxCount !== undefined ? { ...p, maxCount: p.maxCount + extra } : { ...p, count: (p.count ?? 0) + extra };
  });
  return { ...plan, nodePools: pools };
}

const errors = (plan: Plan) => validate(resolvePlan(plan)).filter((f) => f.severity === "error");

describe("verdictOf", () => {
  it.each(PRESETS.map((p) => ({ id: p.id, text: p.text })))(
    "$id: check accepts the first pool grown by the headroom and refuses one node more",
    ({ text }) => {
      const plan = planOf(text);
      const v = verdictOf(resolvePlan(plan), validate(resolvePlan(plan)));
      expect(v.status).toBe("fits");
      expect(v.headroom).toBeGreaterThan(0);
      // The oracle is check itself: the rules that count addresses, blocks and node limits.
      expect(errors(grown(plan, v.headroom ?? 0))).toEqual([]);
      expect(errors(grown(plan, (v.headroom ?? 0) + 1)).length).toBeGreaterThan(0);
    },
  );

  it("fails with the first error's message, and its fix is the first action", () => {
    const plan = grown(planOf(PRESETS[1]!.text), 10);
    const findings = validate(resolvePlan(plan));
    const v = verdictOf(resolvePlan(plan), findings);
    const first = findings.find((f) => f.severity === "error");
    expect(v.status).toBe("fails");
    expect(v.headline).toContain(first?.message.replace(/\.$/, ""));
    expect(v.action.text).toBe(first?.fix);
    expect(v.headroom).toBe(0);
  });

  it("names the limit: the pod CIDR caps Overlay, the node subnet caps Node Subnet", () => {
    const overlay = planOf(PRESETS[0]!.text);
    expect(verdictOf(resolvePlan(overlay), []).limitedBy).toBe("pod-cidr");
    const nodeSubnet = planOf(PRESETS[1]!.text);
    expect(verdictOf(resolvePlan(nodeSubnet), []).limitedBy).toBe("node-subnet");
  });

  it("a plan without pools fits with no headroom to count", () => {
    const plan = { ...planOf(PRESETS[0]!.text), nodePools: [] };
    const v = verdictOf(resolvePlan(plan), []);
    expect(v.headroom).toBeUndefined();
    expect(v.headline).toMatch(/no node pool/);
  });
});
