import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatDay } from "./count-text.js";

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

describe("formatDay", () => {
  it.each([
    { name: "a retirement date", iso: "2028-03-31", text: "31 March 2028" },
    { name: "the first of a month (no leading zero)", iso: "2025-09-01", text: "1 September 2025" },
    { name: "a leap day", iso: "2028-02-29", text: "29 February 2028" },
  ])("$name", ({ iso, text }) => expect(formatDay(iso)).toBe(text));

  it.each(["2028-3-31", "2028-13-01", "31 March 2028", ""])("refuses %j, naming it", (iso) =>
    expect(() => formatDay(iso)).toThrow(JSON.stringify(iso)),
  );

  it("law: equals toLocaleDateString('en-GB', day month year, UTC) for every day from 1970 to 2200", () => {
    const oracle = (d: Date) =>
      d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 84_000 }), (days) => {
        const d = new Date(days * 86_400_000);
        return formatDay(d.toISOString().slice(0, 10)) === oracle(d);
      }),
    );
  });
});
