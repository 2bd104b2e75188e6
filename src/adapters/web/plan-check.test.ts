import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { planPart } from "./compute.js";
import { editPlanText, PLAN_FIELDS } from "./plan-edit.js";
import { answer, fromWire, toWire, type CheckReply } from "./plan-check.js";
import { EXAMPLE_PLAN } from "./state.js";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const USED = join(ROOT, "src", "adapters", "importers", "used", "fixtures");
const example = (p: string) => readFileSync(join(ROOT, "examples", p), "utf8");
const model = PLAN_FIELDS.find((f) => f.id === "model")!;

/** Texts of every kind the editor may hold that the worker answers for. */
const texts: { name: string; text: string }[] = [
  { name: "the example plan", text: EXAMPLE_PLAN },
  { name: "a clean plan", text: example("plans/clean.yaml") },
  { name: "a subnet too small (error findings, a verdict that fails)", text: example("plans/subnet-too-small.yaml") },
  { name: "schema errors", text: example("plans/schema-errors.yaml") },
  { name: "az aks show JSON", text: example("imports/aks-show.json") },
  { name: "az network vnet show JSON", text: example("imports/vnet-show.json") },
  { name: "a layout plan", text: example("layout/overlay-cilium-20.yaml") },
  { name: "half-typed YAML", text: EXAMPLE_PLAN.replace("network:", "network: [") },
  { name: "an empty text", text: "  \n" },
  { name: "a plan over the size limit", text: EXAMPLE_PLAN + "#".repeat(300 * 1024) },
];

/** The reply as the page receives it: through a structured clone, as postMessage sends it. */
const received = (reply: CheckReply) => structuredClone(reply);

describe("the plan part crosses from the worker unchanged", () => {
  it.each(texts)("$name: the part the page rebuilds equals the one computed on the page", ({ text }) => {
    const reply = received(answer({ seq: 7, text }));
    expect(reply.seq).toBe(7);
    expect(reply.text).toBe(text);
    expect("part" in reply).toBe(true);
    if (!("part" in reply)) return;
    // Strict: the resolved plan's Prefix values are Prefixes again, not plain copies.
    expect(fromWire(reply.part)).toStrictEqual(planPart(text, undefined));
  });

  it("a form edit's value is used as sent: the same part as reading its text", () => {
    const next = editPlanText(EXAMPLE_PLAN, model, "kubenet");
    expect(next?.refused).toBeUndefined();
    const reply = received(answer({ seq: 1, text: next!.text, value: next!.value }));
    expect("part" in reply && fromWire(reply.part)).toStrictEqual(planPart(next!.text, undefined));
  });

  it("the verdict's finding is one of the findings after the clone, as before it", () => {
    const reply = received(answer({ seq: 1, text: example("plans/subnet-too-small.yaml") }));
    if (!("part" in reply)) throw new Error("no part");
    const finding = reply.part.verdict?.action.finding;
    expect(finding).toBeDefined();
    expect(reply.part.findings).toContain(finding);
  });

  it.each([
    { name: "a fleet file", text: example("fleet/fleet.yaml") },
    { name: "aksnet scan -o json", text: readFileSync(join(USED, "aksnet-scan.json"), "utf8") },
  ])("$name is left to the page (its views hold more than plain data)", ({ text }) => {
    const part = planPart(text, undefined);
    expect((part.fleet ?? part.scan) !== undefined).toBe(true);
    expect(toWire(part)).toBeUndefined();
    expect(received(answer({ seq: 3, text }))).toEqual({ seq: 3, text, main: true });
  });

  it("a plan that only mentions a report's kind is left to the page too, which reads it as a plan", () => {
    const text = EXAMPLE_PLAN.replace(/^name: .*$/m, "name: FleetPlan");
    expect(answer({ seq: 4, text })).toEqual({ seq: 4, text, main: true });
    expect(planPart(text, undefined).plan?.name).toBe("FleetPlan");
  });
});
