/**
 * The fast YAML path (js-yaml, core schema) and the `yaml` package read every
 * plan-shaped text to the same value, and both reject what the other rejects.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { parseText, PlanLoadError } from "./source-map.js";
import { yamlValue } from "./testing/yaml-values.js";

function slow(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, strict: false });
  if (doc.errors.length) throw new Error("invalid");
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * The one known difference: `-0` is -0 in the yaml package and 0 in js-yaml (the core
 * schema reads it as an integer, which has no sign of zero). No plan field tells them
 * apart, so values are compared with -0 read as 0 (found by this property, seed 1404011709).
 */
function zeroUnsigned(x: unknown): unknown {
  if (Object.is(x, -0)) return 0;
  if (Array.isArray(x)) return x.map(zeroUnsigned);
  if (x !== null && typeof x === "object")
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, zeroUnsigned(v)]));
  return x;
}

const tricky = fc.constantFrom(
  "yes",
  "no",
  "on",
  "off",
  "1.33",
  "1.30",
  "10.0.0.0/16",
  "fd12:3456:789a::/64",
  "null",
  "~",
  "0x1F",
  "0o17",
  "1e3",
  ".inf",
  "2024-01-01",
  "a: b",
  "- x",
  "#c",
  "'q'",
  '"d"',
  "",
  " lead",
  "trail ",
  "ü",
  "10%",
);
const scalar = fc.oneof(
  fc.string(),
  tricky,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  fc.constantFrom("name", "network", "podCidrs", "nodePools", "maxPods", "1", "true", "null", "a b"),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const value = yamlValue(scalar, key);

describe("YAML fast path", () => {
  it("reads block and flow YAML written by the yaml package to the same value as the yaml package", () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, flow) => {
        const text = stringify(v, flow ? { collectionStyle: "flow" } : {});
        expect(zeroUnsigned(parseText(text, "p.yaml").value)).toEqual(zeroUnsigned(slow(text)));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    { name: "duplicate keys are refused", text: "a: 1\na: 2\n" },
    { name: "two documents are refused", text: "a: 1\n---\nb: 2\n" },
    { name: "a bad indent is refused", text: "a:\n  b: 1\n c: 2\n" },
  ])("$name, naming the line", ({ text }) => {
    expect(() => parseText(text, "p.yaml")).toThrow(PlanLoadError);
    expect(() => parseText(text, "p.yaml")).toThrow(/p\.yaml:\d+:\d+: not valid YAML/);
  });

  it.each([
    { name: "an empty file is null", text: "", want: null },
    { name: "a version stays a number as in YAML 1.2", text: "v: 1.33\n", want: { v: 1.33 } },
    { name: "yes stays a string (YAML 1.2)", text: "a: yes\n", want: { a: "yes" } },
    { name: "a date stays a string (core schema)", text: "d: 2024-01-01\n", want: { d: "2024-01-01" } },
    { name: "aliases take the full parser", text: "a: &x [1]\nb: *x\n", want: { a: [1], b: [1] } },
    { name: "-0 is 0 (the yaml package would say -0)", text: "n: -0\nm: [-0]\n", want: { n: 0, m: [0] } },
  ])("$name", ({ text, want }) => {
    expect(parseText(text, "p.yaml").value).toEqual(want);
  });

  it("positions are found after a fast parse", () => {
    const parsed = parseText("name: a\nnetwork:\n  podCidrs: [10.244.0.0/16]\n", "p.yaml");
    expect(parsed.position(["network", "podCidrs"])).toEqual({ line: 3, column: 3 });
  });
});
