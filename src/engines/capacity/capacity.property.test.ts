import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefixFrom, parseAddr } from "../../ip/index.js";
import { MODEL_IDS, type MaxSurge } from "../../kb/index.js";
import { compare } from "./compare.js";
import { fits, maxNodesWithSurge } from "./fits.js";
import { nodeSubnetAddressesNeeded, podCidrBlocksNeeded, podSubnetAddressesNeeded } from "./pools.js";
import { size } from "./size.js";
import { surgeNodes } from "./surge.js";

const model = fc.constantFrom(...MODEL_IDS);
const maxPods = fc.integer({ min: 10, max: 250 });
const surge: fc.Arbitrary<MaxSurge> = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map((count) => ({ kind: "count" as const, count })),
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: "percent" as const, percent })),
);
const subnet = (bits: number) => prefixFrom(parseAddr("10.0.0.0"), bits);
const bigPodCidr = prefixFrom(parseAddr("100.64.0.0"), 10);

describe("capacity laws", () => {
  it("surgeNodes equals ceil(percent × nodes / 100) computed in bigint, and a count capped at the nodes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), surge, (n, s) => {
        const oracle = s.kind === "count" ? Math.min(s.count, n) : Number((BigInt(s.percent) * BigInt(n) + 99n) / 100n);
        expect(surgeNodes(n, s)).toBe(oracle);
      }),
    );
  });

  it("maxNodesWithSurge is the largest N with N + surge(N) ≤ slots (linear-scan oracle)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), surge, (slots, s) => {
        let oracle = 0;
        for (let n = 0; n <= slots; n++) if (n + surgeNodes(n, s) <= slots) oracle = n;
        expect(maxNodesWithSurge(slots, s)).toBe(oracle);
      }),
    );
  });

  it("more nodes never need fewer addresses, blocks or pod-subnet addresses", () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        maxPods,
        surge,
        (m, n, extra, pods, s) => {
          const a = [{ name: "a", nodes: n, maxPods: pods, maxSurge: s }];
          const b = [{ name: "a", nodes: n + extra, maxPods: pods, maxSurge: s }];
          expect(nodeSubnetAddressesNeeded(m, b)).toBeGreaterThanOrEqual(nodeSubnetAddressesNeeded(m, a));
          expect(podCidrBlocksNeeded(b)).toBeGreaterThanOrEqual(podCidrBlocksNeeded(a));
          expect(podSubnetAddressesNeeded(m, b)).toBeGreaterThanOrEqual(podSubnetAddressesNeeded(m, a));
        },
      ),
    );
  });

  it("a bigger node subnet never fits fewer nodes; more surge never fits more", () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 12, max: 29 }),
        maxPods,
        surge,
        fc.integer({ min: 0, max: 20 }),
        (m, bits, pods, s, more) => {
          const at = (b: number, sg: MaxSurge) =>
            fits({ model: m, nodeSubnet: subnet(b), podCidr: bigPodCidr, maxPods: pods, maxSurge: sg });
          const small = at(bits, s);
          const big = at(bits - 1, s);
          expect(big.maxNodes).toBeGreaterThanOrEqual(small.maxNodes);
          expect(big.maxNodesWithSurge).toBeGreaterThanOrEqual(small.maxNodesWithSurge);
          const moreSurge: MaxSurge =
            s.kind === "count"
              ? { kind: "count", count: s.count + more }
              : { kind: "percent", percent: Math.min(100, s.percent + more) };
          expect(at(bits, moreSurge).maxNodesWithSurge).toBeLessThanOrEqual(small.maxNodesWithSurge);
          expect(small.maxNodesWithSurge).toBeLessThanOrEqual(small.maxNodes);
        },
      ),
    );
  });

  it("the node subnet `size` asks for holds the target with its surge (round trip through `fits`)", () => {
    fc.assert(
      fc.property(model, fc.integer({ min: 1, max: 400 }), maxPods, surge, (m, n, pods, s) => {
        const row = size({ pools: [{ name: "a", nodes: n, maxPods: pods, maxSurge: s }], models: [m] }).models[0];
        const bits = row?.nodeSubnet.prefixLength;
        if (
          bits === null ||
          bits === undefined ||
          row?.problems.some((x) => x.code === "vnet-ip-limit" || x.code === "route-table-limit")
        )
          return;
        const f = fits({ model: m, nodeSubnet: subnet(bits), podCidr: bigPodCidr, maxPods: pods, maxSurge: s });
        expect(f.limits.find((l) => l.resource === "node-subnet")?.maxNodesWithSurge).toBeGreaterThanOrEqual(n);
        // One bit smaller must not hold it (the prefix is the smallest), unless already at /29.
        if (bits < 29) {
          const tight = fits({
            model: m,
            nodeSubnet: subnet(bits + 1),
            podCidr: bigPodCidr,
            maxPods: pods,
            maxSurge: s,
          });
          expect(tight.limits.find((l) => l.resource === "node-subnet")?.maxNodesWithSurge).toBeLessThan(n);
        }
      }),
    );
  });

  it("compare holds its invariants for any subnet, pod range, max pods and surge", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 29 }),
        fc.integer({ min: 8, max: 28 }),
        fc.option(fc.integer({ min: 8, max: 29 })),
        maxPods,
        surge,
        (nb, pb, sb, pods, s) => {
          const r = compare({
            nodeSubnet: subnet(nb),
            podCidr: prefixFrom(parseAddr("100.64.0.0"), pb),
            podSubnet: sb === null ? undefined : prefixFrom(parseAddr("10.128.0.0"), sb),
            maxPods: pods,
            maxSurge: s,
          });
          for (const row of r.models) {
            expect(row.withSurge.maxNodes).toBeLessThanOrEqual(row.maxNodes);
            const bound = row.limits.find((l) => l.resource === row.withSurge.limitedBy);
            if (row.withSurge.limitedBy !== "cluster-node-limit")
              expect(row.withSurge.maxNodes + row.withSurge.surgeNodes).toBeLessThanOrEqual(bound?.maxNodes ?? -1);
            expect(row.maxPods).toBeLessThanOrEqual(row.maxNodes * pods);
            expect(row.limits.find((l) => l.resource === row.limitedBy)?.maxNodes).toBe(row.maxNodes);
            expect(Math.min(...row.limits.map((l) => l.maxNodes))).toBe(row.maxNodes);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
