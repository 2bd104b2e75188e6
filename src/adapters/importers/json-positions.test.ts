import { describe, expect, it } from "vitest";
import { JsonPositions } from "./json-positions.js";

const TEXT = `{
  "a": { "b": [10, {"c": "x\\"y"}, [1, 2]] },
  "we\\"ird": true,
  "list": [ "p" , "q" ]
}`;

describe("JsonPositions", () => {
  it.each([
    { name: "root", path: [], at: { line: 1, column: 1 } },
    { name: "an object member points at its key", path: ["a"], at: { line: 2, column: 3 } },
    { name: "an array item points at the item", path: ["a", "b", 1], at: { line: 2, column: 20 } },
    { name: "inside an object in an array", path: ["a", "b", 1, "c"], at: { line: 2, column: 21 } },
    { name: "a nested array item", path: ["a", "b", 2, 1], at: { line: 2, column: 39 } },
    { name: "an escaped key", path: ['we"ird'], at: { line: 3, column: 3 } },
    { name: "item after spaces and commas", path: ["list", 1], at: { line: 4, column: 19 } },
    { name: "a missing key: the deepest ancestor", path: ["a", "zzz"], at: { line: 2, column: 3 } },
    { name: "an index past the end: the array's key", path: ["list", 5], at: { line: 4, column: 3 } },
  ])("$name", ({ path, at }) => {
    expect(new JsonPositions(TEXT).position(path)).toEqual(at);
  });

  it("agrees with a slow oracle on every member of a generated document", () => {
    const doc = {
      items: Array.from({ length: 200 }, (_, i) => ({ name: `n${i}`, cidr: `10.${i}.0.0/16`, tags: [i, `t"${i}`] })),
    };
    const text = JSON.stringify(doc, null, 2);
    const p = new JsonPositions(text);
    const lines = text.split("\n");
    for (let i = 0; i < 200; i += 7) {
      const { line, column } = p.position(["items", i, "cidr"]);
      expect(lines[line - 1]!.slice(column - 1)).toBe(`"cidr": "10.${i}.0.0/16",`);
    }
  });
});
