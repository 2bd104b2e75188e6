import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefixFrom, parsePrefix, addrFrom4, type Prefix } from "../../ip/index.js";
import { choosePodCidr, reservedAvoid, type Avoid } from "./pod-cidr.js";

const SPACE = ["10.244.0.0/16", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "10.0.0.0/8"].map(parsePrefix);

/** Oracle: every aligned /bits in the search space, in search order, checked one by one. */
function slowChoose(bits: number, avoid: readonly Prefix[]): Prefix | undefined {
  const def = SPACE[0]!;
  const parents = [bits <= 16 ? prefixFrom(def.addr, bits).masked() : def, ...SPACE.slice(1)];
  for (const parent of parents) {
    if (parent.bits > bits) continue;
    const step = 2 ** (32 - bits);
    const start = parent.addr.v4;
    for (let i = 0; i < 2 ** (bits - parent.bits); i++) {
      const p = prefixFrom(addrFrom4(start + i * step), bits);
      if (!avoid.some((a) => a.overlaps(p))) return p;
    }
  }
  return undefined;
}

const arbPrefix = fc
  .tuple(fc.constantFrom(...SPACE), fc.integer({ min: 0, max: 2 ** 24 - 1 }), fc.integer({ min: 6, max: 24 }))
  .map(([parent, offset, bits]) =>
    prefixFrom(addrFrom4((parent.addr.v4 + (offset % Number(parent.size()))) >>> 0), bits).masked(),
  );

describe("choosePodCidr", () => {
  it("picks the first free aligned prefix, like checking every candidate in order", () => {
    fc.assert(
      fc.property(fc.array(arbPrefix, { maxLength: 12 }), fc.integer({ min: 14, max: 20 }), (used, bits) => {
        const avoid: Avoid[] = [...used.map((prefix) => ({ prefix, what: "x" })), ...reservedAvoid()];
        const got = choosePodCidr(bits, avoid);
        const want = slowChoose(
          bits,
          avoid.map((a) => a.prefix),
        );
        expect(got?.toString()).toBe(want?.toString());
        if (got) {
          expect(got.bits).toBe(bits);
          expect(avoid.some((a) => a.prefix.overlaps(got))).toBe(false);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it.each([
    { name: "empty plan: the AKS default grown to size", used: [], bits: 14, want: "10.244.0.0/14" },
    { name: "default taken: RFC 6598 next", used: ["10.244.0.0/16"], bits: 16, want: "100.64.0.0/16" },
    { name: "everything taken: none", used: ["0.0.0.0/0"], bits: 16, want: undefined },
  ])("$name", ({ used, bits, want }) => {
    expect(
      choosePodCidr(
        bits,
        used.map((c) => ({ prefix: parsePrefix(c), what: "x" })),
      )?.toString(),
    ).toBe(want);
  });
});
