import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { MAX_YAML_DEPTH, yamlTooDeep } from "./syntax-words.js";

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("yamlTooDeep: deep nesting is refused before a parser recurses into it", () => {
  it.each([
    { name: "a plain plan", text: "name: aks\nnetwork:\n  podCidrs: [10.244.0.0/16]\n", deep: false },
    { name: "flow lists at the limit", text: `a: ${deep(MAX_YAML_DEPTH)}\n`, deep: false },
    { name: "flow lists one past the limit", text: `a: ${deep(MAX_YAML_DEPTH + 1)}\n`, deep: true },
    { name: "flow maps past the limit", text: `${"{a: ".repeat(300)}1${"}".repeat(300)}`, deep: true },
    { name: "brackets in a double-quoted string", text: `a: "${"[".repeat(1000)}"\n`, deep: false },
    { name: "brackets in a single-quoted string", text: `a: '${"{".repeat(1000)}'\n`, deep: false },
    { name: "an escaped quote does not end the string", text: `a: "\\"${"[".repeat(1000)}"\n`, deep: false },
    { name: "brackets in a comment", text: `a: 1 # ${"[".repeat(1000)}\n`, deep: false },
    { name: "closed brackets do not add up", text: `${"a: [[[]]]\n".repeat(1000)}`, deep: false },
    {
      name: "block mappings indented one space a level",
      text: Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k${i}:\n`).join(""),
      deep: true,
    },
    { name: "compact sequences (- - - x)", text: `${"- ".repeat(200)}x\n`, deep: true },
  ])("$name", ({ text, deep: want }) => {
    expect(yamlTooDeep(text) !== -1).toBe(want);
  });

  it("text just under the limit parses with the yaml package (the limit leaves it stack to spare)", () => {
    const text = `a: ${deep(MAX_YAML_DEPTH - 4)}\n`;
    expect(yamlTooDeep(text)).toBe(-1);
    expect(parseDocument(text).errors).toEqual([]);
  });
});
