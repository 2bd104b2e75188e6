/** The IPv4 kernels' sort and block buffer against plain array sorts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockBuf4, sortOrder32 } from "./runs4.js";

describe("sortOrder32", () => {
  it("is the stable ascending order of the keys", () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 5 }), fc.constantFrom(0x0a000000, 0x0a000800, 0xffffffff));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const want = keys.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        expect([...sortOrder32(Float64Array.from(keys), keys.length)]).toEqual(want);
        expect([...sortOrder32(Uint32Array.from(keys), keys.length)]).toEqual(want);
      }),
    );
  });
});

describe("BlockBuf4", () => {
  it("normalises runs, adjacent or overlapping, into sorted disjoint runs", () => {
    const run = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 2 ** 20 })).map(([lo, len]) => [lo, Math.min(2 ** 32, lo + len)] as const);
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), (runs) => {
        const b = new BlockBuf4(1);
        for (const [lo, hi] of runs) b.pushRun(lo, hi);
        const r = b.normalize();
        // Slow answer: sort by start and merge.
        const sorted = [...runs].sort((x, y) => x[0] - y[0]);
        const want: Array<[number, number]> = [];
        for (const [lo, hi] of sorted) {
          const last = want.at(-1);
          if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
          else want.push([lo, hi]);
        }
        expect(Array.from({ length: r.n }, (_, i) => [r.lo[i], r.hi[i]])).toEqual(want);
      }),
    );
  });
});
