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
import { tryParseMaxSurge, type CompareResult } from "../../engines/capacity/index.js";
import { parsePrefix, Prefix } from "../../ip/index.js";
import { DEFAULT_CIDRS, DEFAULT_TIER, defaultMaxSurge } from "../../kb/index.js";
import { layoutPlan } from "../../engines/layout/index.js";
import { recommend, recommendInputOf, type Recommendation } from "../../engines/recommend/index.js";
import {
  addressMap,
  chartData,
  verdictOf,
  vnetMap,
  type AddressMap,
  type ChartData,
  type ChartInput,
  type PlanVerdict,
  type VnetMap,
} from "../../engines/views/index.js";
import { compareSpec, comparePart, ipv4Of } from "./compare-part.js";
import { fleetValueOf, fleetView, type FleetView } from "./fleet-view.js";
import { inspectViewOf, type InspectView } from "./inspect-view.js";
import { scanViewOf, type ScanView } from "./scan-view.js";
import { MAX_PLAN_TEXT, type GenerateFormat, type PageState } from "./state.js";

export type InputKind = PlanFormat | "empty" | "fleet" | "scan" | "inspect";

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
  readonly findings?: readonly Finding[];
  readonly summary?: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** The headline: fits or fails and why, the headroom in nodes, the first action. */
  readonly verdict?: PlanVerdict;
  /** A fleet file (kind: FleetPlan) in the editor: `aksnet fleet check`'s pools, clusters and findings. */
  readonly fleet?: FleetView;
  /** `aksnet scan -o json` in the editor: its used space, and a plan that avoids it. */
  readonly scan?: ScanView;
  /** `aksnet inspect -o json` in the editor: the cluster's pools (with their modes) and parts as inspect saw them. */
  readonly inspect?: InspectView;
}

export interface ComparePart {
  /** `aksnet compare <compareArgs>`: exactly what the CLI computes for the plan's node subnet and settings. */
  readonly comparison?: CompareResult;
  readonly comparisonProblem?: string;
  /** The CLI flags that give the same comparison, e.g. `--subnet 10.224.0.0/22 --max-pods 110`. */
  readonly compareArgs: readonly string[];
  /** Where the compared subnet came from, for the caption. */
  readonly compareSubnetLabel: string;
}

export interface PageView extends PlanPart, ComparePart {
  /** The address map; it depends only on the plan's ranges, so an edit elsewhere keeps it (the same object). */
  readonly map?: AddressMap;
  readonly chart?: ChartData;
  /**
   * `aksnet generate --format <state.generateFormat>`; absent while the plan has error findings (the CLI refuses those
   * too).
   */
  readonly generated?: GenerateResult;
  /** `aksnet recommend PLAN`: the ranking for the plan's requirements section and Kubernetes version. */
  readonly recommendation?: Recommendation;
  /** Why there is no recommendation (requirements that contradict each other), in one sentence. */
  readonly recommendationProblem?: string;
  /** The plan's VNet cut into subnets, proposed subnets (`aksnet layout`), avoided ranges and free blocks. */
  readonly vnetMap?: VnetMap;
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
          `The plan is ${Math.ceil(text.length / 1024)} KiB; the page reads at most ${MAX_PLAN_TEXT / 1024} KiB. ` +
            `Remove what the plan does not need.`,
        ],
      },
    };
  }
  if (text.trim() === "")
    return {
      input: {
        kind: "empty",
        problems: [
          "The plan is empty: paste an aksnet.yaml, az aks show JSON or terraform show -json output, or load the " +
            "example.",
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

/**
 * The map depends only on the plan's ranges: the key of those, so an edit elsewhere keeps the map (and the page skips
 * redrawing it).
 */
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

/** The plan part of a text, computed anew (no memory): what `ViewComputer.plan` keeps. */
export function planPart(text: string, hint: ParsedHint | undefined): PlanPart {
  const fleetValue = text.length <= MAX_PLAN_TEXT ? fleetValueOf(text) : undefined;
  if (fleetValue !== undefined)
    return { input: { kind: "fleet", problems: [] }, assumptions: [], fleet: fleetView(fleetValue) };
  const scan = text.length <= MAX_PLAN_TEXT ? scanViewOf(text) : undefined;
  if (scan && "problem" in scan) return { input: { kind: "scan", problems: [scan.problem] }, assumptions: [] };
  if (scan) return { input: { kind: "scan", problems: [], notes: scan.notes }, assumptions: [], scan };
  const inspect = text.length <= MAX_PLAN_TEXT ? inspectViewOf(text) : undefined;
  if (inspect) return { input: { kind: "inspect", problems: [] }, assumptions: [], inspect };
  const { input, plan } = readPlanText(text, hint);
  if (!plan) return { input, assumptions: [] };
  const resolved = resolvePlan(plan);
  const findings = validate(resolved);
  return {
    input,
    plan,
    resolved,
    assumptions: resolved.assumptions,
    findings,
    summary: summarize(findings),
    verdict: verdictOf(resolved, findings),
  };
}

/** Nodes the plan runs at peak on the first pool's node subnet (every pool there at its autoscaler maximum). */
export function plannedNodesOnSubnet(resolved: ResolvedPlan | undefined): number | undefined {
  const first = resolved?.pools[0];
  if (!resolved || !first) return undefined;
  return resolved.pools.filter((p) => p.subnet === first.subnet).reduce((a, p) => a + p.peakCount, 0);
}

/**
 * The chart for the compared subnet (the first pool's node subnet unless the user typed another),
 * with the first pool's max pods and surge, the plan's pod CIDR, tier and reserved addresses, and
 * the marker at the node count the user chose (0: the plan's peak nodes on that subnet).
 */
function chartInputFor(
  resolved: ResolvedPlan | undefined,
  c: ComparePart & { readonly subnet?: Prefix },
  nodes: number,
): ChartInput | undefined {
  const subnet = c.subnet;
  if (!subnet || subnet.family !== 4) return undefined;
  const pool = resolved?.pools[0];
  const maxSurge = (pool && tryParseMaxSurge(pool.maxSurge.text)) ?? defaultMaxSurge(resolved?.kubernetesVersion).value;
  // The pod CIDR and tier compare assumes when the plan gives none, so the chart and the table agree.
  const podCidr =
    resolved?.podCidrs.map((x) => ipv4Of(x.text)).find((p) => p !== undefined) ??
    parsePrefix(DEFAULT_CIDRS.podCidr.value);
  const podSubnet =
    pool?.podSubnet === undefined ? undefined : ipv4Of(resolved?.subnets.find((s) => s.name === pool.podSubnet)?.text);
  const marker = nodes > 0 ? nodes : Math.max(1, plannedNodesOnSubnet(resolved) ?? 10);
  return {
    subnet: subnet.masked(),
    subnetLabel: c.compareSubnetLabel,
    nodes: marker,
    maxPods: pool && !pool.maxPodsDefaulted ? pool.maxPods : undefined,
    maxSurge,
    tenants: resolved?.plan.reserved,
    podCidr,
    podSubnet,
    tier: resolved?.tier ?? DEFAULT_TIER.value,
  };
}

/** The chart's inputs as a string: an edit that leaves them alone keeps the chart (and the page skips redrawing it). */
const chartKey = (i: ChartInput): string =>
  JSON.stringify(i, (_k, v: unknown) => (v instanceof Prefix ? v.toString() : v));

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

/**
 * The recommendation for a plan (`aksnet recommend PLAN`: its requirements, and its pools' nodes, max pods and
 * surge where those are silent), keyed by the input's JSON so edits elsewhere in the plan reuse it.
 */
function recommendationFor(key: string): {
  readonly recommendation?: Recommendation;
  readonly recommendationProblem?: string;
} {
  const r = recommend(JSON.parse(key) as Parameters<typeof recommend>[0]);
  if ("problems" in r) {
    const p = r.problems[0];
    return { recommendationProblem: `requirements: ${p?.message ?? "not usable"}; ${p?.fix ?? "fix them"}.` };
  }
  return { recommendation: r };
}

/**
 * Every view of a state, remembering its last inputs (use one per page); `plan` gives the plan part alone.
 * `splits` are the free blocks of the VNet map the user split in halves (page state outside the plan).
 */
export interface ViewComputer {
  /** Every view; `options.vnetMap: false` leaves the VNet map out (the page builds it when it comes into view). */
  (state: PageState, hint?: ParsedHint, splits?: readonly string[], options?: { vnetMap?: boolean }): PageView;
  /** The VNet map of a plan part alone (undefined without a VNet); the same object for the same inputs. */
  vnetMap(part: PlanPart, splits?: readonly string[]): VnetMap | undefined;
  /**
   * What depends on the plan text alone (read, resolve, check, verdict; no map): the page paints this
   * first. The full call reuses it (the same object) for the same text.
   */
  plan(state: PageState, hint?: ParsedHint): PlanPart;
  /** The plan part of this state's text if it is computed already (or adopted), else undefined: nothing is computed. */
  known(state: PageState): PlanPart | undefined;
  /**
   * Takes `part` as the plan part of `text`, computed elsewhere (the page's worker, ./plan-check.ts): `plan` and the
   * full call then reuse it (the same object) for that text.
   */
  adopt(text: string, part: PlanPart): void;
}

/** The comparison, kept while the flags it is computed from stay the same (an edit elsewhere in the plan keeps it). */
function compareMemo() {
  let lastCompare: { key: string; part: ReturnType<typeof comparePart> } | undefined;
  return (resolved: ResolvedPlan | undefined, subnetText: string) => {
    const spec = compareSpec(resolved, subnetText);
    const key = JSON.stringify(spec);
    if (lastCompare?.key !== key) lastCompare = { key, part: comparePart(spec) };
    return lastCompare.part;
  };
}

/** The chart, kept while its input stays the same. */
function chartMemo() {
  let lastChart: { key: string; chart: ChartData } | undefined;
  return (resolved: ResolvedPlan | undefined, c: ComparePart & { readonly subnet?: Prefix }, nodes: number) => {
    const input = chartInputFor(resolved, c, nodes);
    if (!input) return undefined;
    const key = chartKey(input);
    if (lastChart?.key !== key) lastChart = { key, chart: chartData(input) };
    return lastChart.chart;
  };
}

/** The code, made again for a new plan but kept (the same object) when it reads the same: the page redraws none. */
function generateMemo() {
  let lastGenerated: { json: string; result: GenerateResult } | undefined;
  return memo((plan: Plan, format: GenerateFormat) => {
    const result = generate(plan, format);
    const json = JSON.stringify(result);
    if (lastGenerated?.json !== json) lastGenerated = { json, result };
    return lastGenerated.result;
  });
}

/** How many VNet maps the page keeps: the current one and the one before (a model switched there and back). */
const VNET_MAPS_KEPT = 2;

/**
 * The VNet map, a function of the plan's layout, its VNet and the splits: keyed by those (a new count or name that
 * leaves the layout alone builds no block), and kept (the same object) when it draws the same: nothing is redrawn.
 * The map before it is kept too: switching the model (or any edit) back builds no block again (~100 ms for 1,000
 * subnets).
 */
function vnetMapMemo() {
  let kept: { key: string; json: string; map: VnetMap }[] = [];
  return memo((resolved: ResolvedPlan, splitsKey: string) => {
    const layout = layoutPlan(resolved);
    const vnet = resolved.plan.vnet;
    // The laid-out plan (every count, the name) is not drawn: left out of the key.
    const key = JSON.stringify([{ ...layout, plan: undefined }, vnet?.name, vnet?.addressSpace, splitsKey]);
    const hit = kept.find((k) => k.key === key);
    if (hit) {
      kept = [hit, ...kept.filter((k) => k !== hit)];
      return hit.map;
    }
    const last = kept[0];
    const map = vnetMap(resolved, { splits: JSON.parse(splitsKey) as string[], layout });
    const json = JSON.stringify(map);
    kept = [{ key, json, map: last?.json === json ? last.map : map }, ...kept].slice(0, VNET_MAPS_KEPT);
    return kept[0]!.map;
  });
}

/** A view function that remembers its last inputs; use one per page. */
export function createViewComputer(): ViewComputer {
  let lastText: string | undefined;
  let lastPlan: PlanPart | undefined;
  const planOf = (state: PageState, hint?: ParsedHint): PlanPart => {
    if (lastPlan === undefined || lastText !== state.planText) {
      lastPlan = planPart(state.planText, hint);
      lastText = state.planText;
    }
    return lastPlan;
  };
  const compareOf = compareMemo();
  const chartOf = chartMemo();
  const generateOf = generateMemo();
  const recommendOf = memo(recommendationFor);
  const vnetMapOf = vnetMapMemo();
  let lastMap: { key: string; map: AddressMap } | undefined;
  const mapOf = (key: string, plan: Plan): AddressMap => {
    if (lastMap?.key !== key) lastMap = { key, map: addressMap(plan) };
    return lastMap.map;
  };
  const vnetOf = (p: PlanPart, splits: readonly string[] = []) =>
    p.resolved?.plan.vnet ? vnetMapOf(p.resolved, JSON.stringify(splits)) : undefined;
  const computer = (
    state: PageState,
    hint?: ParsedHint,
    splits: readonly string[] = [],
    options: { vnetMap?: boolean } = {},
  ): PageView => {
    const p = planOf(state, hint);
    const map = p.plan ? mapOf(rangesKey(p.plan), p.plan) : undefined;
    const c = compareOf(p.resolved, state.compareSubnet);
    const { subnet: _subnet, ...compareView } = c;
    const chart = chartOf(p.resolved, c, state.nodes);
    const generated =
      p.plan && !p.findings?.some((f) => f.severity === "error") ? generateOf(p.plan, state.generateFormat) : undefined;
    const rec = p.plan ? recommendOf(JSON.stringify(recommendInputOf(p.resolved!))) : {};
    const vnet = options.vnetMap === false ? undefined : vnetOf(p, splits);
    return {
      ...p,
      ...rec,
      ...(vnet ? { vnetMap: vnet } : {}),
      ...compareView,
      ...(map ? { map } : {}),
      ...(chart ? { chart } : {}),
      ...(generated ? { generated } : {}),
      parts: { plan: p, compare: c },
    };
  };
  const known = (state: PageState) => (lastText === state.planText ? lastPlan : undefined);
  const adopt = (text: string, part: PlanPart) => {
    lastText = text;
    lastPlan = part;
  };
  return Object.assign(computer, { plan: planOf, vnetMap: vnetOf, known, adopt });
}

/** Computes every view for a state. Never throws for any input text. */
export function computeView(state: PageState): PageView {
  // A fresh computer: nothing is remembered between calls.
  return createViewComputer()(state);
}
