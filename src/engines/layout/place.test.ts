/**
 * Subnet placement: named cases for the documented behaviour, and laws against a
 * slow oracle (a bitmap of a /24 filled largest first, block by block).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Addr, parsePrefix, prefixFrom, type Prefix } from "../../ip/index.js";
import { placeSubnets, type PlacementRequest } from "./place.js";

const p = parsePrefix;
const req = (id: string, bits: number, growthBits = 0): PlacementRequest => ({ id, bits, growthBits, family: 4 });
const shown = (r: ReturnType<typeof placeSubnets>) =>
  Object.fromEntries(r.placements.map((x) => [x.id, `${String(x.prefix)} grow ${String(x.canGrowTo)}`]));

describe("placeSubnets: cases", () => {
  const cases: {
    name: string;
    spaces: string[];
    taken?: string[];
    requests: PlacementRequest[];
    placed: Record<string, string>;
    unplaced?: string[];
    offered?: number;
  }[] = [
    {
      name: "largest first, aligned, in address order",
      spaces: ["10.0.0.0/20"],
      requests: [req("api", 28), req("nodes", 22), req("agc", 24)],
      placed: {
        nodes: "10.0.0.0/22 grow 10.0.0.0/22",
        agc: "10.0.4.0/24 grow 10.0.4.0/24",
        api: "10.0.5.0/28 grow 10.0.5.0/27",
      },
    },
    {
      name: "room to grow is kept: each subnet gets the block twice its size",
      spaces: ["10.0.0.0/20"],
      requests: [req("nodes", 22, 1), req("agc", 24, 1), req("api", 28, 1)],
      placed: {
        nodes: "10.0.0.0/22 grow 10.0.0.0/21",
        agc: "10.0.8.0/24 grow 10.0.8.0/23",
        api: "10.0.10.0/28 grow 10.0.10.0/27",
      },
      offered: 1,
    },
    {
      name: "existing subnets and connected ranges stay: new ones go around them",
      spaces: ["10.0.0.0/20"],
      taken: ["10.0.0.0/24", "10.0.4.0/22"],
      requests: [req("nodes", 22)],
      placed: { nodes: "10.0.8.0/22 grow 10.0.8.0/21" },
    },
    {
      name: "less room for everyone when the room asked does not fit",
      spaces: ["10.0.0.0/22"],
      requests: [req("a", 23, 1), req("b", 24, 1)],
      placed: { a: "10.0.0.0/23 grow 10.0.0.0/23", b: "10.0.2.0/24 grow 10.0.2.0/23" },
      offered: 0,
    },
    {
      name: "a request larger than every space is reported, the rest placed",
      spaces: ["10.0.0.0/24"],
      requests: [req("huge", 16), req("small", 28)],
      placed: { small: "10.0.0.0/28 grow 10.0.0.0/27" },
      unplaced: ["huge"],
    },
    {
      name: "no room at all: reported, never thrown",
      spaces: ["10.0.0.0/24"],
      taken: ["10.0.0.0/24"],
      requests: [req("x", 28)],
      placed: {},
      unplaced: ["x"],
    },
    {
      name: "the second space takes what the first cannot hold",
      spaces: ["10.0.0.0/24", "10.1.0.0/16"],
      requests: [req("big", 20), req("small", 26)],
      placed: { big: "10.1.0.0/20 grow 10.1.0.0/19", small: "10.0.0.0/26 grow 10.0.0.0/25" },
    },
    {
      name: "host bits in a space are masked",
      spaces: ["10.0.0.77/24"],
      requests: [req("x", 26)],
      placed: { x: "10.0.0.0/26 grow 10.0.0.0/25" },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = placeSubnets(c.spaces.map(p), (c.taken ?? []).map(p), c.requests);
      expect(shown(r)).toEqual(c.placed);
      expect(r.unplaced.map((u) => u.id)).toEqual(c.unplaced ?? []);
      if (c.offered !== undefined) expect(r.growthBitsOffered).toBe(c.offered);
    });

  it("IPv6 requests go only into IPv6 spaces", () => {
    const r = placeSubnets(
      [p("10.0.0.0/24"), p("fd00::/56")],
      [],
      [req("v4", 26), { id: "v6", bits: 64, growthBits: 0, family: 6 }],
    );
    expect(shown(r)).toEqual({ v4: "10.0.0.0/26 grow 10.0.0.0/25", v6: "fd00::/64 grow fd00::/63" });
    const none = placeSubnets([p("10.0.0.0/24")], [], [{ id: "v6", bits: 64, growthBits: 0, family: 6 }]);
    expect(none.unplaced).toEqual([{ id: "v6", bits: 64, reason: "no-space-of-family" }]);
  });

  it.each([
    { name: "a length outside the family", bad: req("x", 33), problem: "request x: /33 is not an IPv4 prefix length" },
    { name: "negative growth", bad: req("x", 24, -1), problem: "request x: growthBits -1 must be a whole number ≥ 0" },
    { name: "NaN length", bad: req("x", Number.NaN), problem: "request x: /NaN is not an IPv4 prefix length" },
    {
      name: "an unknown family",
      bad: { id: "x", bits: 24, growthBits: 0, family: 5 as 4 },
      problem: "request x: family 5 is neither 4 nor 6",
    },
  ])("$name is reported as unplaced, and the valid requests are still placed", ({ bad, problem }) => {
    const r = placeSubnets([p("10.0.0.0/8")], [], [bad, req("ok", 24)]);
    expect(r.unplaced).toEqual([{ id: "x", bits: bad.bits, reason: "invalid-request", problem }]);
    expect(shown(r)).toEqual({ ok: "10.0.0.0/24 grow 10.0.0.0/23" });
  });

  it("ends at once for growth far beyond the space (a billion bits)", () => {
    const r = placeSubnets([p("10.0.0.0/24")], [], [req("x", 26, 1e9)]);
    expect(r.unplaced).toEqual([]);
    expect(r.passes).toBeLessThanOrEqual(27);
  });
});

/** The oracle: a bitmap of the /24, filled by decreasing size, each at the lowest free aligned block. */
function oraclePlacesAll(taken: readonly Prefix[], bits: readonly number[]): boolean {
  const used = new Array<boolean>(256).fill(false);
  for (const t of taken) {
    const lo = t.addr.v4 & 0xff & ~((1 << (32 - t.bits)) - 1);
    for (let i = lo; i < lo + 2 ** (32 - t.bits); i++) used[i] = true;
  }
  for (const b of [...bits].sort((x, y) => x - y)) {
    const size = 2 ** (32 - b);
    let found = -1;
    for (let s = 0; s + size <= 256 && found < 0; s += size) {
      if (used.slice(s, s + size).every((u) => !u)) found = s;
    }
    if (found < 0) return false;
    for (let i = found; i < found + size; i++) used[i] = true;
  }
  return true;
}

describe("placeSubnets: laws", () => {
  const space = p("10.0.0.0/24");
  const takenArb = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 27, max: 32 }))
      .map(([i, b]) => prefixFrom(Addr.of4(0x0a000000 + i), b).masked()),
    { maxLength: 12 },
  );
  const reqArb = fc.array(fc.tuple(fc.integer({ min: 25, max: 32 }), fc.integer({ min: 0, max: 3 })), {
    minLength: 1,
    maxLength: 12,
  });

  it("placements are inside the space, aligned, disjoint from each other and from what is taken", () => {
    fc.assert(
      fc.property(takenArb, reqArb, (taken, rs) => {
        const requests = rs.map(([b, g], i) => req(`r${i}`, b, g));
        const r = placeSubnets([space], taken, requests);
        expect(r.placements.length + r.unplaced.length).toBe(requests.length);
        for (const x of r.placements) {
          expect(space.contains(x.prefix)).toBe(true);
          expect(x.prefix.isMasked()).toBe(true);
          expect(x.prefix.bits).toBe(requests.find((q) => q.id === x.id)!.bits);
          expect(taken.some((t) => t.overlaps(x.prefix))).toBe(false);
          expect(r.placements.some((o) => o !== x && o.prefix.overlaps(x.prefix))).toBe(false);
          expect(x.canGrowTo.contains(x.prefix)).toBe(true);
          expect(taken.some((t) => t.overlaps(x.canGrowTo))).toBe(false);
          expect(r.placements.some((o) => o !== x && o.prefix.overlaps(x.canGrowTo))).toBe(false);
        }
      }),
    );
  });

  it("whatever fits without room to grow is placed", () => {
    fc.assert(
      fc.property(takenArb, reqArb, (taken, rs) => {
        const requests = rs.map(([b, g], i) => req(`r${i}`, b, g));
        const r = placeSubnets([space], taken, requests);
        if (
          oraclePlacesAll(
            taken,
            rs.map(([b]) => b),
          )
        )
          expect(r.unplaced).toEqual([]);
      }),
    );
  });
});
