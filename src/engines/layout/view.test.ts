import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../plan/index.js";
import { layoutPlan } from "./layout.js";
import { layoutView } from "./view.js";

const plan = (p: PlanInput) => parsePlan(p).plan!;

describe("layoutView", () => {
  it("cuts each space into consecutive segments: subnets, their room to grow, avoided ranges, free space", () => {
    const r = layoutPlan(
      plan({
        network: {
          plugin: "azure",
          pluginMode: "overlay",
          podCidrs: ["10.244.0.0/16"],
          serviceCidrs: ["10.20.2.0/24"],
        },
        vnet: { addressSpace: ["10.20.0.0/22"], subnets: [{ name: "old", cidr: "10.20.3.0/25" }] },
        nodePools: [{ name: "a", count: 100, subnet: "nodes" }],
      }),
    );
    const v = layoutView(r);
    expect(v.spaces).toHaveLength(1);
    const segs = v.spaces[0]!.segments.map((s) => `${s.kind} ${s.cidrs.join("+")}${s.subnet ? ` ${s.subnet}` : ""}`);
    expect(segs).toEqual([
      "subnet 10.20.0.0/25 nodes",
      "growth 10.20.0.128/25 nodes",
      "free 10.20.1.0/24",
      "avoided 10.20.2.0/24",
      "subnet 10.20.3.0/25 old",
      "free 10.20.3.128/25",
    ]);
    const total = v.spaces[0]!.segments.reduce((n, s) => n + s.size, 0);
    expect(total).toBe(1024);
    expect(v.spaces[0]!.segments.every((s, i, a) => i === 0 || a[i - 1]!.offset + a[i - 1]!.size === s.offset)).toBe(
      true,
    );
  });
});
