/** The IPv4 kernels' sort and block buffer against plain array sorts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockBuf4, sortOrder32 } from "./runs4.js";

describe("sortOrder32", () => {
  it("is the stable ascending order of the keys", () => {
    const key = fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom(0x0a000000, 0x0a000800, 0xffffffff),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const want = keys.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        expect([...sortOrder32(Float64Array.from(keys), keys.length)]).toEqual(want);
        expect([...sortOrder32(Uint32Array.from(keys), keys.length)]).toEqual(want);
      }),
    );
  });
});

/** Slow answer: sort by start and merge. */
function mergedRuns(runs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...runs].sort((x, y) => x[0] - y[0]);
  const want: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = want.at(-1);
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else want.push([lo, hi]);
  }
  return want;
}

describe("BlockBuf4", () => {
  // Anywhere, or packed into one /20 or one /9 (so the radix sort skips one or two of its
  // three passes and its result lands in the buffer or in its scratch).
  const anywhere = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 2 ** 20 }));
  const packed = (base: number, span: number) =>
    fc.tuple(fc.integer({ min: base, max: base + span - 1 }), fc.integer({ min: 1, max: 64 }));
  const run = fc
    .oneof(anywhere, packed(0x0a000000, 2 ** 12), packed(0x0a000000, 2 ** 23))
    .map(([lo, len]) => [lo, Math.min(2 ** 32, lo + len)] as const);
  const runsOf = (b: BlockBuf4) => {
    const r = b.normalize();
    return Array.from({ length: r.n }, (_, i) => [r.lo[i], r.hi[i]]);
  };

  it("normalises runs, adjacent or overlapping, into sorted disjoint runs", () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), (runs) => {
        const b = new BlockBuf4(1);
        for (const [lo, hi] of runs) b.pushRun(lo, hi);
        expect(runsOf(b)).toEqual(mergedRuns(runs));
      }),
    );
  });

  it("keeps every block when normalised, so it can take more and normalise again", () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), fc.array(run, { maxLength: 40 }), (first, second) => {
        const b = new BlockBuf4(1);
        for (const [lo, hi] of first) b.pushRun(lo, hi);
        expect(runsOf(b)).toEqual(mergedRuns(first));
        for (const [lo, hi] of second) b.pushRun(lo, hi);
        expect(runsOf(b)).toEqual(mergedRuns([...first, ...second]));
        expect(runsOf(b)).toEqual(mergedRuns([...first, ...second]));
      }),
    );
  });
});
