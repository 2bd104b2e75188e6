/**
 * A JSON key given twice in one object: found in one linear scan (law against the generator's own knowledge of
 * where it repeated a key), refused in the formats a person writes (an aksnet plan, an ARM deployment template) as
 * YAML refuses it, and noted in tool output, which is read as JSON.parse reads it (the last one wins).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstDuplicateKey } from "./json-duplicates.js";
import { loadPlanFiles, PlanLoadError } from "./load.js";

type Json = null | number | string | Json[] | { entries: [string, Json][] };

/** Writes a key as JSON text, sometimes with every character escaped (`\u0061` is the key "a"). */
const keyText = (k: string, escaped: boolean) =>
  escaped
    ? `"${[...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"`
    : JSON.stringify(k);

/** The JSON text and the first repeated key in text order, as the writer knows it. */
function write(v: Json, escaped: boolean): { text: string; dup?: string } {
  let dup: string | undefined;
  const go = (x: Json): string => {
    if (x === null || typeof x !== "object") return JSON.stringify(x);
    if (Array.isArray(x)) return `[${x.map(go).join(", ")}]`;
    const seen = new Set<string>();
    const parts = x.entries.map(([k, val]) => {
      const key = keyText(k, escaped);
      if (seen.has(k) && dup === undefined) dup = k;
      seen.add(k);
      return `${key}:\n ${go(val)}`;
    });
    return `{${parts.join(",\n")}}`;
  };
  const text = go(v);
  return dup === undefined ? { text } : { text, dup };
}

const key = fc.constantFrom("a", "b", "name", '"q"', "\\", "{", "}", ":", "é", "__proto__", "");
const json: fc.Arbitrary<Json> = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, 1, "x", "{", '"}:', "\\"),
    fc.array(tie("node"), { maxLength: 4 }),
    fc.record({ entries: fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }) }),
  ),
})).node;

describe("firstDuplicateKey", () => {
  it("finds the first key repeated within one object, and only that (law vs the writer)", () => {
    fc.assert(
      fc.property(json, fc.boolean(), (v, escaped) => {
        const { text, dup } = write(v, escaped);
        expect(firstDuplicateKey(text)?.key).toBe(dup);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    { name: "100,000 keys, the last one repeated", n: 100_000, nested: false },
    { name: "100,000 objects nested, a key repeated in the innermost", n: 100_000, nested: true },
  ])("$name: one linear scan", ({ n, nested }) => {
    const text = nested
      ? `${'{"k": '.repeat(n)}{"a": 1, "a": 2}${"}".repeat(n)}`
      : `{${Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(", ")}, "k${n - 1}": 0}`;
    expect(firstDuplicateKey(text)?.key).toBe(nested ? "a" : `k${n - 1}`);
  });

  it.each([
    { name: "the same key in two objects", text: '[{"a": 1}, {"a": 2}]', want: undefined },
    { name: "a value equal to a key", text: '{"a": "a", "b": "a"}', want: undefined },
    { name: "a key and its escaped spelling", text: '{"a": 1, "\\u0061": 2}', want: "a" },
    { name: "a key in a nested object's parent after it closes", text: '{"a": {"a": 1}, "b": {}, "a": 2}', want: "a" },
    { name: "CRLF and tabs between tokens", text: '{\r\n\t"a"\t:\r\n1,\r\n"a" : 2}', want: "a" },
  ])("$name", ({ text, want }) => {
    expect(firstDuplicateKey(text)?.key).toBe(want);
  });
});

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
/** The text with a key `x` given twice, on its lines 2 and 3, in the first object. */
const twice = (text: string) => text.replace("{", '{\n  "x": 1,\n  "x": 2,');
const PLAN =
  '{"apiVersion": "aksnet/v1", "kind": "ClusterPlan", "name": "a", "nodePools": [{"name": "s", "count": 1}]}';

describe("a JSON key given twice, per format", () => {
  it.each([
    { format: "an aksnet plan", file: "p.json", text: twice(PLAN) },
    { format: "an ARM deployment template", file: "t.json", text: twice(fixture("arm-template-quickstart-aks.json")) },
  ])("$format (written by a person) is refused, naming the key and both lines", ({ file, text }) => {
    const load = () => loadPlanFiles([{ text, fileName: file }]);
    expect(load).toThrow(PlanLoadError);
    expect(load).toThrow(
      `${file}:3:3: the key "x" appears twice in the same object (first on line 2); keep one and run again.`,
    );
  });

  it.each([
    { format: "az aks show", files: ["az-aks-show-overlay.json"], at: "3:3", first: 2 },
    { format: "terraform show -json", files: ["terraform-plan-overlay.json"], at: "3:3", first: 2 },
    { format: "az network vnet list", files: ["az-aks-show-overlay.json", "az-vnet-list.json"], at: "4:3", first: 3 },
  ])("$format (tool output) is read as JSON.parse reads it, with a note", ({ files, at, first }) => {
    const clean = loadPlanFiles(files.map((f) => ({ text: fixture(f), fileName: f })));
    const dup = loadPlanFiles(
      files.map((f, i) => ({ text: i === files.length - 1 ? twice(fixture(f)) : fixture(f), fileName: f })),
    );
    expect(dup.plan).toEqual(clean.plan);
    expect(dup.notes).toContain(
      `${files.at(-1)}:${at}: the key "x" appears twice in the same object (first on line ${first}); the last one ` +
        "was read.",
    );
  });
});
