import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../plan/index.js";
import { layoutPlan, type LayoutResult } from "./layout.js";
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

describe("layoutView against an address-by-address oracle", () => {
  /**
   * Each address of 10.0.0.0/24 owned by the first subnet, then growth, then avoided range covering it; runs of one
   * owner.
   */
  function oracle(r: LayoutResult): string[] {
    const owner = (a: number): string => {
      const inside = (c: string | null) => {
        if (!c) return false;
        const [ip, bits] = c.split("/");
        const lo = Number(ip!.split(".")[3]);
        return a >= lo && a < lo + 2 ** (32 - Number(bits));
      };
      for (const s of r.subnets) if (inside(s.cidr)) return `subnet ${s.name}`;
      for (const s of r.subnets)
        if (s.canGrowTo && !s.canGrowTo.endsWith(`/${s.prefixLength}`) && inside(s.canGrowTo))
          return `growth ${s.name}`;
      for (const x of r.avoided) if (inside(x.cidr)) return `avoided ${x.what}`;
      return "free";
    };
    const out: string[] = [];
    for (let a = 0; a < 256; a++) {
      const o = owner(a);
      if (out[out.length - 1]?.split("@")[0] !== o) out.push(`${o}@${a}`);
    }
    return out;
  }
  const block = fc
    .tuple(fc.integer({ min: 26, max: 30 }), fc.integer({ min: 0, max: 63 }))
    .map(([bits, n]) => `10.0.0.${(n * 4) & ~(2 ** (32 - bits) - 1) & 255}/${bits}`);
  it("gives every address to the first piece that claims it (subnets, then growth, then avoided)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(block, fc.option(block, { nil: null })), { maxLength: 12 }),
        fc.array(block, { maxLength: 6 }),
        (subnets, avoided) => {
          const r = {
            addressSpaces: ["10.0.0.0/24"],
            subnets: subnets.map(([cidr, grow], i) => ({
              name: `s${i}`,
              kind: "other",
              status: "existing",
              cidr,
              prefixLength: Number(cidr.split("/")[1]),
              canGrowTo: grow,
            })),
            avoided: avoided.map((cidr, i) => ({ cidr, what: `a${i}` })),
          } as unknown as LayoutResult;
          const segs = layoutView(r).spaces[0]!.segments.map(
            (s) => `${s.kind}${s.subnet ? ` ${s.subnet}` : s.what ? ` ${s.what}` : ""}@${s.offset}`,
          );
          expect(segs).toEqual(oracle(r));
        },
      ),
      { numRuns: 300 },
    );
  });
});
