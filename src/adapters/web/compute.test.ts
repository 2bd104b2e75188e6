import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../cli/main.js";
import { memoryIo } from "../cli/io.js";
import { PRESETS } from "./presets.js";
import { loadPlanText } from "../importers/index.js";
import { validate } from "../../engines/validate/index.js";
import { computeView, createViewComputer, readPlanText } from "./compute.js";
import { editPlanText, PLAN_FIELDS } from "./plan-edit.js";
import { DEFAULT_STATE, EXAMPLE_PLAN, GENERATE_FORMATS } from "./state.js";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const example = (p: string) => readFileSync(join(ROOT, "examples", p), "utf8");
/** A plan whose VNet map shows the subnets aksnet layout would add, sized by the pools' counts. */
const LAYOUT_PLAN = "layout/overlay-cilium-20.yaml";

describe("computeView shows what the CLI's engines compute", () => {
  const files: { name: string; file: string; kind: string }[] = [
    { name: "a clean plan", file: "plans/clean.yaml", kind: "aksnet" },
    { name: "a pod CIDR inside the VNet", file: "plans/pod-cidr-overlaps-vnet.yaml", kind: "aksnet" },
    { name: "a subnet too small", file: "plans/subnet-too-small.yaml", kind: "aksnet" },
    { name: "az aks show JSON", file: "imports/aks-show.json", kind: "az-aks-show" },
    { name: "authorized IP ranges", file: "kinds/authorized-ip-ranges.yaml", kind: "aksnet" },
    { name: "authorized IP ranges with mistakes", file: "plans/authorized-ip-ranges-mistakes.yaml", kind: "aksnet" },
  ];
  it.each(files)("$name: findings equal validate() of the importer's plan", ({ file, kind }) => {
    const text = example(file);
    const view = computeView({ ...DEFAULT_STATE, planText: text });
    const loaded = loadPlanText(text, file);
    expect(view.input.kind).toBe(kind);
    expect(loaded.plan).toBeDefined();
    expect(view.findings).toEqual(validate(loaded.plan!));
  });

  it("a plan with authorized IP ranges renders, with their findings", () => {
    const view = computeView({ ...DEFAULT_STATE, planText: example("plans/authorized-ip-ranges-mistakes.yaml") });
    expect(view.plan).toBeDefined();
    expect((view.findings ?? []).map((f) => f.messageId)).toEqual(
      expect.arrayContaining(["hostBits", "nodePublicIpPrefixNotAuthorized", "duplicate", "notGlobal"]),
    );
  });

  it("an aksnet plan written as JSON gives the same view as its YAML", () => {
    const json = JSON.stringify(loadPlanText(EXAMPLE_PLAN, "p").plan, null, 2);
    const { parts: _a, input: inA, ...a } = computeView({ ...DEFAULT_STATE, planText: json });
    const { parts: _b, input: inB, ...b } = computeView(DEFAULT_STATE);
    expect(inA).toEqual(inB);
    expect(a).toEqual(b);
    const bad = computeView({ ...DEFAULT_STATE, planText: json.replace('"count": 3', '"count": "three"') });
    expect(bad.input.problems).toEqual([
      expect.stringMatching(/^line \d+, column \d+: nodePools\[0\]\.count: expected a number, got "three"\.$/),
    ]);
  });

  it("reports schema problems with line and column, and draws nothing", () => {
    const view = computeView({ ...DEFAULT_STATE, planText: example("plans/schema-errors.yaml") });
    expect(view.plan).toBeUndefined();
    expect(view.input.problems.length).toBeGreaterThan(0);
    for (const p of view.input.problems) expect(p).toMatch(/^line \d+, column \d+: /);
    expect(view.map).toBeUndefined();
    expect(view.generated).toBeUndefined();
  });

  const bad: { name: string; text: string; problem: RegExp }[] = [
    { name: "empty", text: "  \n", problem: /The plan is empty/ },
    { name: "not YAML", text: "network: [\n", problem: /./ },
    { name: "unknown JSON", text: '{"hello": 1}', problem: /not a format aksnet reads/ },
    { name: "too large", text: "#".repeat(600 * 1024), problem: /at most 512 KiB/ },
  ];
  it.each(bad)("$name: one problem sentence, no plan", ({ text, problem }) => {
    const r = readPlanText(text);
    expect(r.plan).toBeUndefined();
    expect(r.input.problems.join(" ")).toMatch(problem);
  });

  it("compares the /24 example like aksnet compare when there is no plan", () => {
    const view = computeView({ ...DEFAULT_STATE, planText: "" });
    expect(view.compareArgs).toEqual(["--subnet", "10.224.0.0/24"]);
    expect(view.comparison?.models.find((m) => m.model === "kubenet")?.maxNodes).toBe(251);
    expect(view.comparison?.models.find((m) => m.model === "azure-cni-node-subnet")?.maxNodes).toBe(8);
    expect(computeView({ ...DEFAULT_STATE, compareSubnet: "10.0.0.0/33" }).comparisonProblem).toMatch(/not a CIDR.*33/);
  });

  it.each(["10.224.0.0/24", "10.224.0.0/22", "10.0.0.0/20", "192.168.1.0/26"])(
    "the chart's exhaustion points agree with aksnet compare --subnet %s",
    (subnet) => {
      // Without a plan the chart is drawn for the compared subnet at each model's defaults, like compare.
      const view = computeView({ ...DEFAULT_STATE, planText: "", compareSubnet: subnet });
      const rows = view.comparison?.models.filter((m) => m.withSurge.limitedBy === "node-subnet") ?? [];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const series = view.chart?.series.find((s) => s.models.includes(row.model));
        expect(series?.maxNodes, `${row.model}/${row.dataplane}`).toBe(row.withSurge.maxNodes);
      }
    },
  );

  const plans = [
    ...PRESETS.map((p) => ({ name: `preset ${p.id}`, text: p.text })),
    { name: "Kubernetes 1.27 (surge 1 by default)", text: EXAMPLE_PLAN.replace('"1.33"', '"1.27"') },
    { name: "Kubernetes 1.30", text: EXAMPLE_PLAN.replace('"1.33"', '"1.30"') },
    {
      name: "a stated surge, max pods and tier",
      text: EXAMPLE_PLAN.replace("maxPods: 110", "maxPods: 50\n    maxSurge: 33%").replace(
        "kind: ClusterPlan",
        "kind: ClusterPlan\nsku: { tier: Standard }",
      ),
    },
  ];
  it.each(plans)("$name: the comparison is aksnet compare with the flags the page shows", async ({ text }) => {
    const view = computeView({ ...DEFAULT_STATE, planText: text });
    expect(view.findings?.filter((f) => f.severity === "error")).toEqual([]);
    const io = memoryIo({ env: { NO_COLOR: "1" } });
    expect(await run(["compare", ...view.compareArgs, "-o", "json"], io)).toBe(0);
    const { apiVersion, kind, ...contract } = JSON.parse(io.stdout) as Record<string, unknown>;
    expect([apiVersion, kind]).toEqual(["aksnet/v1", "CompareReport"]);
    expect(JSON.parse(JSON.stringify(view.comparison))).toEqual(contract);
    // The chart counts the same surge, and each model's bound (every limit) is the table's.
    const surge = view.comparison?.models[0]?.withSurge.maxSurge;
    const chartSurge = view.chart?.maxSurge;
    expect(chartSurge && (chartSurge.kind === "percent" ? `${chartSurge.percent}%` : String(chartSurge.count))).toBe(
      surge,
    );
    for (const row of view.comparison?.models ?? []) {
      const series = view.chart?.series.find((s) => s.models.includes(row.model));
      expect(series?.maxNodes, `${row.model}/${row.dataplane}`).toBe(row.withSurge.maxNodes);
    }
    // The marker stands at the plan's peak nodes on that subnet.
    expect(view.chart?.marker).toBe(view.verdict?.plannedNodes);
  });

  it("the example plan has no error finding, so its code is generated", () => {
    const view = computeView(DEFAULT_STATE);
    expect(view.findings?.filter((f) => f.severity === "error")).toEqual([]);
    expect(view.generated?.ok).toBe(true);
  });
});

describe("createViewComputer", () => {
  it("a node-count edit reuses every plan part and recomputes the chart", () => {
    const compute = createViewComputer();
    const a = compute(DEFAULT_STATE);
    const b = compute({ ...DEFAULT_STATE, nodes: 40 });
    expect(b.parts.plan).toBe(a.parts.plan);
    expect(b.parts.compare).toBe(a.parts.compare);
    expect(b.generated).toBe(a.generated);
    expect(b.recommendation).toBe(a.recommendation);
    expect(b.chart).not.toBe(a.chart);
    expect(b.chart?.marker).toBe(40);
  });

  it("an edit that leaves every range alone keeps the map", () => {
    const compute = createViewComputer();
    const a = compute(DEFAULT_STATE);
    const b = compute({ ...DEFAULT_STATE, planText: EXAMPLE_PLAN.replace("count: 3", "count: 4") });
    const c = compute({ ...DEFAULT_STATE, planText: EXAMPLE_PLAN.replace("10.244.0.0/16", "10.245.0.0/16") });
    expect(b.parts.plan).not.toBe(a.parts.plan);
    expect(b.map).toBe(a.map);
    expect(c.map).not.toBe(a.map);
  });

  it.each([
    { name: "the name", edit: (t: string) => t.replace("name: aks-prod-weu", "name: aks-prod-neu"), kept: true },
    { name: "a count its subnet holds", edit: (t: string) => t.replace("maxCount: 40", "maxCount: 41"), kept: true },
    { name: "a count that needs a larger subnet", edit: (t: string) => t.replace("maxCount: 40", "maxCount: 400") },
    { name: "the address space", edit: (t: string) => t.replace("10.40.0.0/20", "10.40.0.0/19") },
  ])("an edit of $name keeps the VNet map only when the layout it draws is the same", ({ edit, kept }) => {
    const compute = createViewComputer();
    const text = example(LAYOUT_PLAN);
    const a = compute({ ...DEFAULT_STATE, planText: text });
    const b = compute({ ...DEFAULT_STATE, planText: edit(text) });
    expect(b.parts.plan).not.toBe(a.parts.plan);
    if (kept) expect(b.vnetMap).toBe(a.vnetMap);
    else expect(b.vnetMap).not.toEqual(a.vnetMap);
    expect(b.vnetMap).toEqual(computeView({ ...DEFAULT_STATE, planText: edit(text) }).vnetMap);
  });

  it.each([
    { name: "no splits", splits: [] },
    { name: "a split free block", splits: ["10.40.8.0/21"] },
  ])("the VNet map built apart (the page builds it when in view) is the full call's: $name", ({ splits }) => {
    const compute = createViewComputer();
    const state = { ...DEFAULT_STATE, planText: example(LAYOUT_PLAN) };
    const without = compute(state, undefined, splits, { vnetMap: false });
    expect(without.vnetMap).toBeUndefined();
    const alone = compute.vnetMap(without.parts.plan, splits);
    expect(alone).toBeDefined();
    expect(compute(state, undefined, splits).vnetMap).toBe(alone);
    expect(alone).toEqual(createViewComputer()(state, undefined, splits).vnetMap);
  });

  it("an edit undone (a model switched there and back) gets the VNet map of before, built once", () => {
    const compute = createViewComputer();
    const text = example(LAYOUT_PLAN);
    const other = text.replace("10.40.0.0/20", "10.40.0.0/19");
    const a = compute({ ...DEFAULT_STATE, planText: text });
    const b = compute({ ...DEFAULT_STATE, planText: other });
    const back = compute({ ...DEFAULT_STATE, planText: text });
    expect(b.vnetMap).not.toEqual(a.vnetMap);
    expect(back.vnetMap).toBe(a.vnetMap);
    expect(compute({ ...DEFAULT_STATE, planText: other }).vnetMap).toBe(b.vnetMap);
  });

  it("equals computeView for any sequence of states", () => {
    const layout = example(LAYOUT_PLAN);
    const state = fc.record({
      planText: fc.constantFrom(
        EXAMPLE_PLAN,
        example("plans/clean.yaml"),
        example("plans/pod-cidr-overlaps-vnet.yaml"),
        layout,
        layout.replace("maxCount: 40", "maxCount: 400"),
        layout.replace("name: aks-prod-weu", "name: aks-prod-neu"),
        "x: [",
        "",
      ),
      compareSubnet: fc.constantFrom("10.224.0.0/24", "10.1.0.0/22", "nope"),
      nodes: fc.integer({ min: 1, max: 5000 }),
      generateFormat: fc.constantFrom(...GENERATE_FORMATS),
    });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (states) => {
        const compute = createViewComputer();
        for (const s of states) {
          const { parts: _a, ...memo } = compute(s);
          const { parts: _b, ...fresh } = computeView(s);
          expect(memo).toEqual(fresh);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("a form edit's hint gives the same view as parsing the text", () => {
    for (const f of PLAN_FIELDS) {
      const next = editPlanText(
        EXAMPLE_PLAN,
        f,
        f.kind === "number" ? "7" : f.id === "model" ? "kubenet" : f.id === "dataplane" ? "azure" : "10.9.0.0/16",
      );
      expect(next).toBeDefined();
      if (!next) continue;
      const withHint = createViewComputer()(
        { ...DEFAULT_STATE, planText: next.text },
        { planText: next.text, value: next.value },
      );
      const { parts: _a, ...a } = withHint;
      const { parts: _b, ...b } = computeView({ ...DEFAULT_STATE, planText: next.text });
      expect(a, f.id).toEqual(b);
    }
  });
});

describe("computeView never throws", () => {
  it("for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 30 }),
        (planText, compareSubnet) => void computeView({ ...DEFAULT_STATE, planText, compareSubnet }),
      ),
      { numRuns: 200 },
    );
  });

  it("for any JSON value as the plan", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        (v) => void computeView({ ...DEFAULT_STATE, planText: JSON.stringify(v) ?? "" }),
      ),
      { numRuns: 200 },
    );
  });

  it("for mutations of the example plan", () => {
    const lines = EXAMPLE_PLAN.split("\n");
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.string({ maxLength: 40 }), (i, replacement) => {
        const text = lines.map((l, j) => (j === i ? l.replace(/:.*$/, `: ${replacement}`) : l)).join("\n");
        void computeView({ ...DEFAULT_STATE, planText: text });
      }),
      { numRuns: 150 },
    );
  });
});
