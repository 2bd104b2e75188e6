/**
 * Everything the planner page shows, computed from its state by the same
 * library functions the CLI calls. Synchronous and free of I/O: the page calls
 * it on every edit and renders the result; `bench/web.bench.mjs` times it.
 *
 * `createViewComputer` keeps the last result of each stage and recomputes a
 * stage only when its inputs change (by value for text and numbers, by
 * identity for computed parts), so moving the node-count slider redraws the
 * chart without reparsing the plan. Unchanged parts keep their identity, so
 * the page can skip redrawing them. `computeView` is the same without memory.
 *
 * A view the input does not allow (no plan parsed, no subnet) is absent, with
 * the reason in `problems`; a view never guesses.
 */
import { loadPlanText, PlanLoadError, type LoadedPlan, type PlanFormat } from "../importers/index.js";
import { generate, type GenerateResult } from "../generate/index.js";
import { parsePlan, resolvePlan, type Assumption, type Plan, type ResolvedPlan } from "../../engines/plan/index.js";
import { validate, summarize, type Finding } from "../../engines/validate/index.js";
import { compare, tryParseMaxSurge, type CompareResult } from "../../engines/capacity/index.js";
import { tryParsePrefix, type Prefix } from "../../ip/index.js";
import { defaultMaxSurge } from "../../kb/index.js";
import { recommend, type Recommendation } from "../../engines/recommend/index.js";
import { addressMap, chartData, type AddressMap, type ChartData } from "../../engines/views/index.js";
import { MAX_PLAN_TEXT, type GenerateFormat, type PageState } from "./state.js";

export type InputKind = PlanFormat | "empty";

export interface PlanInputView {
  /** What the text was read as: an aksnet plan, az aks show, ARM, az network vnet or terraform show -json. */
  readonly kind: InputKind;
  /** What the importer did that the user should know. */
  readonly notes?: readonly string[];
  /** Why the text does not give a plan, one sentence each, with the line or field where known. */
  readonly problems: readonly string[];
}

/** Everything that depends on the plan text alone. */
export interface PlanPart {
  readonly input: PlanInputView;
  readonly plan?: Plan;
  readonly resolved?: ResolvedPlan;
  readonly assumptions: readonly Assumption[];
  readonly map?: AddressMap;
  readonly findings?: readonly Finding[];
  readonly summary?: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

export interface ComparePart {
  /** `aksnet compare --subnet <compareSubnet>`: exactly what the CLI computes for that subnet. */
  readonly comparison?: CompareResult;
  readonly comparisonProblem?: string;
}

export interface PageView extends PlanPart, ComparePart {
  readonly chart?: ChartData;
  /** `aksnet generate --format <state.generateFormat>`; absent while the plan has error findings (the CLI refuses those too). */
  readonly generated?: GenerateResult;
  /** `aksnet recommend PLAN`: the ranking for the plan's requirements section and Kubernetes version. */
  readonly recommendation?: Recommendation;
  /** Why there is no recommendation (requirements that contradict each other), in one sentence. */
  readonly recommendationProblem?: string;
  /** The parts as computed, by identity: a part equal (===) to the last one did not change. */
  readonly parts: { readonly plan: PlanPart; readonly compare: ComparePart };
}

/** A plan text the form just wrote, with the value it was written from, so it need not be parsed again. */
export interface ParsedHint {
  readonly planText: string;
  readonly value: unknown;
}

function isAksnetPlanValue(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return (typeof o["apiVersion"] === "string" && o["apiVersion"].startsWith("aksnet/")) || o["kind"] === "ClusterPlan";
}

/** The value of a JSON text (parsed natively, much faster than as YAML), or undefined when it is not JSON. */
function jsonValue(text: string): unknown {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the editor text (aksnet.yaml, az aks show / ARM JSON, az network vnet
 * JSON, terraform show -json) through the CLI's importers. An aksnet plan
 * whose value is already known (the form wrote the text from it) or is JSON
 * skips the YAML parse when it passes the schema; any problem is still
 * reported through the importer, with its line and column.
 */
export function readPlanText(text: string, hint?: ParsedHint): { readonly input: PlanInputView; readonly plan?: Plan } {
  if (text.length > MAX_PLAN_TEXT) {
    return {
      input: {
        kind: "aksnet",
        problems: [
          `The plan is ${Math.ceil(text.length / 1024)} KiB; the page reads at most ${MAX_PLAN_TEXT / 1024} KiB. Remove what the plan does not need.`,
        ],
      },
    };
  }
  if (text.trim() === "")
    return {
      input: {
        kind: "empty",
        problems: [
          "The plan is empty: paste an aksnet.yaml, az aks show JSON or terraform show -json output, or load the example.",
        ],
      },
    };
  const value = hint && hint.planText === text ? hint.value : jsonValue(text);
  if (isAksnetPlanValue(value)) {
    const parsed = parsePlan(value);
    if (parsed.plan) return { input: { kind: "aksnet", problems: [] }, plan: parsed.plan };
  }
  let loaded: LoadedPlan;
  try {
    loaded = loadPlanText(text, "plan");
  } catch (e) {
    if (e instanceof PlanLoadError)
      return { input: { kind: "aksnet", problems: [e.message.replace(/^plan /, "The text ")] } };
    throw e;
  }
  const kind = loaded.formats[0] ?? "aksnet";
  const problems = loaded.problems.map(
    (p) => `line ${p.line}, column ${p.column}: ${p.pathText || "the document"}: ${p.message}.`,
  );
  if (!loaded.plan)
    return { input: { kind, problems: problems.length ? problems : ["The text does not describe a plan."] } };
  return { input: { kind, problems, ...(loaded.notes.length ? { notes: loaded.notes } : {}) }, plan: loaded.plan };
}

/** The map depends only on the plan's ranges: the key of those, so an edit elsewhere keeps the map (and the page skips redrawing it). */
function rangesKey(plan: Plan): string {
  return JSON.stringify([
    plan.vnet?.name,
    plan.vnet?.addressSpace,
    plan.vnet?.subnets,
    plan.network.podCidrs,
    plan.network.serviceCidrs,
    plan.connectedNetworks,
  ]);
}

function planPart(
  text: string,
  hint: ParsedHint | undefined,
  mapOf: (key: string, plan: Plan) => AddressMap,
): PlanPart {
  const { input, plan } = readPlanText(text, hint);
  if (!plan) return { input, assumptions: [] };
  const resolved = resolvePlan(plan);
  const findings = validate(resolved);
  return {
    input,
    plan,
    resolved,
    assumptions: resolved.assumptions,
    map: mapOf(rangesKey(plan), plan),
    findings,
    summary: summarize(findings),
  };
}

function comparePart(subnetText: string): ComparePart & { readonly subnet?: Prefix } {
  const subnet = tryParsePrefix(subnetText.trim());
  return subnet.ok
    ? { comparison: compare({ nodeSubnet: subnet.value }), subnet: subnet.value }
    : { comparisonProblem: `The subnet to compare is not a CIDR: ${subnet.error.message}.` };
}

/**
 * The chart for the plan's first pool on its node subnet; without a plan (or a
 * readable node subnet) for the compare subnet at each model's defaults.
 */
function chartFor(
  resolved: ResolvedPlan | undefined,
  fallback: Prefix | undefined,
  nodes: number,
): ChartData | undefined {
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

/** A one-entry memo: recomputes when any key differs (===) from the last call's. */
function memo<K extends readonly unknown[], V>(f: (...k: K) => V): (...k: K) => V {
  let last: { k: K; v: V } | undefined;
  return (...k: K) => {
    if (last && last.k.length === k.length && last.k.every((x, i) => x === k[i])) return last.v;
    const v = f(...k);
    last = { k, v };
    return v;
  };
}

/** The recommendation for a plan's requirements, keyed by their JSON so edits elsewhere in the plan reuse it. */
function recommendationFor(key: string): {
  readonly recommendation?: Recommendation;
  readonly recommendationProblem?: string;
} {
  const { requirements, version } = JSON.parse(key) as {
    requirements: Plan["requirements"];
    version?: string | number;
  };
  const r = recommend({
    requirements: requirements ?? {},
    ...(version !== undefined ? { kubernetesVersion: version } : {}),
  });
  if ("problems" in r) {
    const p = r.problems[0];
    return { recommendationProblem: `requirements: ${p?.message ?? "not usable"}; ${p?.fix ?? "fix them"}.` };
  }
  return { recommendation: r };
}

/** A view function that remembers its last inputs; use one per page. */
export function createViewComputer(): (state: PageState, hint?: ParsedHint) => PageView {
  let lastText: string | undefined;
  let lastPlan: PlanPart | undefined;
  const compareOf = memo(comparePart);
  const chartOf = memo(chartFor);
  const generateOf = memo((plan: Plan, format: GenerateFormat) => generate(plan, format));
  const recommendOf = memo(recommendationFor);
  let lastMap: { key: string; map: AddressMap } | undefined;
  const mapOf = (key: string, plan: Plan): AddressMap => {
    if (lastMap?.key !== key) lastMap = { key, map: addressMap(plan) };
    return lastMap.map;
  };
  return (state, hint) => {
    if (lastPlan === undefined || lastText !== state.planText) {
      lastPlan = planPart(state.planText, hint, mapOf);
      lastText = state.planText;
    }
    const p = lastPlan;
    const c = compareOf(state.compareSubnet);
    const { subnet, ...compareView } = c;
    const chart = chartOf(p.resolved, subnet, state.nodes);
    const generated =
      p.plan && !p.findings?.some((f) => f.severity === "error") ? generateOf(p.plan, state.generateFormat) : undefined;
    const rec = p.plan
      ? recommendOf(JSON.stringify({ requirements: p.plan.requirements ?? {}, version: p.plan.kubernetesVersion }))
      : {};
    return {
      ...p,
      ...rec,
      ...compareView,
      ...(chart ? { chart } : {}),
      ...(generated ? { generated } : {}),
      parts: { plan: p, compare: c },
    };
  };
}

/** Computes every view for a state. Never throws for any input text. */
export function computeView(state: PageState): PageView {
  // A fresh computer: nothing is remembered between calls.
  return createViewComputer()(state);
}
