/** JSON output: the fast paths give what the slow, obvious forms give. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonData, renderJson } from "./json.js";

const oracleData = (v: unknown) =>
  JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x === undefined ? null : x)) ?? "null") as unknown;
const oracleRender = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x), 2) + "\n";

describe("jsonData", () => {
  it("is JSON's round trip with undefined as null (law, any JSON-like value with undefined)", () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.boolean(),
        fc.string(),
        fc.double(),
        fc.constant(Number.NaN),
      ),
      node: fc.oneof(
        { depthSize: "small" },
        tie("leaf"),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonData(v)).toStrictEqual(oracleData(v));
      }),
    );
  });

  it.each([
    { name: "an absent field is null", v: { a: undefined, b: 1 }, want: { a: null, b: 1 } },
    { name: "a function in an object is dropped", v: { f: () => 1, b: 1 }, want: { b: 1 } },
    { name: "a function in a list is null", v: [() => 1], want: [null] },
    { name: "toJSON is honoured", v: { d: new Date(0) }, want: { d: "1970-01-01T00:00:00.000Z" } },
    { name: "infinity is null", v: [Number.POSITIVE_INFINITY], want: [null] },
    // eslint-disable-next-line no-sparse-arrays -- a hole is the case
    { name: "a hole in a list is null", v: [1, , 3], want: [1, null, 3] },
    {
      name: "a key __proto__ stays a key",
      v: JSON.parse('{"__proto__": {"x": 1}}') as unknown,
      want: JSON.parse('{"__proto__": {"x": 1}}') as unknown,
    },
  ])("$name", ({ v, want }) => {
    expect(jsonData(v)).toEqual(want);
    expect(jsonData(v)).toEqual(oracleData(v));
  });
});

describe("renderJson", () => {
  it.each([
    { name: "plain values", v: { a: [1, "x", null], b: { c: true } } },
    { name: "a bigint as its decimal text", v: { n: 2n ** 70n, m: [1n] } },
    { name: "nothing at all", v: undefined },
  ])("$name: as with the replacer", ({ v }) => {
    expect(renderJson(v)).toBe(oracleRender(v));
  });
});
