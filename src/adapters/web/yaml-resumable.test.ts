import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify, type Document } from "yaml";
import { yamlValue } from "../importers/testing/yaml-values.js";
import { resumableParse } from "./yaml-resumable.js";

/** Builds the document with a pause after every `every` tokens (each slice's time is up at once). */
function sliced(text: string, every: number): { doc: Document.Parsed; slices: number } {
  const parse = resumableParse(text, every);
  for (let slices = 1; ; slices++) {
    const doc = parse.step(-Infinity);
    if (doc) return { doc, slices };
  }
}

/** The document written out, or why it cannot be (an alias before its anchor). */
const written = (doc: { toString(): string }): string => {
  try {
    return doc.toString();
  } catch (e) {
    return String(e);
  }
};

const scalar = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("a: b", "- x", "#c", "'q'", '"d"', "&a", "*a", "!t", "1e3", "0x1F", "~", "10.0.0.0/8"),
);
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("network", "nodePools", "vnet", "a b", "? k"));

/** Lines the generated text is cut and spliced with: comments, anchors, tags, documents, broken YAML. */
const noise = fc.constantFrom(
  "# a comment",
  "  # indented comment",
  "",
  "---",
  "...",
  "%YAML 1.2",
  "x: &a { p: 1 }",
  "y: *a",
  "z: !!str 5",
  "<<: *a",
  "k: [1, 2",
  "k: 'open",
  "\t- tab",
  "dup: 1",
  "dup: 2",
);

describe("resumableParse", () => {
  it("builds, in any slices, the document parseDocument builds (nodes, ranges, comments, errors)", () => {
    const text = fc
      .tuple(
        yamlValue(scalar, key),
        fc.boolean(),
        fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), noise), { maxLength: 4 })),
      )
      .map(([value, flow, cuts]) => {
        const lines = stringify(value, { collectionStyle: flow ? "flow" : "any" }).split("\n");
        for (const [at, line] of cuts) lines.splice(at % (lines.length + 1), 0, line);
        return lines.join("\n");
      });
    let clean = 0;
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (src, every) => {
        const { doc } = sliced(src, every);
        const whole = parseDocument(src);
        expect(doc).toEqual(whole);
        if (whole.errors.length === 0) {
          clean++;
          expect(written(doc)).toBe(written(whole));
        }
      }),
      { numRuns: 400 },
    );
    // Most generated texts are valid YAML: the sliced path (not parseDocument's, taken for errors) is what is tested.
    expect(clean).toBeGreaterThan(200);
  });

  const hostile: { name: string; text: string }[] = [
    { name: "empty text", text: "" },
    { name: "a scalar document", text: "just text\n" },
    { name: "two documents", text: "a: 1\n---\nb: 2\n" },
    { name: "deep nesting", text: "k: ".repeat(1) + "[".repeat(300) + "]".repeat(300) + "\n" },
    { name: "deep block nesting", text: Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") },
    { name: "anchors and aliases", text: "base: &b { count: 3 }\nnodePools:\n  - *b\n  - <<: *b\n    name: x\n" },
    { name: "a huge count", text: "nodePools:\n  - count: 99999999999999999999999999999\n" },
    { name: "CRLF line ends", text: "network:\r\n  plugin: azure\r\n# c\r\nvnet: {}\r\n" },
    { name: "an unclosed flow list", text: "vnet:\n  addressSpace: [10.0.0.0/8\n" },
    { name: "a duplicate key", text: "a: 1\na: 2\n" },
  ];
  it.each(hostile)("$name: the same document at every slice size", ({ text }) => {
    for (const every of [1, 2, 7, 256]) expect(sliced(text, every).doc).toEqual(parseDocument(text));
  });

  it("pauses when a slice's time is up and goes on where it stopped", () => {
    const text = Array.from({ length: 200 }, (_, i) => `k${i}: [${i}, x]`).join("\n");
    const { doc, slices } = sliced(text, 50);
    // 200 lines of 8 tokens each: about 1,600 tokens, 50 a slice, then composing alone.
    expect(slices).toBeGreaterThan(30);
    expect(doc.toJS()).toEqual(parseDocument(text).toJS());
    expect(resumableParse(text, 50).step(Infinity)?.toJS()).toEqual(parseDocument(text).toJS());
  });
});
