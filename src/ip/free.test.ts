/**
 * The allocator's linked run lists against the plain answer: after any sequence
 * of requests, each allocation is the first free aligned block that
 * `freePrefixes` (checked against the bitmap oracle in set.test.ts) reports.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Addr } from "./addr.js";
import { PrefixAllocator, freePrefixes, freeSpace } from "./free.js";
import { addrSetOf } from "./set.js";
import type { Prefix } from "./prefix.js";
import { parsePrefix, prefixFrom } from "./prefix.js";
import { parseRange } from "./range.js";

const parent = parsePrefix("10.0.0.0/22");
/** Used prefixes crowded into the parent: /28 … /32, so free runs are many, small and unaligned. */
const used = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 1023 }), fc.integer({ min: 28, max: 32 }))
    .map(([i, bits]) => prefixFrom(Addr.of4(0x0a000000 + i), bits)),
  { maxLength: 250 },
);
/** Mostly tiny requests (which empty small runs) with some large ones. */
const requests = fc.array(fc.oneof(fc.integer({ min: 30, max: 32 }), fc.integer({ min: 23, max: 29 })), {
  minLength: 1,
  maxLength: 150,
});

describe("PrefixAllocator with many runs", () => {
  it("first fit, sequentially", () => {
    fc.assert(
      fc.property(used, requests, (u, reqs) => {
        const alloc = new PrefixAllocator(parent, u);
        const taken: Prefix[] = [...u];
        for (const bits of reqs) {
          const want = freePrefixes(parent, taken, bits, 1)[0];
          const got = alloc.allocate(bits);
          expect(got?.toString()).toBe(want?.toString());
          if (got) taken.push(got);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("takes the used space as an AddrSet too, with the same answers", () => {
    fc.assert(
      fc.property(used, requests, (u, reqs) => {
        const a = new PrefixAllocator(parent, u);
        const b = new PrefixAllocator(parent, addrSetOf(u));
        for (const bits of reqs) expect(b.allocate(bits)?.toString()).toBe(a.allocate(bits)?.toString());
        expect(freePrefixes(parent, addrSetOf(u), 26).map(String)).toEqual(freePrefixes(parent, u, 26).map(String));
        expect(freeSpace(parent, addrSetOf(u)).map(String)).toEqual(freeSpace(parent, u).map(String));
      }),
      { numRuns: 30 },
    );
  });

  it("keeps its place when runs empty and split", () => {
    // Free runs: .0/32, .4/30, .16/28 and .64/26.
    const taken = ["10.0.0.1/32", "10.0.0.2/31", "10.0.0.8/29", "10.0.0.32/27", "10.0.0.128/25"].map(parsePrefix);
    const a = new PrefixAllocator(parsePrefix("10.0.0.0/24"), taken);
    expect([a.allocate(30), a.allocate(32), a.allocate(30), a.allocate(30)].map(String)).toEqual([
      "10.0.0.4/30",
      "10.0.0.0/32",
      "10.0.0.16/30",
      "10.0.0.20/30",
    ]);
  });

  it("hands out a whole parent in order, then nothing", () => {
    const a = new PrefixAllocator(parsePrefix("10.0.0.0/22"));
    const got = Array.from({ length: 5 }, () => a.allocate(24)?.toString());
    expect(got).toEqual(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", undefined]);
    expect(a.allocate(32)).toBeUndefined();
  });

  it("works in IPv6, around used space", () => {
    const a = new PrefixAllocator(parsePrefix("fd00::/56"), [parsePrefix("fd00::/64"), parsePrefix("fd00:0:0:2::/63")]);
    expect([a.allocate(64), a.allocate(64), a.allocate(63)].map(String)).toEqual([
      "fd00:0:0:1::/64",
      "fd00:0:0:4::/64",
      "fd00:0:0:6::/63",
    ]);
  });
});

describe("freePrefixes without a limit lists at most 2^24 prefixes (found by the breaker: ::/0 in /128s hung)", () => {
  const p = parsePrefix;
  it.each([
    {
      name: "every /128 of ::/0",
      parent: "::/0",
      used: [],
      bits: 128,
      count: "340282366920938463463374607431768211456",
    },
    { name: "every /32 of 0.0.0.0/0", parent: "0.0.0.0/0", used: [], bits: 32, count: "4294967296" },
    { name: "the /32s left around a used /1", parent: "0.0.0.0/0", used: ["0.0.0.0/1"], bits: 32, count: "2147483648" },
    {
      name: "2^24 + 1 free /32s",
      parent: "10.0.0.0/7",
      used: ["10.0.0.0-10.255.255.254"],
      bits: 32,
      count: "16777217",
    },
    { name: "the /64s of a /39", parent: "fd00::/39", used: [], bits: 64, count: "33554432" },
  ])("$name: a RangeError naming the count", ({ parent, used, bits, count }) => {
    const call = () =>
      freePrefixes(
        p(parent),
        used.map((u) => (u.includes("-") ? parseRange(u) : p(u))),
        bits,
      );
    expect(call).toThrow(RangeError);
    expect(call).toThrow(
      `${parent} holds ${count} free /${bits} prefixes, more than the 16777216 listed without a limit`,
    );
  });

  it.each([
    { name: "a limit lists the first ones of a huge space", parent: "::/0", bits: 128, limit: 3, n: 3 },
    { name: "a limit past 2^24 is a limit like any other", parent: "10.0.0.0/8", bits: 24, limit: 2 ** 30, n: 65536 },
  ])("$name", ({ parent, bits, limit, n }) => {
    const got = freePrefixes(p(parent), [], bits, limit);
    expect(got).toHaveLength(n);
    expect(got[0]!.toString()).toBe(parent.replace(/\/\d+$/, `/${bits}`));
  });
});
