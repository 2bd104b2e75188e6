/**
 * The planner page: reads the state from the URL fragment, recomputes every
 * view with the aksnet engine on each edit (../compute.ts), and writes the
 * state back to the fragment. Nothing is fetched, nothing is stored elsewhere.
 * A new plan text is read and checked in the page's worker (./plan-checker.ts)
 * once that is up; meanwhile, and without one, on this thread.
 */
// First: zod must be jitless before any schema is built (no eval under the page's CSP).
import "./jitless.js";
import { stringify as stringifyYaml } from "yaml";
import { createViewComputer, type PageView, type ParsedHint, type PlanPart } from "../compute.js";
import {
  editPlanText,
  PLAN_FIELDS,
  prepareEdit,
  removedBySwitch,
  REQUIREMENT_FIELDS,
  type FieldDef,
} from "../plan-edit.js";
import {
  DEFAULT_STATE,
  decodeStateCompressed,
  EXAMPLE_SUBNET,
  GENERATE_FORMATS,
  MAX_NODES,
  type GenerateFormat,
  type PageState,
} from "../state.js";
import { byId, fill, h } from "./dom.js";
import { buildForm } from "./form.js";
import { bindGenerateButtons } from "./render-generate.js";
import { renderInputViews } from "./render-cluster.js";
import { renderStatus } from "./render-status.js";
import { bindPlanInputs } from "./plan-inputs.js";
import { renderVerdict } from "./render-verdict.js";
import { restSteps } from "./rest-steps.js";
import { drawingSteps, viewStep } from "./rest-views.js";
import { vnetMapDrawer } from "./render-vnet-map.js";
import { lazyDraw } from "./lazy-draw.js";
import type { VnetMap } from "../../../engines/views/index.js";
import { createMapActions } from "./map-actions.js";
import { createAddress } from "./address.js";
import { createPlanEditor, type UserEdit } from "./plan-editor.js";
import { planChecker, type PlanChecker, type WorkerLike } from "./plan-checker.js";

/** The worker's file name (plan-worker-<hash>.js), set by scripts/build-web.mjs. */
declare const __PLAN_WORKER__: string | undefined;

let state: PageState = DEFAULT_STATE;
const compute = createViewComputer();
/** The value the form wrote the current text from, so it need not be parsed again. */
let hint: ParsedHint | undefined;
/** The status line shows link problems that the next edit makes obsolete. */
let statusStale = true;
let view: PageView | undefined;
/** The last view whose text could be read: shown (marked stale) while the text is half-typed. */
let lastGood: PageView | undefined;
/** The plan part the status line and the verdict show, and the last one that could be read. */
let shownPlan: PlanPart | undefined;
let lastGoodPlan: PlanPart | undefined;
let linkProblems: readonly string[] = [];
/** Free blocks of the VNet map the user split in halves (not part of the plan). */
let splits: readonly string[] = [];

/** The plan's text editor (./plan-editor.ts); its editing element is #plan-text. */
const editor = createPlanEditor(
  byId("plan-editor"),
  { id: "plan-text", "aria-labelledby": "plan-text-label", "aria-describedby": "input-status" },
  userEdit,
);
// The label is not a <label for>: the editing element is not a form control. A click on it focuses the editor.
byId("plan-text-label").addEventListener("click", () => editor.element.focus());
const status = byId<HTMLElement>("input-status");
// No maxlength on the editor: a paste over the limit would be cut silently; the status line says why it is refused
// instead.

/** Milliseconds of handler work since the last render: with the verdict's paint, published as data-render-ms
 * (the benchmark reads it); the other views' task publishes data-rest-ms and sets data-settled. */
let pendingWork = 0;
/** When the first edit since the verdict was last drawn began: the verdict's drawing publishes data-verdict-ms. */
let editStarted: number | undefined;

function edit(field: FieldDef, value: string): void {
  const started = performance.now();
  editStarted ??= started;
  const next = editPlanText(state.planText, field, value);
  pendingWork += performance.now() - started;
  if (next === undefined) {
    fill(
      status,
      h("p", { class: "problem" }, "The form edits an aksnet.yaml mapping; fix the text in the editor first."),
    );
    return;
  }
  if (next.refused !== undefined) {
    // The plan stays as it was: the control shows the plan's value again, the reason is said where switches are.
    planForm.revert(field, shownPlan?.plan, shownPlan?.resolved);
    fill(undoStatus, h("span", { class: "problem", id: "refused" }, next.refused));
    return;
  }
  // The plan the edit started from: the plan part of the current text (computed for the last paint, so kept).
  const before = compute.plan(state, hint).plan;
  const removed = before ? removedBySwitch(before, next.value) : [];
  if (removed.length > 0) {
    // A switch that removed settings is a history entry: Back (or Undo) restores them.
    const before = state;
    state = { ...state, planText: next.text };
    address.push(before, state);
    announce(`Changed the ${field.label.toLowerCase()}; removed what no longer applies: ${removed.join("; ")}.`);
  }
  // The editor's text follows with the other views, after the verdict is painted.
  hint = { planText: next.text, value: next.value };
  update({ planText: next.text });
}

const planForm = buildForm(byId<HTMLFormElement>("plan-form"), PLAN_FIELDS, edit);
const requirementsForm = buildForm(byId<HTMLFormElement>("requirements-form"), REQUIREMENT_FIELDS, edit);

const address = createAddress(() => state);

const readableOf = (p: PlanPart) =>
  p.plan !== undefined || p.input.kind === "empty" || (p.fleet ?? p.scan ?? p.inspect) !== undefined;

/** The other views: a chain of small tasks right after the verdict's paint (./rest-steps.ts). */
const rest = restSteps();

/** Draws the other views now if they are still to come (a click on the verdict's link needs its finding drawn). */
function flushRest(): void {
  rest.flush();
}

/**
 * The page's worker, once started (after the first view is drawn); `sent` is the text it is reading, if any.
 * Without a worker, or until it is up, the page reads the text itself (render).
 */
let checker: PlanChecker | undefined;
let sent: string | undefined;
/** Where the shown plan part was read: published as data-checked-in (the tests read it). */
let checkedIn: "worker" | "page" = "page";

function startChecker(): void {
  if (checker || typeof __PLAN_WORKER__ !== "string" || typeof Worker === "undefined") return;
  const name = __PLAN_WORKER__;
  const make = () => new Worker(new URL(`./${name}`, import.meta.url)) as unknown as WorkerLike;
  checker = planChecker(make, state.planText, {
    ready: () => (document.body.dataset["worker"] = "ready"),
    result(text, part) {
      if (sent === text) sent = undefined;
      if (text !== state.planText) return;
      compute.adopt(text, part);
      checkedIn = "worker";
      drawNow();
    },
    failed(text) {
      // The page reads this text itself (the worker is gone, or the text is a fleet file or a report).
      if (sent === text) sent = undefined;
      if (text === state.planText) drawNow();
    },
  });
}

/** Sends a new plan text to the worker (with the value the form wrote it from); nothing if it is known or sent. */
function check(): void {
  if (!checker || sent === state.planText || compute.known(state)) return;
  const value = hint?.planText === state.planText ? hint.value : undefined;
  sent = checker.request(state.planText, value) ? state.planText : undefined;
}

/** Draws the verdict now (its result came in a task of its own), instead of at the next frame. */
function drawNow(): void {
  cancelAnimationFrame(frame);
  render();
}

const verdictBox = byId("verdict");

/**
 * The first paint after an edit: the plan part (read, resolve, check), the status line and the verdict. While the
 * worker reads the text, the last verdict stays, marked as being re-checked (aria-busy, and in words after a moment:
 * styles/4-verdict-fleet.css); the result draws it.
 */
function render(): void {
  const started = performance.now();
  const known = compute.known(state);
  if (!known && sent === state.planText && checker?.pending()) {
    verdictBox.setAttribute("aria-busy", "true");
    pendingWork += performance.now() - started;
    return;
  }
  if (!known) checkedIn = "page";
  const part = known ?? compute.plan(state, hint);
  document.body.dataset["checkedIn"] = checkedIn;
  verdictBox.removeAttribute("aria-busy");
  const readable = readableOf(part);
  if (readable) lastGoodPlan = part;
  // Half-typed text: the status and the verdict say why; every other view keeps the last plan that could be read.
  const stale = !readable && lastGoodPlan !== undefined;
  if (part !== shownPlan || statusStale) renderStatus(status, convert, part, linkProblems);
  shownPlan = part;
  statusStale = false;
  byId("stale-note").hidden = !stale;
  byId("views").classList.toggle("stale", stale);
  renderVerdict(stale ? lastGoodPlan?.verdict : part.verdict, [...linkProblems, ...part.input.problems], stale);
  // Style and layout forced here (the paint would do them anyway), so the published figure includes them.
  void document.documentElement.offsetHeight;
  const now = performance.now();
  document.body.dataset["renderMs"] = (pendingWork + now - started).toFixed(2);
  document.body.dataset["verdictMs"] = (now - (editStarted ?? started)).toFixed(2);
  pendingWork = 0;
  editStarted = undefined;
  rest.start(restOfViews(), finishRest);
}

/** The scan view's buttons: a scanned cluster's own plan, or a new plan that avoids the scanned space. */
const fromScan = (text: string, what: string) => replacePlan(text, what);

/** The plan part the forms show (undefined: none, or cleared while the editor's text cannot be read). */
let formFrom: PlanPart | undefined;

/** Every other view, in steps after the verdict's paint; a view whose inputs did not change is not redrawn. */
function restOfViews(): (() => void)[] {
  let stale = false;
  return [
    () => {
      const computed = compute(state, hint, splits, { vnetMap: false });
      stale = !readableOf(computed) && lastGood !== undefined;
      view = stale ? { ...lastGood!, input: computed.input, parts: { ...lastGood!.parts } } : computed;
      if (!stale && readableOf(computed)) lastGood = computed;
      // Half-typed text: the forms are cleared, every other view keeps the last plan that could be read.
      if (!stale && view.parts.plan === formFrom) return;
      formFrom = stale ? undefined : view.parts.plan;
      planForm.sync(stale ? undefined : view.plan, stale ? undefined : view.resolved);
      requirementsForm.sync(stale ? undefined : view.plan, stale ? undefined : view.resolved);
    },
    ...viewSteps.map((step) => () => {
      if (!stale) step();
    }),
    () => {
      editor.write(state.planText);
      prepareFormEdit();
      // Style and layout forced here, so the published figure includes them.
      void document.documentElement.offsetHeight;
    },
  ];
}

const currentView = () => view;
const viewSteps = [
  viewStep(currentView, (v, previous) => {
    if (v.parts.plan !== previous?.parts.plan) renderInputViews(v, previous, fromScan);
  }),
  viewStep(currentView, (v) => {
    mapInputs = { part: v.parts.plan, splits };
    vnetMapView.request();
  }),
  ...drawingSteps(currentView, () => state),
];

/** The longest slice of the form document's preparation in one idle task, in ms (the compose step runs whole). */
const PREPARE_SLICE_MS = 5;
/** The form's YAML document, built when the page is idle (not in the first form edit's handler), in slices. */
let prepareHandle: number | undefined;
function prepareFormEdit(): void {
  if (prepareHandle !== undefined || typeof requestIdleCallback === "undefined") return;
  prepareHandle = requestIdleCallback(
    () => {
      prepareHandle = undefined;
      // In slices: a long idle task would delay an input that comes while it runs.
      if (!prepareEdit(state.planText, PREPARE_SLICE_MS)) prepareFormEdit();
    },
    { timeout: 2000 },
  );
}

/** After the last step: `spent` is the steps' own time, without the waits between them. */
function finishRest(spent: number): void {
  document.body.dataset["restMs"] = spent.toFixed(2);
  document.body.dataset["settled"] = "true";
  document.body.dataset["ready"] = "true";
}

const compareSubnet = byId<HTMLInputElement>("compare-subnet");
const nodesRange = byId<HTMLInputElement>("nodes-range");
const nodesNumber = byId<HTMLInputElement>("nodes-number");

compareSubnet.addEventListener("input", () => update({ compareSubnet: compareSubnet.value }));
byId("compare-example").addEventListener("click", () => {
  compareSubnet.value = EXAMPLE_SUBNET;
  update({ compareSubnet: EXAMPLE_SUBNET });
});
byId("compare-plan").addEventListener("click", () => {
  compareSubnet.value = "";
  update({ compareSubnet: "" });
});
function setNodes(value: string): void {
  // Empty: the marker follows the plan's node count again.
  if (value.trim() === "") return update({ nodes: 0 });
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= MAX_NODES) update({ nodes: n });
}
nodesRange.addEventListener("input", () => {
  nodesNumber.value = nodesRange.value;
  setNodes(nodesRange.value);
});
nodesNumber.addEventListener("input", () => setNodes(nodesNumber.value));

for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("button.format"))) {
  b.addEventListener("click", () => {
    const f = b.dataset["format"] as GenerateFormat;
    if ((GENERATE_FORMATS as readonly string[]).includes(f)) update({ generateFormat: f });
  });
}
bindGenerateButtons(
  () => view?.generated,
  () => state.generateFormat,
);

let frame = 0;
function update(patch: Partial<PageState>): void {
  editStarted ??= performance.now();
  state = { ...state, ...patch };
  // A refused edit's reason is about the plan before this change.
  if (undoStatus.querySelector("#refused")) fill(undoStatus);
  document.body.dataset["settled"] = "false";
  rest.cancel();
  if (linkProblems.length) statusStale = true;
  linkProblems = [];
  address.save();
  check();
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(render);
}

const undoStatus = byId("undo-status");

/** Says what just changed the plan, with an Undo button (the same as the browser's Back). */
function announce(what: string): void {
  const undo = h("button", { type: "button", id: "undo" }, "Undo");
  undo.addEventListener("click", () => history.back());
  fill(undoStatus, h("span", {}, `${what} `), undo, h("span", { class: "hint" }, " (or the browser's Back)"));
}

/**
 * Replaces the whole plan text (a preset, the example, a file, a drop, a conversion) as a new
 * history entry: Back, or the Undo button, returns to the plan before.
 */
function replacePlan(next: string, what: string, said = `Replaced the plan with ${what}.`): void {
  if (next === state.planText) return;
  editStarted ??= performance.now();
  // Ctrl+Z in the editor returns to the text it replaced, as the page's Undo and Back do.
  editor.write(next, true);
  hint = undefined;
  const before = state;
  state = { ...state, planText: next, nodes: 0, compareSubnet: "" };
  linkProblems = [];
  statusStale = true;
  address.push(before, state);
  announce(said);
  document.body.dataset["settled"] = "false";
  rest.cancel();
  check();
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(render);
}

/** The VNet map: built and drawn only when it is in view or near it (lazy-draw.ts), for the last readable plan. */
let mapInputs: { part: PlanPart; splits: readonly string[] } | undefined;
let drawnMap: { map: VnetMap | undefined } | undefined;
const vnetMapView = lazyDraw(
  byId("map-view"),
  () => vnetMap.element(),
  () => {
    const map = mapInputs && compute.vnetMap(mapInputs.part, mapInputs.splits);
    vnetMap.draw(map);
    drawnMap = { map };
  },
);

const mapActions = createMapActions({
  view: () => view,
  vnetMap: () => drawnMap?.map,
  planText: () => state.planText,
  splits: () => splits,
  setSplits(next) {
    splits = next;
    document.body.dataset["settled"] = "false";
    rest.cancel();
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  },
  replacePlan,
  refuse: (why) => fill(status, h("p", { class: "problem" }, why)),
});
/** Draws the VNet map; a map drawn again (a model switched there and back) is shown again, not drawn anew. */
const vnetMap = vnetMapDrawer(byId("vnet-map"), mapActions);

async function loadFromUrl(): Promise<void> {
  const fragment = location.hash.slice(1);
  const decoded = await decodeStateCompressed(fragment);
  address.loaded(fragment);
  state = decoded.state;
  linkProblems = decoded.problems;
  statusStale = true;
  editor.write(state.planText);
  hint = undefined;
  render();
  // The shell and the verdict paint first; every other view is drawn in a task after that paint, all at once and
  // laid out at their width (hidden until ready, below the verdict: nothing painted moves).
  rest.cancel();
  requestAnimationFrame(() => {
    rest.cancel();
    setTimeout(() => {
      document.body.dataset["ready"] = "true";
      rest.start(restOfViews(), finishRest);
      rest.flush();
      // Once the first view is drawn: the worker's script is fetched and compiled meanwhile, not before.
      startChecker();
    }, 0);
  });
}

/** Pastes of at least this many characters (inserted plus replaced) are a history entry of the page. */
const LARGE_PASTE = 4096;

/**
 * The user's edit in the editor. A large paste is also a history entry with an Undo button (Back returns to the
 * plan before), as every other replacement of the plan is; Ctrl+Z in the editor undoes it too.
 */
function userEdit({ text, paste }: UserEdit): void {
  if (paste && paste.size >= LARGE_PASTE) {
    const was = { ...state, planText: paste.before };
    state = { ...state, planText: text };
    address.push(was, state);
    announce(paste.whole ? "Replaced the plan with the pasted text." : "Pasted text into the plan.");
  }
  update({ planText: text });
}

const convert = byId<HTMLButtonElement>("convert");
convert.addEventListener("click", () => {
  if (!view?.plan) return;
  replacePlan(stringifyYaml(view.plan, { lineWidth: 0 }), "its aksnet.yaml conversion");
});

bindPlanInputs({ status, replacePlan, planText: () => state.planText, writeAddress: () => address.writeNow() });

// Links within the page (the skip link, the verdict's action) move the focus, not the address: the address holds the
// plan.
document.addEventListener("click", (e) => {
  const a = (e.target as Element | null)?.closest?.("a[href^='#']");
  if (!a || e.defaultPrevented) return;
  flushRest();
  const target = document.getElementById(a.getAttribute("href")?.slice(1) ?? "");
  if (!target) return;
  e.preventDefault();
  if (!target.hasAttribute("tabindex") && !/^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName))
    target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
});

// Back and Forward (and a link pasted into this tab) load the plan of that address.
const followAddress = () => {
  if (!address.isOwn(location.hash.slice(1))) {
    fill(undoStatus);
    void loadFromUrl();
  }
};
window.addEventListener("hashchange", followAddress);
// A reload may restore the editor's text from an older history entry after the page set it: the address wins.
const keepText = () => {
  if (!editor.focused()) editor.write(state.planText);
};
window.addEventListener("load", keepText);
window.addEventListener("pageshow", keepText);
window.addEventListener("popstate", followAddress);

void loadFromUrl();
