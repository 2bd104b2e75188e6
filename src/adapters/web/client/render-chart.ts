/**
 * Draws the addresses-needed chart (engines/views/chart.ts): one line per group of
 * models, the subnet's usable addresses as a dashed red line, a dot where each
 * line crosses it (the exhaustion point) and a marker at the chosen node count.
 */
import { LIMIT_WORDS, type ChartData } from "../../../engines/views/index.js";
import { fill, h, num, svg } from "./dom.js";

/**
 * The drawing is as wide as its box (300 to 640 units), so one unit is one CSS pixel and the chart's
 * 13 px text stays 13 px on a phone (a fixed 640-unit drawing shrank it to 7 px at 390 px).
 */
const H = 300;
const M = { left: 56, right: 16, top: 14, bottom: 36 };
const PH = H - M.top - M.bottom;

function niceTicks(max: number, count: number): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

let last: { el: HTMLElement; chart: ChartData | undefined; width: number } | undefined;
/** The box's width as a ResizeObserver last saw it: read at draw time without forcing a synchronous layout. */
let boxWidth: number | undefined;
let observed: HTMLElement | undefined;

const drawingWidth = (px: number) => Math.max(300, Math.min(640, Math.round(px || 640)));

interface Scale {
  /** The drawing's width. */
  readonly W: number;
  readonly x: (nodes: number) => number;
  readonly y: (addresses: number) => number;
}

/**
 * Re-draws when the box changes width (a window resize, a phone turned, zoom), never on every edit. Drawn in a task
 * of its own: a drawing inside the observer's callback could resize the box again (a loop error).
 */
function observeWidth(el: HTMLElement): void {
  if (observed === el) return;
  observed = el;
  boxWidth = el.clientWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(() => {
    boxWidth = el.clientWidth;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const l = last;
      if (l && boxWidth !== undefined && drawingWidth(boxWidth) !== l.width) renderChart(l.el, l.chart);
    }, 100);
  }).observe(el);
}

/** The grid lines and the axes' tick labels. */
function gridOf(chart: ChartData, { W, x, y }: Scale): SVGElement[] {
  const yMax = Math.max(chart.capacity * 1.6, 16);
  return [
    ...niceTicks(yMax, 5).map((t) => [
      svg("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: "grid" }),
      svg("text", { x: M.left - 6, y: y(t) + 4, "text-anchor": "end" }, num(t)),
    ]),
    ...niceTicks(chart.xMax, W < 480 ? 3 : 6).map((t) =>
      svg("text", { x: x(t), y: H - M.bottom + 16, "text-anchor": "middle" }, num(t)),
    ),
  ].flat();
}

/** One line per group of models, ending at a dot where its first limit runs out. */
function seriesOf(chart: ChartData, { x, y }: Scale): SVGElement[] {
  return chart.series.map((s, i) => {
    // Each line stops at its dot: past its first limit the model runs no more nodes.
    const shown = [...s.points.filter(([n]) => n < s.maxNodes), [s.maxNodes, s.atMaxNodes] as const];
    const d = shown.map(([n, a], j) => `${j === 0 ? "M" : "L"}${x(n).toFixed(1)},${y(a).toFixed(1)}`).join(" ");
    const ex = x(s.maxNodes);
    const limit = LIMIT_WORDS[s.limitedBy] ?? s.limitedBy;
    return svg(
      "g",
      { class: `series-group model-${i}` },
      svg("path", { d, class: "series" }),
      s.maxNodes < chart.xMax
        ? svg(
            "circle",
            // On the model's own curve, where its first limit runs out (the node subnet, or a tighter one).
            { cx: ex.toFixed(1), cy: y(s.atMaxNodes).toFixed(1), r: 4.5, class: "exhaust" },
            svg("title", {}, `${s.title}: ${limit} runs out after ${num(s.maxNodes)} nodes`),
          )
        : null,
    );
  });
}

/** The legend: per group, addresses per node, needed at the marker, and the most nodes. */
function legendOf(chart: ChartData): HTMLElement {
  return h(
    "ul",
    { class: "legend" },
    ...chart.series.map((s, i) =>
      h(
        "li",
        { class: `model-${i}`, "data-models": s.models.join(" ") },
        h("span", { class: "swatch line" }),
        h("strong", {}, s.title),
        `: ${num(s.perNode)} address${s.perNode === 1 ? "" : "es"} per ` +
          `node${s.perNode > 1 ? ` (max pods ${s.maxPods})` : ""}; `,
        h("span", { "data-field": "atMarker" }, num(s.atMarker)),
        ` needed at ${num(chart.marker)} nodes; `,
        h(
          "span",
          { "data-field": "maxNodes", class: s.atMarker > chart.capacity ? "problem" : undefined },
          `${num(s.maxNodes)} nodes at most (${LIMIT_WORDS[s.limitedBy] ?? s.limitedBy})`,
        ),
      ),
    ),
  );
}

/** The chart itself: grid, axes, the lines, the subnet's capacity and the marker at the chosen node count. */
function drawing(chart: ChartData, sc: Scale, PW: number): SVGElement {
  const { W, x, y } = sc;
  const grid = gridOf(chart, sc);
  const series = seriesOf(chart, sc);
  const markerX = x(Math.min(chart.marker, chart.xMax));
  return svg(
    "svg",
    {
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-labelledby": "chart-desc",
      id: "chart-svg",
      "data-marker": chart.marker,
      "data-xmax": chart.xMax,
    },
    svg(
      "desc",
      { id: "chart-desc" },
      `Node-subnet addresses needed against node count for ${chart.subnet}; the subnet has ${chart.capacity} ` +
        `usable addresses.`,
    ),
    ...grid,
    svg("line", { x1: M.left, x2: M.left, y1: M.top, y2: M.top + PH, class: "axis" }),
    svg("line", { x1: M.left, x2: W - M.right, y1: M.top + PH, y2: M.top + PH, class: "axis" }),
    svg("text", { x: M.left + PW / 2, y: H - 4, "text-anchor": "middle" }, "nodes (addresses include surge)"),
    svg("clipPath", { id: "plot-clip" }, svg("rect", { x: M.left, y: M.top, width: PW, height: PH })),
    svg("g", { "clip-path": "url(#plot-clip)" }, ...series),
    svg("line", { x1: M.left, x2: W - M.right, y1: y(chart.capacity), y2: y(chart.capacity), class: "capacity" }),
    svg(
      "text",
      { x: W - M.right - 4, y: y(chart.capacity) - 5, "text-anchor": "end", class: "capacity-label" },
      `${chart.subnet}: ${num(chart.capacity)} usable`,
    ),
    svg("line", {
      x1: markerX.toFixed(1),
      x2: markerX.toFixed(1),
      y1: M.top,
      y2: M.top + PH,
      class: "marker",
      id: "chart-marker",
    }),
    svg("text", { x: (markerX + 4).toFixed(1), y: M.top + 10, class: "marker-label" }, `${num(chart.marker)} nodes`),
  );
}

export function renderChart(el: HTMLElement, chart: ChartData | undefined): void {
  observeWidth(el);
  const W = drawingWidth(boxWidth ?? el.clientWidth);
  const PW = W - M.left - M.right;
  last = { el, chart, width: W };
  if (!chart)
    return fill(
      el,
      h("p", { class: "hint" }, "No IPv4 node subnet to chart: give the first pool a subnet, or a subnet to compare."),
    );
  const yMax = Math.max(chart.capacity * 1.6, 16);
  const x = (n: number) => M.left + (n / chart.xMax) * PW;
  const y = (a: number) => M.top + PH - (a / yMax) * PH;
  const sc: Scale = { W, x, y };
  fill(
    el,
    drawing(chart, sc, PW),
    legendOf(chart),
    h(
      "p",
      { class: "hint" },
      `${chart.subnetLabel}: ${chart.subnet}; one pool, max surge ` +
        `${chart.maxSurge.kind === "percent" ? `${chart.maxSurge.percent}%` : chart.maxSurge.count}; reserved ` +
        `addresses of the plan included. A dot ends each line where the model's first limit runs out: the node ` +
        `subnet (the dashed line), or before it the pod CIDR, a pod subnet, kubenet's 400 routes, the VNet's ` +
        `65,536 private IPs or the tier's node limit, as in the comparison's "Limited by".`,
    ),
  );
}
