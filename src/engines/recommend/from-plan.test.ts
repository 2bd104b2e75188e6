import { describe, expect, it } from "vitest";
import { formatMaxSurge } from "../capacity/index.js";
import { parsePlan, resolvePlan, type PlanInput } from "../plan/index.js";
import { recommendInputOf } from "./from-plan.js";
import { recommend } from "./recommend.js";

const resolved = (p: PlanInput) => resolvePlan(parsePlan(p).plan!);
const base = { network: { plugin: "azure", pluginMode: "overlay" } } as const;

describe("recommendInputOf: a plan's pools where its requirements are silent", () => {
  it.each([
    {
      name: "pools give nodes, peak nodes, max pods and surge",
      plan: {
        ...base,
        kubernetesVersion: "1.30",
        nodePools: [
          { name: "sys", count: 3, maxPods: 50 },
          { name: "user", minCount: 2, maxCount: 20, maxPods: 80 },
        ],
      },
      req: { nodes: 5, maxNodes: 23, maxPodsPerNode: 80 },
      surge: "10%",
    },
    {
      name: "the requirements section wins",
      plan: {
        ...base,
        requirements: { nodes: 40, maxPodsPerNode: 30 },
        nodePools: [{ name: "a", count: 3, maxPods: 110, maxSurge: "50%" }],
      },
      req: { nodes: 40, maxPodsPerNode: 30 },
      surge: "50%",
    },
    {
      name: "max pods left to the comparison when no pool states it",
      plan: { ...base, kubernetesVersion: "1.33", nodePools: [{ name: "a", count: 4 }] },
      req: { nodes: 4, maxNodes: 4 },
      surge: "10%",
    },
    { name: "no pools: the requirements alone", plan: { ...base, nodePools: [] }, req: {}, surge: undefined },
  ])("$name", ({ plan, req, surge }) => {
    const input = recommendInputOf(resolved(plan as PlanInput));
    expect(input.requirements).toEqual(req);
    expect(input.maxSurge ? formatMaxSurge(input.maxSurge) : undefined).toBe(surge);
  });

  it("the recommendation sizes with the plan's surge, not 33%, and says where its numbers came from", () => {
    const input = recommendInputOf(
      resolved({ ...base, kubernetesVersion: "1.30", nodePools: [{ name: "a", count: 10, maxPods: 30 }] }),
    );
    const r = recommend(input);
    if ("problems" in r) throw new Error("refused");
    expect(r.target.maxSurge).toEqual(input.maxSurge);
    expect(r.target.assumptions.join("\n")).not.toMatch(/33%/);
    expect(r.target.assumptions[0]).toMatch(/^from the plan: nodes 10 \(the pools' node counts\)$/);
    expect(r.target.assumptions.join("\n")).toMatch(/from the plan: max surge 10% \(pool a's, AKS's default/);
    expect(r.target.nodes).toBe(10);
    expect(r.target.maxPods).toBe(30);
  });

  it("flags (override) win over both", () => {
    const input = recommendInputOf(resolved({ ...base, nodePools: [{ name: "a", count: 10, maxPods: 30 }] }), {
      nodes: 2,
    });
    expect(input.requirements).toEqual({ nodes: 2, maxPodsPerNode: 30 });
  });
});
