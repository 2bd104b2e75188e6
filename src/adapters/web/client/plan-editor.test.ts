import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeOf } from "./plan-editor.js";

/** `from` with the change applied: the oracle is plain string slicing. */
function apply(from: string, change: { from: number; to: number; insert: string }): string {
  return from.slice(0, change.from) + change.insert + from.slice(change.to);
}

describe("changeOf: the part of the editor's text that a page write changes", () => {
  it.each([
    { name: "same text", a: "count: 3\n", b: "count: 3\n", change: { from: 9, to: 9, insert: "" } },
    { name: "one value", a: "count: 3\nmax: 9\n", b: "count: 7\nmax: 9\n", change: { from: 7, to: 8, insert: "7" } },
    { name: "from empty", a: "", b: "name: x\n", change: { from: 0, to: 0, insert: "name: x\n" } },
    { name: "to empty", a: "name: x\n", b: "", change: { from: 0, to: 8, insert: "" } },
    { name: "a line added", a: "a\nc\n", b: "a\nb\nc\n", change: { from: 2, to: 2, insert: "b\n" } },
    { name: "repeated text", a: "aaa", b: "aaaa", change: { from: 3, to: 3, insert: "a" } },
  ])("$name", ({ a, b, change }) => {
    expect(changeOf(a, b)).toEqual(change);
  });

  it("law: applied to the old text it gives the new one, and it keeps the longest common head and tail", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "\n") }), fc.string(), (a, b) => {
        const change = changeOf(a, b) as { from: number; to: number; insert: string };
        expect(apply(a, change)).toBe(b);
        expect(change.from).toBeGreaterThanOrEqual(0);
        expect(change.to).toBeGreaterThanOrEqual(change.from);
        // The common head is kept whole: where both sides still have text, the change starts with a difference.
        if (change.insert.length > 0 && change.to > change.from) expect(a[change.from]).not.toBe(change.insert[0]);
        // So is the common tail, as far as the head leaves it.
        const tail = a.length - change.to;
        expect(a.slice(a.length - tail)).toBe(b.slice(b.length - tail));
      }),
    );
  });
});
