/**
 * Everything the planner page shows, computed from its state by the same
 * library functions the CLI calls. Pure and synchronous: the page calls it on
 * every edit and renders the result; `bench/web.bench.mjs` times it.
 *
 * A view the input does not allow (no plan parsed, no subnet) is absent, with
 * the reason in `problems`; a view never guesses.
 */
import { loadPlanText, PlanLoadError, type LoadedPlan, type PlanFormat } from "../importers/index.js";
import { generate, type GenerateResult } from "../generate/index.js";
import { resolvePlan, type Assumption, type Plan, type ResolvedPlan } from "../../engines/plan/index.js";
import type { Prefix } from "../../ip/index.js";
import { validate, summarize, type Finding } from "../../engines/validate/index.js";
import { compare, tryParseMaxSurge, type CompareResult } from "../../engines/capacity/index.js";
import { tryParsePrefix } from "../../ip/index.js";
import { defaultMaxSurge } from "../../kb/index.js";
import { chartData, type ChartData } from "./chart-data.js";
import { layoutAddressMap, type AddressMap } from "./map-layout.js";
import { MAX_PLAN_TEXT, type PageState } from "./state.js";

export type InputKind = PlanFormat | "empty";

export interface PlanInputView {
  /** What the text was read as: an aksnet plan, az aks show, ARM, az network vnet or terraform show -json. */
  readonly kind: InputKind;
  /** What the importer did that the user should know. */
  readonly notes?: readonly string[];
  /** Why the text does not give a plan, one sentence each, with the line or field where known. */
  readonly problems: readonly string[];
}

export interface PageView {
  readonly input: PlanInputView;
  readonly plan?: Plan;
  readonly resolved?: ResolvedPlan;
  readonly assumptions: readonly Assumption[];
  readonly map?: AddressMap;
  readonly findings?: readonly Finding[];
  readonly summary?: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** `aksnet compare <compareSubnet>`: exactly what the CLI computes for that subnet. */
  readonly comparison?: CompareResult;
  readonly comparisonProblem?: string;
  readonly chart?: ChartData;
  /** `aksnet generate --format <state.generateFormat>`; absent while the plan has error findings (the CLI refuses those too). */
  readonly generated?: GenerateResult;
}

/** Reads the editor text (aksnet.yaml, az aks show / ARM JSON, az network vnet JSON, terraform show -json) through the CLI's importers. */
export function readPlanText(text: string): { readonly input: PlanInputView; readonly plan?: Plan } {
  if (text.length > MAX_PLAN_TEXT) {
    return { input: { kind: "aksnet", problems: [`The plan is ${Math.ceil(text.length / 1024)} KiB; the page reads at most ${MAX_PLAN_TEXT / 1024} KiB. Remove what the plan does not need.`] } };
  }
  if (text.trim() === "") return { input: { kind: "empty", problems: ["The plan is empty: paste an aksnet.yaml, az aks show JSON or terraform show -json output, or load the example."] } };
  let loaded: LoadedPlan;
  try {
    loaded = loadPlanText(text, "plan");
  } catch (e) {
    if (e instanceof PlanLoadError) return { input: { kind: "aksnet", problems: [e.message.replace(/^plan /, "The text ")] } };
    throw e;
  }
  const kind = loaded.formats[0] ?? "aksnet";
  const problems = loaded.problems.map((p) => `line ${p.line}, column ${p.column}: ${p.pathText || "the document"}: ${p.message}.`);
  if (!loaded.plan) return { input: { kind, problems: problems.length ? problems : ["The text does not describe a plan."] } };
  return { input: { kind, problems, notes: loaded.notes }, plan: loaded.plan };
}

/** Computes every view for a state. Never throws for any input text. */
export function computeView(state: PageState): PageView {
  const { input, plan } = readPlanText(state.planText);
  const subnet = tryParsePrefix(state.compareSubnet.trim());
  const comparePart = subnet.ok
    ? { comparison: compare({ nodeSubnet: subnet.value }) }
    : { comparisonProblem: `The subnet to compare is not a CIDR: ${subnet.error.message}.` };
  if (!plan) {
    return { input, assumptions: [], ...comparePart, ...(subnet.ok ? { chart: chartFor(undefined, subnet.value, state.nodes) } : {}) };
  }
  const resolved = resolvePlan(plan);
  const findings = validate(resolved);
  const chart = chartFor(resolved, subnet.ok ? subnet.value : undefined, state.nodes);
  return {
    input,
    plan,
    resolved,
    assumptions: resolved.assumptions,
    map: layoutAddressMap(plan),
    findings,
    summary: summarize(findings),
    ...(findings.some((f) => f.severity === "error") ? {} : { generated: generate(plan, state.generateFormat) }),
    ...comparePart,
    ...(chart ? { chart } : {}),
  };
}

/**
 * The chart for the plan's first pool on its node subnet; without a plan (or a
 * readable node subnet) for the compare subnet at each model's defaults.
 */
function chartFor(resolved: ResolvedPlan | undefined, fallback: Prefix | undefined, nodes: number): ChartData | undefined {
  const pool = resolved?.pools[0];
  const named = pool?.subnet === undefined ? undefined : resolved?.subnets.find((s) => s.name === pool.subnet);
  const subnet = named?.prefix?.masked() ?? fallback;
  if (!subnet || subnet.family !== 4) return undefined;
  const maxSurge = (pool && tryParseMaxSurge(pool.maxSurge.text)) ?? defaultMaxSurge(resolved?.kubernetesVersion).value;
  return chartData({
    subnet,
    subnetLabel: named?.prefix ? `subnet ${named.name} of the first pool` : "the subnet compared",
    nodes,
    maxPods: pool && !pool.maxPodsDefaulted ? pool.maxPods : undefined,
    maxSurge,
    tenants: resolved?.plan.reserved,
  });
}
