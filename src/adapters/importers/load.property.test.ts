/** Fuzz: any text gives a loaded plan or one PlanLoadError sentence naming the file; never another exception. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPlanText, PlanLoadError } from "./index.js";

function outcome(text: string): "loaded" | "refused" {
  try {
    const r = loadPlanText(text, "fuzz.yaml");
    for (const p of r.problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      r.locate(p.pathText);
    }
    return "loaded";
  } catch (e) {
    expect(e).toBeInstanceOf(PlanLoadError);
    expect((e as Error).message).toMatch(/^fuzz\.yaml/);
    expect((e as Error).message.split("\n")).toHaveLength(1);
    return "refused";
  }
}

const planish = fc.record(
  {
    apiVersion: fc.constantFrom("aksnet/v1", "aksnet/v2", 1),
    network: fc.dictionary(fc.constantFrom("plugin", "podCidrs", "x", "dnsServiceIp"), fc.jsonValue({ maxDepth: 2 })),
    nodePools: fc.array(
      fc.dictionary(fc.constantFrom("name", "count", "maxPods", "maxSurge", "subnet"), fc.jsonValue({ maxDepth: 1 })),
      { maxLength: 3 },
    ),
    properties: fc.jsonValue({ maxDepth: 3 }),
    format_version: fc.constantFrom("1.2", 2),
    planned_values: fc.jsonValue({ maxDepth: 3 }),
    addressSpace: fc.jsonValue({ maxDepth: 2 }),
    agentPoolProfiles: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);

describe("loadPlanText fuzz", () => {
  it("arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => void outcome(t)),
      { numRuns: 500, seed: 1 },
    );
  });

  it("arbitrary JSON values, and shapes close to each format", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), planish), (v) => void outcome(JSON.stringify(v))),
      { numRuns: 500, seed: 2 },
    );
  });

  it("YAML variants of plan-like documents", () => {
    fc.assert(
      fc.property(planish, (v) => void outcome(JSON.stringify(v, null, 1).replace(/[{}]/g, " "))),
      { numRuns: 200, seed: 3 },
    );
  });
});
