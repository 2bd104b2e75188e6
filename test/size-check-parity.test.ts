/**
 * Same plan, same answer: `aksnet size --pools PLAN` and `aksnet check PLAN` count a plan's node-subnet
 * addresses the same way — each pool at its peak (the autoscaler maximum, or its count when that is larger),
 * its surge, the plan's `reserved` addresses — and apply the same pool-count and node limits (issue #11).
 */
import { describe, expect, it } from "vitest";
import { parsePlan, resolvePlan, size, sizeTargetOfPlan, validate, type PlanInput } from "../src/index.js";

/** A plan whose pools all share one node subnet, so check's per-subnet count is the cluster's count. */
function plan(pools: PlanInput["nodePools"], extra: Partial<PlanInput> = {}): PlanInput {
  return {
    kubernetesVersion: "1.33",
    network: { plugin: "azure" },
    vnet: { addressSpace: ["10.0.0.0/16"], subnets: [{ name: "nodes", cidr: "10.0.0.0/24" }] },
    nodePools: pools,
    ...extra,
  };
}

function both(input: PlanInput) {
  const parsed = parsePlan(input);
  if (!parsed.plan) throw new Error(JSON.stringify(parsed.problems));
  const resolved = resolvePlan(parsed.plan);
  const sized = size({ ...sizeTargetOfPlan(resolved), models: [resolved.model] }).models[0];
  const findings = validate(resolved);
  const tooSmall = findings.find((f) => f.ruleId === "subnet-too-small-for-nodes");
  const needed = tooSmall ? Number(/its pools need (\d+)/.exec(tooSmall.message)?.[1]) : undefined;
  return { sized, findings, needed };
}

describe("size and check agree on a plan", () => {
  it.each([
    {
      name: "count above maxCount: both count the count (20 nodes, not 5)",
      input: plan([
        { name: "sys", mode: "System", count: 20, minCount: 1, maxCount: 5, maxPods: 30, maxSurge: 1, subnet: "nodes" },
      ]),
      addresses: 21 * 31,
    },
    {
      name: "reserved addresses: internal load balancers, private endpoints and other tenants count",
      input: plan([{ name: "sys", mode: "System", count: 6, maxPods: 30, maxSurge: 1, subnet: "nodes" }], {
        reserved: { internalLoadBalancerIps: 5, privateEndpoints: 7, other: 3 },
      }),
      addresses: 7 * 31 + 15,
    },
    {
      name: "the autoscaler maximum and a default 10% surge",
      input: plan([{ name: "sys", mode: "System", minCount: 3, maxCount: 9, maxPods: 20, subnet: "nodes" }]),
      addresses: 10 * 21,
    },
    {
      name: "two pools, one Spot (no surge)",
      input: plan([
        { name: "sys", mode: "System", count: 3, maxPods: 30, maxSurge: 1, subnet: "nodes" },
        { name: "spot", mode: "User", priority: "Spot", count: 4, maxPods: 30, subnet: "nodes" },
      ]),
      addresses: 4 * 31 + 4 * 31,
    },
  ])("$name", ({ input, addresses }) => {
    const { sized, needed } = both(input);
    expect(sized?.nodeSubnet.addressesNeeded).toBe(addresses);
    // A /24 has 251 usable addresses: check reports the same count exactly when it does not fit.
    expect(needed).toBe(addresses > 251 ? addresses : undefined);
  });

  it("101 pools: both report the 100-pools-per-cluster limit", () => {
    const pools = Array.from({ length: 101 }, (_, i) => ({
      name: `p${i}`,
      mode: i === 0 ? ("System" as const) : ("User" as const),
      count: 1,
      maxPods: 30,
      maxSurge: 1,
      subnet: "nodes",
    }));
    const input = plan(pools, {
      vnet: { addressSpace: ["10.0.0.0/16"], subnets: [{ name: "nodes", cidr: "10.0.0.0/20" }] },
    });
    const { sized, findings } = both(input);
    expect(sized?.problems.map((p) => p.code)).toContain("pool-count-limit");
    expect(findings.some((f) => f.ruleId === "cluster-exceeds-node-limit" && /node pools/.test(f.message))).toBe(true);
  });
});
