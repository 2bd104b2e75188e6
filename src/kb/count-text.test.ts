import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount } from "./count-text.js";

describe("formatCount", () => {
  it.each([
    { name: "zero", n: 0, text: "0" },
    { name: "below a thousand", n: 999, text: "999" },
    { name: "a thousand", n: 1000, text: "1,000" },
    { name: "negative", n: -1234567, text: "-1,234,567" },
    { name: "largest safe integer", n: Number.MAX_SAFE_INTEGER, text: "9,007,199,254,740,991" },
    { name: "a fraction", n: 1234.5, text: "1,234.5" },
    { name: "negative zero", n: -0, text: "-0" },
    { name: "a bigint", n: 2n ** 64n, text: "18,446,744,073,709,551,616" },
  ])("$name", ({ n, text }) => expect(formatCount(n)).toBe(text));

  it("law: equals toLocaleString('en-US') for every number and bigint", () => {
    fc.assert(fc.property(fc.double(), (n) => formatCount(n) === n.toLocaleString("en-US")));
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => formatCount(n) === n.toLocaleString("en-US")));
    fc.assert(fc.property(fc.bigInt(), (n) => formatCount(n) === n.toLocaleString("en-US")));
  });
});
