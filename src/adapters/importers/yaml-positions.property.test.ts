/**
 * Positions from the js-yaml listener (yaml-positions.ts) agree with the `yaml` package's document (parseFull) for
 * every path into plan-shaped YAML, block and flow, where they answer; where they cannot, parseText asks the `yaml`
 * package, so a line number never differs with the path taken.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { LineStarts } from "./line-starts.js";
import { parseFull, parseText } from "./source-map.js";
import { yamlPositions } from "./yaml-positions.js";
import { yamlValue } from "./testing/yaml-values.js";

const key = fc.constantFrom("name", "network", "podCidrs", "nodePools", "maxPods", "1", "true", "a b", "x:y", "#k");
const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(""));
const value = yamlValue(scalar, key);

/** Every path into `v`, and each with a step that is not there. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at, [...at, "missing"], [...at, 99]];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, /^\d+$/.test(k) ? Number(k) : k]));
  return out;
}

function agree(text: string): number {
  const fast = yamlPositions(text);
  const full = parseFull(text, "p.yaml");
  const lines = new LineStarts(text);
  let answered = 0;
  for (const path of paths(full.value)) {
    const at = fast?.offsetOf(path);
    if (at === undefined) continue;
    answered++;
    expect(lines.position(at), JSON.stringify(path)).toEqual(full.position(path));
  }
  return answered;
}

describe("YAML positions without the yaml package's document", () => {
  it("equal the yaml package's for every path into YAML it writes, block and flow", () => {
    let answered = 0;
    fc.assert(
      fc.property(value, fc.constantFrom("block", "flow", "crlf"), (v, style) => {
        const text = stringify(v, style === "flow" ? { collectionStyle: "flow" } : {});
        answered += agree(style === "crlf" ? text.replaceAll("\n", "\r\n") : text);
      }),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it.each([
    { name: "comments and a document marker", text: "# c\n---\nname: a # x\nnetwork:\n  # c\n  podCidrs: [a]\n" },
    { name: "quoted keys and values", text: '"name": \'a\'\n"network": {"podCidrs": ["10.0.0.0/8"]}\n' },
    { name: "items that are mappings", text: "nodePools:\n  - name: a\n    count: 3\n  -   name: b\n" },
    { name: "a list at the key's indent", text: "subnets:\n- a\n- b\nname: x\n" },
    { name: "block scalars", text: "a: |\n  line\nb:\n  - >-\n    folded\n  - x\n" },
    { name: "CRLF line ends", text: "name: a\r\nnetwork:\r\n  podCidrs:\r\n    - 10.0.0.0/8\r\n" },
    { name: "an empty document", text: "" },
    { name: "a scalar document", text: "just text\n" },
  ])("equal the yaml package's: $name", ({ text }) => {
    agree(text);
  });

  it.each([
    { name: "an item left empty", text: "a:\n  -\n  - x\n", path: ["a", 1] },
    { name: "an explicit key without a value", text: "? a\nb: 2\n", path: ["b"] },
    { name: "a comment only", text: "# nothing\n", path: [] },
    { name: "a pair in a flow list", text: "a: [b: 1, c]\n", path: ["a", 1] },
  ])("leave to the yaml package what they cannot line up: $name", ({ text, path }) => {
    expect(yamlPositions(text)?.offsetOf(path)).toBeUndefined();
    expect(parseText(text, "p.yaml").position(path)).toEqual(parseFull(text, "p.yaml").position(path));
  });
});
