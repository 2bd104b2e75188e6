/**
 * Law: `parsePlan` (engines/plan/structure.ts walking the generated shape, no zod) gives what zod's PlanSchema
 * gives — the same plan (keys, defaults, order) or the same problems, in the same order — for any input. The
 * oracle is zod itself (`parseWith`); the inputs are the repository's plans, mutated at random paths.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parsePlan, type Shape } from "../plan/index.js";
import { PLAN_SHAPE } from "../plan/plan-shape.generated.js";
import { parseWith } from "./parse-fleet.js";
import { PlanSchema } from "./schema.js";
import { shapeOf } from "./shape.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const PLAN_DIRS = ["examples/plans", "examples/generate", "examples/fleet", "examples/ci"];

function plans(): unknown[] {
  const out: unknown[] = [];
  for (const dir of PLAN_DIRS) {
    for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith(".yaml"))) {
      const v = load(readFileSync(join(ROOT, dir, f), "utf8"));
      if (v && typeof v === "object" && (v as { kind?: unknown }).kind !== "FleetPlan") out.push(v);
    }
  }
  return out;
}

const BASES = plans();

function zodParse(input: unknown) {
  const r = parseWith(PlanSchema, input === null || input === undefined ? {} : input);
  return r.value ? { plan: r.value, problems: [] } : { problems: r.problems };
}

/** Every value the shape mentions (enum members, bounds), so random values hit the edges often. */
function interesting(shape: Shape, out: unknown[] = []): unknown[] {
  if (shape.t === "enum") out.push(...shape.values);
  if (shape.t === "object") for (const s of Object.values(shape.keys)) interesting(s, out);
  if (shape.t === "optional" || shape.t === "default" || shape.t === "array") interesting(shape.of, out);
  if (shape.t === "union") for (const s of shape.of) interesting(s, out);
  if (shape.t === "string" || shape.t === "number" || shape.t === "array")
    for (const c of shape.checks) if (c.c !== "int") out.push(c.value - 1, c.value, c.value + 1);
  return out;
}

const leaf = fc.oneof(
  fc.constantFrom(...interesting(PLAN_SHAPE), "", "x", 0, -1, 1.5, 2 ** 60, -(2 ** 60), NaN, Infinity, null, true),
  fc.constantFrom({}, [], [""], [1], { name: "" }, { length: 0 }, undefined),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 300 }),
  fc.double(),
  fc.boolean(),
);
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), leaf));

/** The object/array paths of a value, the root first. */
function containers(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (v === null || typeof v !== "object") return out;
  out.push(path);
  for (const [k, c] of Object.entries(v)) {
    containers(c, [...path, Array.isArray(v) && /^\d+$/.test(k) ? Number(k) : k], out);
  }
  return out;
}

interface Mutation {
  readonly at: number;
  readonly key: number;
  readonly name: string;
  readonly value: unknown;
  readonly remove: boolean;
}

function mutate(base: unknown, muts: readonly Mutation[]): unknown {
  const root = structuredClone(base) as Record<string | number, unknown>;
  for (const m of muts) {
    const spots = containers(root);
    let node = root;
    for (const k of spots[m.at % spots.length]!) node = node[k] as Record<string | number, unknown>;
    const keys = Object.keys(node);
    const key = keys.length > 0 && m.key % 3 !== 0 ? keys[m.key % keys.length]! : m.name;
    if (m.remove && !Array.isArray(node)) Reflect.deleteProperty(node, key);
    else node[key] = structuredClone(m.value);
  }
  return root;
}

const mutation = fc.record({
  at: fc.nat(),
  key: fc.nat(),
  name: fc.constantFrom("name", "count", "cidr", "subnets", "nodePools", "extra", "__proto__", "constructor"),
  value,
  remove: fc.boolean(),
});

describe("parsePlan without zod", () => {
  it("src/engines/plan/plan-shape.generated.ts is the zod schema's shape (run: npm run generate)", () => {
    expect(PLAN_SHAPE).toStrictEqual(shapeOf(PlanSchema));
  });

  it.each(BASES.map((plan, i) => ({ i, plan })))("reads repository plan $i as zod does", ({ plan }) => {
    expect(parsePlan(plan)).toStrictEqual(zodParse(plan));
  });

  it("reads mutated plans as zod does", () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (b, muts) => {
        const input = mutate(BASES[b], muts);
        expect(parsePlan(input)).toStrictEqual(zodParse(input));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads any value as zod does", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(parsePlan(input)).toStrictEqual(zodParse(input));
      }),
      { numRuns: 500 },
    );
  });
});
