/**
 * Laws of AddrSet, merge, exclude and free-space search, checked against the
 * bitmap oracle (testing/naive.ts) for IPv4 and IPv6 through one shared contract.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Addr } from "./addr.js";
import { Prefix, parsePrefix } from "./prefix.js";
import { AddrRange } from "./range.js";
import { AddrSet, AddrSetBuilder, addrSetOf } from "./set.js";
import { excludePrefixes, excludeRanges, mergePrefixes, mergeRanges } from "./merge.js";
import { freePrefixes, freeSpace, PrefixAllocator } from "./free.js";
import {
  UNIVERSES,
  and,
  arbItemIn,
  arbPrefixIn,
  bitmapOf,
  count,
  freeBlocks,
  maximalRanges,
  minimalPrefixes,
  minus,
  or,
  type Universe,
} from "./testing/naive.js";

const str = (xs: Iterable<{ toString(): string }>) => [...xs].map(String);
const items = (u: Universe) => fc.array(arbItemIn(u), { maxLength: 12 });
const prefixes = (u: Universe) => fc.array(arbPrefixIn(u), { maxLength: 12 });

describe.each(UNIVERSES)("set laws in $name", (u) => {
  it("a set holds exactly its items' addresses, as minimal prefixes and maximal ranges", () => {
    fc.assert(
      fc.property(items(u), (xs) => {
        const s = addrSetOf(xs);
        const m = bitmapOf(u, xs);
        expect(str(s.prefixes())).toEqual(str(minimalPrefixes(u, m)));
        expect(str(s.ranges())).toEqual(str(maximalRanges(u, m)));
        expect(s.size()).toBe(BigInt(count(m)));
        expect(s.isEmpty()).toBe(count(m) === 0);
      }),
    );
  });

  it("union, intersect, exclude and complement match the bitmap", () => {
    fc.assert(
      fc.property(items(u), items(u), (xs, ys) => {
        const a = addrSetOf(xs);
        const b = addrSetOf(ys);
        const ma = bitmapOf(u, xs);
        const mb = bitmapOf(u, ys);
        expect(str(a.union(b).prefixes())).toEqual(str(minimalPrefixes(u, or(ma, mb))));
        expect(str(a.intersect(b).prefixes())).toEqual(str(minimalPrefixes(u, and(ma, mb))));
        expect(str(a.exclude(b).prefixes())).toEqual(str(minimalPrefixes(u, minus(ma, mb))));
        const all = ma.map(() => true);
        expect(str(a.complementIn(u.prefix).prefixes())).toEqual(str(minimalPrefixes(u, minus(all, ma))));
        expect(a.overlaps(b)).toBe(count(and(ma, mb)) > 0);
        expect(a.union(b).equals(b.union(a))).toBe(true);
      }),
    );
  });

  it("contains and overlaps answer like the bitmap for prefixes, ranges and addresses", () => {
    fc.assert(
      fc.property(items(u), arbItemIn(u), fc.integer({ min: 0, max: 255 }), (xs, q, i) => {
        const s = addrSetOf(xs);
        const m = bitmapOf(u, xs);
        const mq = bitmapOf(u, [q]);
        expect(s.contains(q)).toBe(count(and(m, mq)) === count(mq));
        expect(s.overlaps(q)).toBe(count(and(m, mq)) > 0);
        expect(s.contains(u.addr(i))).toBe(m[i]);
      }),
    );
  });

  it("Prefix and AddrRange contains/overlaps answer like the bitmap", () => {
    fc.assert(
      fc.property(arbItemIn(u), arbItemIn(u), (x, y) => {
        const mx = bitmapOf(u, [x]);
        const my = bitmapOf(u, [y]);
        const both = count(and(mx, my));
        const contains = x instanceof Prefix ? x.contains(y) : x.contains(y);
        expect(contains).toBe(both === count(my));
        if (x instanceof AddrRange) expect(x.overlaps(y)).toBe(both > 0);
        if (x instanceof Prefix && y instanceof Prefix) expect(x.overlaps(y)).toBe(both > 0);
      }),
    );
  });

  it("the builder applies adds and removes in call order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), arbItemIn(u)), { maxLength: 12 }), (ops) => {
        const b = new AddrSetBuilder();
        let m = bitmapOf(u, []);
        for (const [add, x] of ops) {
          if (add) b.add(x);
          else b.remove(x);
          m = add ? or(m, bitmapOf(u, [x])) : minus(m, bitmapOf(u, [x]));
        }
        expect(str(b.build().prefixes())).toEqual(str(minimalPrefixes(u, m)));
      }),
    );
  });

  it("merge and exclude give minimal sorted covers of exactly the right addresses", () => {
    fc.assert(
      fc.property(prefixes(u), prefixes(u), (xs, ys) => {
        const mx = bitmapOf(u, xs);
        const my = bitmapOf(u, ys);
        expect(str(mergePrefixes(xs))).toEqual(str(minimalPrefixes(u, mx)));
        expect(str(mergeRanges(xs))).toEqual(str(maximalRanges(u, mx)));
        expect(str(excludePrefixes(xs, ys))).toEqual(str(minimalPrefixes(u, minus(mx, my))));
        expect(str(excludeRanges(xs, ys))).toEqual(str(maximalRanges(u, minus(mx, my))));
      }),
    );
  });

  it("freeSpace is the complement; freePrefixes lists the first free aligned blocks", () => {
    fc.assert(
      fc.property(
        items(u),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 10 }),
        (used, hostBits, limit) => {
          const m = bitmapOf(u, used);
          const all = m.map(() => true);
          expect(str(freeSpace(u.prefix, used))).toEqual(str(minimalPrefixes(u, minus(all, m))));
          const bits = u.prefix.bits + 8 - hostBits;
          expect(str(freePrefixes(u.prefix, used, bits, limit))).toEqual(str(freeBlocks(u, m, hostBits, limit)));
          expect(str(freePrefixes(u.prefix, used, bits))).toEqual(str(freeBlocks(u, m, hostBits)));
        },
      ),
    );
  });

  it("the allocator hands out the first free aligned block each time and never reuses space", () => {
    fc.assert(
      fc.property(items(u), fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 20 }), (used, requests) => {
        const alloc = new PrefixAllocator(u.prefix, used);
        let m = bitmapOf(u, used);
        for (const hostBits of requests) {
          const want = freeBlocks(u, m, hostBits, 1)[0];
          const got = alloc.allocate(u.prefix.bits + 8 - hostBits);
          expect(got?.toString()).toBe(want?.toString());
          if (got) m = or(m, bitmapOf(u, [got]));
        }
      }),
    );
  });
});

describe("sets of both families", () => {
  it.each([
    { name: "IPv4 sorts before IPv6", inputs: ["fd00::/64", "10.0.0.0/8"], prefixes: ["10.0.0.0/8", "fd00::/64"] },
    { name: "adjacent halves merge", inputs: ["10.0.0.128/25", "10.0.0.0/25"], prefixes: ["10.0.0.0/24"] },
    { name: "host bits are masked", inputs: ["10.0.0.5/24"], prefixes: ["10.0.0.0/24"] },
    { name: "the whole IPv4 space", inputs: ["0.0.0.0/1", "128.0.0.0/1"], prefixes: ["0.0.0.0/0"] },
    { name: "the whole IPv6 space", inputs: ["::/1", "8000::/1"], prefixes: ["::/0"] },
    {
      name: "the last IPv4 address",
      inputs: ["255.255.255.255/32", "255.255.255.254/32"],
      prefixes: ["255.255.255.254/31"],
    },
    {
      name: "the last IPv6 address",
      inputs: ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"],
      prefixes: ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"],
    },
    {
      name: "an IPv4-mapped prefix stays IPv6",
      inputs: ["::ffff:10.0.0.0/120", "10.0.0.0/24"],
      prefixes: ["10.0.0.0/24", "::ffff:10.0.0.0/120"],
    },
  ])("$name", ({ inputs, prefixes }) => {
    expect(str(addrSetOf(inputs.map(parsePrefix)).prefixes())).toEqual(prefixes);
  });

  it("sizes are exact bigints for the whole of both spaces", () => {
    const s = addrSetOf([parsePrefix("0.0.0.0/0"), parsePrefix("::/0")]);
    expect(s.size()).toBe((1n << 32n) + (1n << 128n));
    expect(s.contains(parsePrefix("::/0"))).toBe(true);
    expect(AddrSet.EMPTY.contains(Addr.of4(0))).toBe(false);
  });

  it("complementIn of a parent of the other family is the whole parent", () => {
    const s = addrSetOf([parsePrefix("10.0.0.0/8")]);
    expect(str(s.complementIn(parsePrefix("fd00::/127")).prefixes())).toEqual(["fd00::/127"]);
  });

  it("toJSON lists the minimal prefixes", () => {
    expect(JSON.stringify(addrSetOf([parsePrefix("10.0.0.0/25"), parsePrefix("10.0.0.128/25")]))).toBe(
      '["10.0.0.0/24"]',
    );
  });
});

describe("free-space errors", () => {
  const parent: Prefix = parsePrefix("10.0.0.0/16");
  it.each([
    { name: "shorter than the parent", bits: 8 },
    { name: "longer than IPv4 allows", bits: 33 },
    { name: "not an integer", bits: 24.5 },
  ])("freePrefixes refuses a length $name", ({ bits }) => {
    expect(() => freePrefixes(parent, [], bits)).toThrow(RangeError);
    expect(() => new PrefixAllocator(parent).allocate(bits)).toThrow(RangeError);
  });

  it("the allocator returns undefined once the parent is full", () => {
    const a = new PrefixAllocator(parsePrefix("10.0.0.0/30"));
    expect([a.allocate(31), a.allocate(31), a.allocate(32)].map(String)).toEqual([
      "10.0.0.0/31",
      "10.0.0.2/31",
      "undefined",
    ]);
  });
});
