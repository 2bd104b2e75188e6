/**
 * The views below the verdict that draw from the computed view alone (findings, address map, comparison, chart,
 * recommendation, generated code), as steps for ./rest-steps.ts. Each step keeps the view it last drew from and
 * redraws only what changed since: steps run in tasks apart, and a new edit may drop the steps still queued, so
 * each one compares with what it drew itself, never with what another step saw.
 */
import type { PageView } from "../compute.js";
import type { PageState } from "../state.js";
import { byId } from "./dom.js";
import { renderChart } from "./render-chart.js";
import { renderCompare } from "./render-compare.js";
import { renderAssumptions, renderFindings } from "./render-findings.js";
import { renderGenerate } from "./render-generate.js";
import { renderMap } from "./render-map.js";
import { renderRecommend } from "./render-recommend.js";

type Draw = (view: PageView, previous: PageView | undefined) => void;

/** A step that draws from the current view and the view it drew from before (undefined: never drawn). */
export function viewStep(current: () => PageView | undefined, draw: Draw): () => void {
  let drewFrom: PageView | undefined;
  return () => {
    const view = current();
    if (!view) return;
    draw(view, drewFrom);
    drewFrom = view;
  };
}

/** Sets an input's value unless the user is typing in it. */
export function syncValue(input: HTMLInputElement, value: string): void {
  if (input !== document.activeElement && input.value !== value) input.value = value;
}

const setText = (el: HTMLElement, t: string) => {
  if (el.textContent !== t) el.textContent = t;
};

function findingsDraw(): Draw {
  let lastFindingsKey = "";
  let lastAssumptionsKey = "";
  return (v, previous) => {
    if (v.map !== previous?.map || !previous) renderMap(byId("map"), v.map);
    // Findings are small: compared by value, so an edit that changes none of them redraws nothing.
    const findingsKey = JSON.stringify([v.findings, v.input.problems]);
    if (findingsKey !== lastFindingsKey) renderFindings(byId("findings"), v.findings, v.input.problems);
    lastFindingsKey = findingsKey;
    const assumptionsKey = JSON.stringify(v.assumptions);
    if (assumptionsKey !== lastAssumptionsKey) renderAssumptions(byId("assumptions"), v.assumptions);
    lastAssumptionsKey = assumptionsKey;
  };
}

function compareDraw(state: () => PageState): Draw {
  const compareSubnet = byId<HTMLInputElement>("compare-subnet");
  const nodesRange = byId<HTMLInputElement>("nodes-range");
  const nodesNumber = byId<HTMLInputElement>("nodes-number");
  return (v, previous) => {
    if (v.parts.compare !== previous?.parts.compare) {
      renderCompare(byId("compare"), v.comparison, v.comparisonProblem, v.compareArgs[1] ?? "");
      byId("compare-command").textContent = `aksnet compare ${v.compareArgs.join(" ")}`;
      byId("compare-source").textContent = `Compared: ${v.compareSubnetLabel}, with the plan's settings.`;
      compareSubnet.placeholder = v.compareArgs[1] ?? "";
    }
    if (v.chart !== previous?.chart) renderChart(byId("chart"), v.chart);
    syncValue(compareSubnet, state().compareSubnet);
    const marker = v.chart?.marker ?? state().nodes;
    syncValue(nodesRange, String(Math.min(marker, Number(nodesRange.max))));
    syncValue(nodesNumber, marker > 0 ? String(marker) : "");
  };
}

const recommendDraw: Draw = (v, previous) => {
  if (
    v.recommendation !== previous?.recommendation ||
    v.recommendationProblem !== previous?.recommendationProblem ||
    !previous
  )
    renderRecommend(byId("recommend"), v.recommendation, v.recommendationProblem);
};

function generateDraw(state: () => PageState): Draw {
  let lastErrors = -1;
  return (v, previous) => {
    const errors = v.summary?.errors ?? 0;
    const planChanged = v.parts.plan !== previous?.parts.plan;
    if (v.generated !== previous?.generated || (!v.generated && (planChanged || errors !== lastErrors)))
      renderGenerate(byId("generate"), v.generated, errors, v.plan !== undefined);
    lastErrors = errors;
    const format = state().generateFormat;
    setText(byId("generate-command"), `aksnet generate --format ${format}`);
    for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("button.format")))
      b.setAttribute("aria-pressed", String(b.dataset["format"] === format));
    const code = v.generated?.ok === true;
    byId<HTMLButtonElement>("copy-code").disabled = !code;
    byId<HTMLButtonElement>("download-code").disabled = !code;
  };
}

/** The steps: findings and address map; comparison and chart; recommendation; generated code. */
export function drawingSteps(current: () => PageView | undefined, state: () => PageState): (() => void)[] {
  return [findingsDraw(), compareDraw(state), recommendDraw, generateDraw(state)].map((d) => viewStep(current, d));
}
