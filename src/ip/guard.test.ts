/** guardArgs: the library's boundary for values built in code, checked only after the function throws. */
import { describe, expect, it } from "vitest";
import { guardArgs, type Param } from "./guard.js";

const SNAP: Param = { name: "snapshot", want: { pods: "list", nodes: [{ name: "text" }] }, words: "a snapshot" };
const pods = guardArgs("pods", [SNAP], (s: { pods: unknown[]; nodes: { name: string }[] }) => {
  if (s.nodes.some((n) => n.name === "bug")) throw new Error("a bug, not a bad value");
  return s.pods.length + s.nodes.map((n) => n.name.length).reduce((a, b) => a + b, 0);
});

describe("guardArgs", () => {
  it.each([
    { name: "a value that fits", arg: { pods: [1, 2], nodes: [{ name: "ab" }] }, want: 4 },
    { name: "a value that does not fit but works (never refused)", arg: { pods: [1], nodes: [] }, want: 1 },
  ])("returns what the function returns: $name", ({ arg, want }) => {
    expect(pods(arg as never)).toBe(want);
  });

  it.each([
    { name: "undefined", arg: undefined },
    { name: "a number", arg: 3 },
    { name: "a field missing", arg: { nodes: [] } },
    { name: "an item of the wrong shape", arg: { pods: [], nodes: [{ name: null }] } },
    { name: "an item that is not an object", arg: { pods: [], nodes: [null] } },
  ])("names the function, the argument and what to give: $name", ({ arg }) => {
    expect(() => pods(arg as never)).toThrow(RangeError);
    expect(() => pods(arg as never)).toThrow(/^pods's snapshot must be a snapshot, not [^\n]+$/);
  });

  it("rethrows an error from arguments that fit as it was", () => {
    expect(() => pods({ pods: [], nodes: [{ name: "bug" }] })).toThrow("a bug, not a bad value");
  });

  it("lets an optional argument be left out", () => {
    const f = guardArgs("f", [{ name: "x", want: "list", words: "a list", optional: true }], (x?: unknown[]) => {
      if (x === undefined) throw new Error("left out");
      return x.map(String);
    });
    expect(() => f()).toThrow("left out");
    expect(() => f(5 as never)).toThrow(/^f's x must be a list, not/);
  });
});
