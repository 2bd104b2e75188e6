/**
 * Fuzz and laws for the used-space importers: any text or JSON gives a UsedSpace
 * of masked, valid prefixes or one UsedSpaceError sentence naming the file, never
 * another exception; NetBox's available prefixes and the used space they imply
 * partition the pools (checked address by address against a slow oracle).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrefix } from "../../../ip/index.js";
import { readUsedSpace, UsedSpaceError, USED_FORMATS, type UsedFormat } from "./index.js";

function outcome(text: string, format: UsedFormat = "auto"): "read" | "refused" {
  try {
    const u = readUsedSpace(text, "fuzz.json", { format });
    for (const p of u.prefixes) {
      const parsed = parsePrefix(p.cidr);
      expect(parsed.isMasked()).toBe(true);
      expect(parsed.toString()).toBe(p.cidr);
      expect(typeof p.source).toBe("string");
    }
    for (const n of u.notes) expect(n.split("\n")).toHaveLength(1);
    return "read";
  } catch (e) {
    expect(e).toBeInstanceOf(UsedSpaceError);
    const m = (e as Error).message;
    expect(m.includes("fuzz.json")).toBe(true);
    expect(m.split("\n")).toHaveLength(1);
    return "refused";
  }
}

const cidrish = fc.oneof(
  fc.constantFrom(
    "10.0.0.0/8",
    "10.1.2.3/24",
    "0.0.0.0/0",
    "fd00::/8",
    "10.0.0.0/33",
    "",
    " 10.0.0.0/16 ",
    "x",
    "1.2.3.4",
  ),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(40)).map(([a, b, n]) => `${a}.${b}.0.0/${n}`),
  fc.jsonValue({ maxDepth: 1 }),
);
const list = (arb: fc.Arbitrary<unknown>) => fc.array(arb, { maxLength: 6 });

const shaped = fc.oneof(
  // AVNM
  fc.record(
    {
      addressPrefixes: list(cidrish),
      allocatedAddressPrefixes: fc.oneof(list(cidrish), fc.jsonValue({ maxDepth: 1 })),
      availableAddressPrefixes: list(cidrish),
      reservedAddressPrefixes: list(cidrish),
      childPools: list(
        fc.record(
          { resourceId: fc.oneof(fc.string(), fc.constant(null)), addressPrefixes: list(cidrish) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  // Azure IPAM spaces and blocks
  list(
    fc.record(
      {
        name: fc.string(),
        blocks: list(
          fc.record(
            {
              name: fc.oneof(fc.string(), fc.nat()),
              cidr: cidrish,
              vnets: list(
                fc.oneof(
                  fc.record({ name: fc.string(), id: fc.string(), prefixes: list(cidrish) }),
                  fc.jsonValue({ maxDepth: 1 }),
                ),
              ),
              externals: list(fc.record({ name: fc.string(), cidr: cidrish }, { requiredKeys: [] })),
              resv: list(
                fc.record(
                  {
                    id: fc.string(),
                    cidr: cidrish,
                    settledOn: fc.oneof(fc.constant(null), fc.nat()),
                    createdOn: fc.nat(),
                  },
                  { requiredKeys: [] },
                ),
              ),
            },
            { requiredKeys: ["cidr"] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
  ),
  // NetBox
  fc.record({
    count: fc.nat(),
    next: fc.oneof(fc.constant(null), fc.string()),
    results: list(
      fc.record(
        { id: fc.nat(), prefix: cidrish, status: fc.jsonValue({ maxDepth: 1 }), vrf: fc.jsonValue({ maxDepth: 2 }) },
        { requiredKeys: [] },
      ),
    ),
  }),
  list(fc.record({ family: fc.constantFrom(4, 6), prefix: cidrish, vrf: fc.constant(null) })),
  // scan
  fc.record({
    summary: fc.jsonValue({ maxDepth: 1 }),
    clusters: list(fc.jsonValue({ maxDepth: 3 })),
    subnets: list(fc.record({ name: fc.string(), prefixes: list(cidrish) }, { requiredKeys: [] })),
    missing: list(fc.jsonValue({ maxDepth: 2 })),
  }),
  // lists
  list(cidrish),
  fc.jsonValue({ maxDepth: 4 }),
);

describe("readUsedSpace fuzz", () => {
  it("any JSON of the known shapes, in any stated format: a UsedSpace or one sentence", () => {
    fc.assert(
      fc.property(shaped, fc.constantFrom(...USED_FORMATS), (v, format) => {
        outcome(JSON.stringify(v), format);
      }),
      { numRuns: 600 },
    );
  });

  it("any text: a UsedSpace or one sentence", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        outcome(t);
      }),
      { numRuns: 400 },
    );
  });

  it("hostile sizes: deep nesting, many entries, long lines", () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    expect(outcome(deep)).toBe("refused");
    const deepObj = '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000);
    expect(outcome(deepObj)).toBe("refused");
    const many = Array.from({ length: 100_000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`);
    const u = readUsedSpace(many.join("\n"), "fuzz.json");
    expect(u.prefixes).toHaveLength(65_536);
    expect(outcome("#".repeat(1_000_000))).toBe("refused");
    const avail = Array.from({ length: 5_000 }, (_, i) => ({
      family: 4,
      prefix: `10.${i >> 8}.${i & 255}.0/25`,
      vrf: null,
    }));
    const implied = readUsedSpace(JSON.stringify(avail), "fuzz.json");
    expect(implied.prefixes.length).toBeGreaterThan(5_000);
  });
});

/** Slow oracle: is the IPv4 address (as a number) inside the prefix? */
function within(addr: number, cidr: string): boolean {
  const [a, b] = cidr.split("/");
  const base = a!.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(b));
  return addr >= base && addr < base + size;
}

describe("NetBox available prefixes: law", () => {
  it("an address of the pools is used exactly when it is not available", () => {
    const prefix = fc.tuple(fc.nat(15), fc.integer({ min: 12, max: 28 })).map(([k, bits]) => {
      const p = parsePrefix(`10.${k * 16}.0.0/${bits}`);
      return p.masked().toString();
    });
    fc.assert(
      fc.property(
        fc.array(prefix, { minLength: 1, maxLength: 8 }),
        fc.array(prefix, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(2 ** 24 - 1), { minLength: 20, maxLength: 40 }),
        (free, pools, offsets) => {
          const text = JSON.stringify(free.map((p) => ({ family: 4, prefix: p, vrf: null })));
          const used = readUsedSpace(text, "a.json", { within: pools }).prefixes.map((p) => p.cidr);
          for (const off of offsets) {
            const addr = 10 * 2 ** 24 + off;
            const inPools = pools.some((p) => within(addr, p));
            const isFree = free.some((p) => within(addr, p));
            const isUsed = used.some((p) => within(addr, p));
            expect(isUsed).toBe(inPools && !isFree);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
