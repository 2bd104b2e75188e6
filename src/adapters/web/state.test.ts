import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeState,
  decodeStateCompressed,
  DEFAULT_STATE,
  encodeState,
  encodeStateCompressed,
  EXAMPLE_PLAN,
  GENERATE_FORMATS,
  MAX_PLAN_TEXT,
  type PageState,
} from "./state.js";

const stateArb: fc.Arbitrary<PageState> = fc.record({
  planText: fc.string({ unit: "grapheme", maxLength: 400 }),
  compareSubnet: fc.string({ maxLength: 40 }),
  nodes: fc.integer({ min: 1, max: 5000 }),
  generateFormat: fc.constantFrom(...GENERATE_FORMATS),
});

describe("URL state", () => {
  it("decode(encode(s)) = s for every state", () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { state, problems } = decodeState(`#${encodeState(s)}`);
        expect(problems).toEqual([]);
        expect(state).toEqual(s);
      }),
    );
  });

  it("the default state encodes to the bare version", () => {
    expect(encodeState(DEFAULT_STATE)).toBe("v=1");
  });

  it("never throws on any fragment", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (f) => void decodeState(f)));
  });

  const bad: { name: string; fragment: string; problem: RegExp; field: keyof PageState }[] = [
    { name: "plan not base64url", fragment: "v=1&plan=%%%", problem: /not valid base64url/, field: "planText" },
    { name: "plan not UTF-8", fragment: "v=1&plan=_w", problem: /not valid base64url UTF-8/, field: "planText" },
    { name: "node count zero", fragment: "v=1&nodes=0", problem: /not a whole number from 1 to 5000/, field: "nodes" },
    { name: "node count text", fragment: "v=1&nodes=ten", problem: /'ten'/, field: "nodes" },
    {
      name: "unknown format",
      fragment: "v=1&gen=pulumi",
      problem: /not one of az, bicep, terraform/,
      field: "generateFormat",
    },
    {
      name: "subnet bad percent-encoding",
      fragment: "v=1&subnet=%E0%A4%A",
      problem: /percent-encoding/,
      field: "compareSubnet",
    },
    {
      name: "oversized link",
      fragment: `v=1&plan=${"A".repeat((MAX_PLAN_TEXT * 4) / 3 + 2048)}`,
      problem: /more than the 512 KiB/,
      field: "planText",
    },
  ];
  it.each(bad)("$name: reported, default used", ({ fragment, problem, field }) => {
    const { state, problems } = decodeState(fragment);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
    expect(state[field]).toEqual(DEFAULT_STATE[field]);
  });
});

describe("compressed links", () => {
  const stateArb2: fc.Arbitrary<PageState> = fc.record({
    planText: fc.string({ unit: "grapheme", maxLength: 400 }),
    compareSubnet: fc.string({ maxLength: 40 }),
    nodes: fc.integer({ min: 0, max: 5000 }),
    generateFormat: fc.constantFrom(...GENERATE_FORMATS),
  });

  it("decode(encode(s)) = s for every state, and links without compression still read", async () => {
    await fc.assert(
      fc.asyncProperty(stateArb2, async (s) => {
        for (const fragment of [await encodeStateCompressed(s), encodeState(s)]) {
          const { state, problems } = await decodeStateCompressed(`#${fragment}`);
          expect(problems).toEqual([]);
          expect(state).toEqual(s);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a 30-pool plan's link is under a quarter of its uncompressed form", async () => {
    const pools = Array.from(
      { length: 30 },
      (_, i) =>
        `  - name: pool${i}\n    mode: ${i ? "User" : "System"}\n    count: 3\n    maxCount: 20\n    maxPods: 110\n` +
        `    subnet: aks-nodes\n`,
    ).join("");
    const planText = EXAMPLE_PLAN.replace(/nodePools:[\s\S]*$/, `nodePools:\n${pools}`);
    const s = { ...DEFAULT_STATE, planText };
    const plain = encodeState(s).length;
    const packed = (await encodeStateCompressed(s)).length;
    expect(plain).toBeGreaterThan(4000);
    expect(packed * 4).toBeLessThan(plain);
  });

  it("refuses what is not compressed text, and a bomb that inflates past the limit, in one sentence", async () => {
    const bomb = await encodeStateCompressed({ ...DEFAULT_STATE, planText: "a".repeat(MAX_PLAN_TEXT) });
    // Inflate the same stream's bytes twice over the limit: the bomb is a valid stream of 1.5 MiB of 'a'.
    const big = await encodeStateCompressed({ ...DEFAULT_STATE, planText: "a".repeat(MAX_PLAN_TEXT * 3 + 10) });
    for (const [fragment, why] of [
      ["v=1&z=!!", /not valid compressed text/],
      ["v=1&z=AAAA", /does not inflate/],
      [big, /does not inflate to at most 512 KiB/],
    ] as const) {
      const { state, problems } = await decodeStateCompressed(fragment);
      expect(state.planText).toBe(DEFAULT_STATE.planText);
      expect(problems.join(" ")).toMatch(why);
    }
    expect((await decodeStateCompressed(bomb)).problems).toEqual([]);
  });
});
