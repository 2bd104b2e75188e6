/** Overlap search checked against the obvious quadratic answer over the bitmap universes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrefix } from "./prefix.js";
import { parseRange } from "./range.js";
import { OverlapIndex, findOverlappingPairs, queriesOverlappingAny } from "./overlap.js";
import { UNIVERSES, and, arbItemIn, bitmapOf, count, type Universe } from "./testing/naive.js";
import type { AddrItem } from "./set.js";

function naiveOverlap(u: Universe, a: AddrItem, b: AddrItem): boolean {
  return count(and(bitmapOf(u, [a]), bitmapOf(u, [b]))) > 0;
}

describe.each(UNIVERSES)("overlap search in $name", (u) => {
  const items = fc.array(arbItemIn(u), { maxLength: 25 });

  it("findOverlappingPairs lists exactly the overlapping pairs, i < j, sorted", () => {
    fc.assert(
      fc.property(items, (xs) => {
        const want: Array<[number, number]> = [];
        for (let i = 0; i < xs.length; i++)
          for (let j = i + 1; j < xs.length; j++) if (naiveOverlap(u, xs[i]!, xs[j]!)) want.push([i, j]);
        expect(findOverlappingPairs(xs)).toEqual(want);
      }),
    );
  });

  it("the index answers overlapping() and overlapsAny() like a scan of every item", () => {
    fc.assert(
      fc.property(items, fc.array(arbItemIn(u), { maxLength: 10 }), (xs, qs) => {
        const index = new OverlapIndex(xs);
        expect(index.size).toBe(xs.length);
        for (const q of qs) {
          const want = xs.flatMap((x, i) => (naiveOverlap(u, q, x) ? [i] : []));
          expect(index.overlapping(q)).toEqual(want);
          expect(index.overlapsAny(q)).toBe(want.length > 0);
        }
        expect(queriesOverlappingAny(qs, xs)).toEqual(qs.map((q) => xs.some((x) => naiveOverlap(u, q, x))));
      }),
    );
  });

  it("countOverlapping() counts the hits without listing them; overlapping(q, k) gives the k that start first", () => {
    fc.assert(
      fc.property(items, arbItemIn(u), fc.integer({ min: 0, max: 6 }), (xs, q, k) => {
        const index = new OverlapIndex(xs);
        const hits = xs.flatMap((x, i) => (naiveOverlap(u, q, x) ? [i] : []));
        expect(index.countOverlapping(q)).toBe(hits.length);
        const start = (x: AddrItem) => ("from" in x ? x.from : "first" in x ? x.first() : x);
        const byStart = [...hits].sort((i, j) => start(xs[i]!).compare(start(xs[j]!)) || i - j);
        expect(index.overlapping(q, k)).toEqual(byStart.slice(0, k).sort((i, j) => i - j));
      }),
    );
  });
});

describe("overlap search across families and edges", () => {
  const p = parsePrefix;
  it.each([
    { name: "IPv4 and IPv6 never overlap", items: [p("0.0.0.0/0"), p("::/0")], pairs: [] },
    { name: "IPv4-mapped IPv6 does not overlap IPv4", items: [p("10.0.0.0/8"), p("::ffff:10.0.0.0/104")], pairs: [] },
    {
      name: "a range touching a prefix's last address",
      items: [p("10.0.0.0/24"), parseRange("10.0.0.255-10.0.1.5")],
      pairs: [[0, 1]],
    },
    { name: "adjacent prefixes do not overlap", items: [p("10.0.0.0/25"), p("10.0.0.128/25")], pairs: [] },
    {
      name: "the last IPv4 address",
      items: [p("255.255.255.255/32"), p("255.0.0.0/8"), p("0.0.0.0/0")],
      pairs: [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    },
    {
      name: "duplicates overlap each other",
      items: [p("fd00::/64"), p("fd00::/64"), p("fd00::/64")],
      pairs: [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
    },
    {
      name: "mixed families keep their input positions",
      items: [p("fd00::/8"), p("10.0.0.0/8"), p("fd00::/16"), p("10.1.0.0/16")],
      pairs: [
        [0, 2],
        [1, 3],
      ],
    },
  ])("$name", ({ items, pairs }) => {
    expect(findOverlappingPairs(items)).toEqual(pairs);
    const index = new OverlapIndex(items);
    for (const pair of pairs) {
      const [i, j] = pair as [number, number];
      expect(index.overlapping(items[i]!)).toContain(j);
    }
  });

  it("an empty index overlaps nothing", () => {
    const index = new OverlapIndex([]);
    expect(index.overlapping(p("0.0.0.0/0"))).toEqual([]);
    expect(index.countOverlapping(p("::/0"))).toBe(0);
    expect(index.overlapsAny(p("::/0"))).toBe(false);
  });

  it("200,000 copies of one range: the count and the first ten come without listing every hit", () => {
    const items = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? p("10.0.0.0/16") : p("fd00::/64")));
    const index = new OverlapIndex(items);
    expect(index.countOverlapping(p("10.0.0.0/24"))).toBe(100_000);
    expect(index.countOverlapping(p("fd00::1/128"))).toBe(100_000);
    expect(index.overlapping(p("10.0.0.0/8"), 3)).toEqual([1, 3, 5]);
    expect(index.overlapping(p("fd00::/48"), 2)).toEqual([0, 2]);
  });

  it("nested supernets: a /10 and a /12 over shuffled subnets give every containment pair once, sorted", () => {
    const lines = ["10.1.2.0/24", "10.0.0.0/10", "10.1.2.128/25", "10.0.0.0/12", "10.64.0.0/24", "10.1.2.0/24"];
    expect(findOverlappingPairs(lines.map(parsePrefix))).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 5],
      [1, 2],
      [1, 3],
      [1, 5],
      [2, 3],
      [2, 5],
      [3, 5],
    ]);
  });
});
