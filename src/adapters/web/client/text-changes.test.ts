import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeOf, changesOf, lineHunks, type TextChange } from "./text-changes.js";

/** `from` with the change applied: the oracle is plain string slicing. */
function apply(from: string, change: TextChange): string {
  return from.slice(0, change.from) + change.insert + from.slice(change.to);
}

/** `from` with changes applied, positions in `from` (as CodeMirror reads a list of changes): from the last one. */
function applyAll(from: string, changes: readonly TextChange[]): string {
  return changes.reduceRight(apply, from);
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
        const change = changeOf(a, b);
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

/** A plan-like text: a head, `n` subnet lines and pools, some lines changed by `edit`. */
const planLike = (n: number, edit: (line: string, i: number) => string | undefined) =>
  Array.from({ length: n }, (_, i) => edit(`  - { name: snet-${i}, cidr: 10.0.${i}.0/24 }`, i))
    .filter((l) => l !== undefined)
    .join("\n") + "\n";

describe("changesOf: the groups of changed lines a page write changes", () => {
  const far = planLike(200, (l) => l);
  it.each([
    { name: "same text", a: "x\n", b: "x\n", changes: [] },
    { name: "one value", a: "count: 3\nmax: 9\n", b: "count: 7\nmax: 9\n", changes: [{ from: 7, to: 8, insert: "7" }] },
    { name: "from empty", a: "", b: "a\nb", changes: [{ from: 0, to: 0, insert: "a\nb" }] },
    { name: "to empty", a: "a\nb", b: "", changes: [{ from: 0, to: 3, insert: "" }] },
    { name: "a last line without a break", a: "x", b: "x\ny", changes: [{ from: 1, to: 1, insert: "\ny" }] },
    {
      name: "two far-apart lines: two changes",
      a: "a: 1\nb\nc\nd\ne: 1\n",
      b: "a: 2\nb\nc\nd\ne: 2\n",
      changes: [
        { from: 3, to: 4, insert: "2" },
        { from: 14, to: 15, insert: "2" },
      ],
    },
    {
      name: "a line out at the top, one in at the bottom",
      a: "p\nq\nr\ns\n",
      b: "q\nr\ns\nt\n",
      changes: [
        { from: 0, to: 2, insert: "" },
        { from: 8, to: 8, insert: "t\n" },
      ],
    },
  ])("$name", ({ a, b, changes }) => {
    expect(changesOf(a, b)).toEqual(changes);
    expect(applyAll(a, changesOf(a, b))).toBe(b);
  });

  it("a model switch's shape (the top and every pool): the lines between are not in any change", () => {
    const b = planLike(200, (l, i) => (i === 3 ? undefined : i % 20 === 19 ? `${l}\n    podSubnet: x` : l));
    const changes = changesOf(far, b);
    expect(applyAll(far, changes)).toBe(b);
    expect(changes).toHaveLength(11);
    expect(changes.reduce((n, c) => n + (c.to - c.from) + c.insert.length, 0)).toBeLessThan(300);
  });

  it("past the limit of changed lines: one change", () => {
    const b = planLike(1000, (l) => l.replace("snet", "subnet"));
    const a = planLike(1000, (l) => l);
    expect(changesOf(a, b)).toEqual([changeOf(a, b)]);
  });

  it("law: the changes, applied to the old text, give the new one; in order, apart, each a real difference", () => {
    const text = fc.array(fc.constantFrom("a\n", "b\n", "c\n", "ab\n", "a", "\n"), { maxLength: 30 });
    fc.assert(
      fc.property(text, text, (x, y) => {
        const [a, b] = [x.join(""), y.join("")];
        const changes = changesOf(a, b);
        expect(applyAll(a, changes)).toBe(b);
        for (const [i, c] of changes.entries()) {
          expect(c.to > c.from || c.insert.length > 0).toBe(true);
          if (i > 0) expect(c.from).toBeGreaterThan(changes[i - 1]!.to);
        }
      }),
    );
  });

  it("law: the line groups are a shortest edit script (oracle: an LCS by dynamic programming)", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let i = a.length - 1; i >= 0; i--)
          for (let j = b.length - 1; j >= 0; j--)
            lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
        const hunks = lineHunks(a, b, 100)!;
        const edits = hunks.reduce((n, h) => n + (h.aEnd - h.a) + (h.bEnd - h.b), 0);
        expect(edits).toBe(a.length + b.length - 2 * lcs[0]![0]!);
        // Outside the hunks the lines are equal, pairwise.
        let [i, j] = [0, 0];
        for (const h of [...hunks, { a: a.length, aEnd: a.length, b: b.length, bEnd: b.length }]) {
          expect(h.a - i).toBe(h.b - j);
          for (; i < h.a; i++, j++) expect(a[i]).toBe(b[j]);
          [i, j] = [h.aEnd, h.bEnd];
        }
      }),
    );
  });
});
