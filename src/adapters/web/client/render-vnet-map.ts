/**
 * Draws the VNet map (engines/views/vnet-map.ts): per address space, one bar to scale
 * with each subnet labelled by name and purpose, the subnets `aksnet layout` would add
 * (dashed), the ranges new subnets avoid and the free space; a zoomed bar when the
 * subnets fill a small part of the space; and a table of the blocks, as visualsubnetcalc
 * shows them, where a free block is split in halves, joined back, or made a subnet.
 * Positions are percentages on SVG attributes (the CSP forbids inline styles).
 */
import type { VnetBlock, VnetMap, VnetSpaceMap } from "../../../engines/views/index.js";
import { fill, h, num, svg } from "./dom.js";

export interface VnetMapActions {
  split(cidr: string): void;
  join(cidr: string): void;
  /** Makes the free block a subnet of the plan. */
  add(cidr: string): void;
  /** Adds the subnets `aksnet layout` proposes. */
  applyLayout(): void;
}

/** Rows shown before "Show all": a 1,000-subnet plan does not build 1,300 rows on every edit. */
const ROWS_SHOWN = 60;
/** Rough width of a label character at 12 px, to leave out labels that cannot fit. */
const CHAR_PX = 7;
const BAR_HEIGHT = 40;

const pct = (f: number) => `${(f * 100).toFixed(4)}%`;

function kindClass(b: VnetBlock): string {
  return `seg ${b.kind}${b.subnetKind ? ` k-${b.subnetKind}` : ""}`;
}

function describe(b: VnetBlock): string {
  const cidr = b.cidrs.join(", ");
  if (b.kind === "subnet" || b.kind === "proposed")
    return (
      `${b.kind === "proposed" ? "proposed by aksnet layout: " : ""}subnet ${b.label} (${b.purpose ?? "other"}) ` +
      `${cidr}, ${num(b.usable ?? 0)} usable`
    );
  if (b.kind === "free") return `free ${cidr} (${num(b.size)} addresses)`;
  return `${b.label}: ${cidr}`;
}

/** Height of a bar whose narrow subnets carry their names upright (12 characters). */
const TALL_HEIGHT = 96;

interface Seg {
  readonly b: VnetBlock;
  readonly x: number;
  readonly width: number;
  readonly px: number;
}

const fits = (t: string, px: number) => t.length * CHAR_PX + 8 <= px;
const named = (b: VnetBlock) => b.kind === "subnet" || b.kind === "proposed";

/**
 * Blocks narrower than this never carry a name (across needs 15 px, upright 14): each is a rect in a group, not a
 * nested viewport of its own, whose clip and offset Chromium would otherwise paint and layerize on every frame
 * (a 1,000-subnet plan: 2,600 of them, most under a pixel wide).
 */
const NAMED_MIN_PX = 14;

/** One segment: its fill, its tooltip, and its name across (or upright, when the bar is tall) if it fits. */
function segment(s: Seg, height: number): SVGElement {
  const { b, px } = s;
  if (px < NAMED_MIN_PX)
    return svg(
      "g",
      { class: kindClass(b) },
      svg("rect", { x: pct(s.x), y: 0, width: pct(Math.max(s.width, 0.0015)), height, class: "seg-fill" }),
      svg("title", {}, describe(b)),
    );
  const second = named(b) ? `${b.purpose ?? ""} ${b.cidrs[0] ?? ""}` : "";
  const across = fits(b.label, px);
  const upright = !across && height === TALL_HEIGHT && named(b) && px >= NAMED_MIN_PX;
  const chars = Math.floor((height - 8) / CHAR_PX);
  return svg(
    "svg",
    { x: pct(s.x), y: 0, width: pct(Math.max(s.width, 0.0015)), height, class: kindClass(b) },
    svg("rect", { x: 0, y: 0, width: "100%", height: "100%", class: "seg-fill" }),
    svg("title", {}, describe(b)),
    across ? svg("text", { x: 4, y: 16, class: "seg-name" }, b.label) : null,
    across && second && fits(second, px) ? svg("text", { x: 4, y: 32, class: "seg-more" }, second) : null,
    upright
      ? svg(
          "text",
          { transform: `translate(${Math.round(px / 2 - 4)} 4) rotate(90)`, class: "seg-name" },
          b.label.length > chars ? `${b.label.slice(0, chars - 1)}…` : b.label,
        )
      : null,
  );
}

/** Whether a segment carries its own name (across, or upright in a tall bar). */
const labelled = (s: Seg, height: number) =>
  fits(s.b.label, s.px) || (height === TALL_HEIGHT && named(s.b) && s.px >= NAMED_MIN_PX);

interface Run {
  readonly from: number;
  readonly to: number;
  readonly names: readonly string[];
}

/** Adjacent subnets too narrow for any name of their own (a phone's bar with 30 pools): one run each, in px. */
function runsOf(segs: readonly Seg[], height: number, widthPx: number): Run[] {
  const runs: Run[] = [];
  let cur: { from: number; to: number; names: string[] } | undefined;
  for (const s of segs) {
    const bare = named(s.b) && !labelled(s, height);
    // A narrow block between them (a gap, a small free block) does not split a run; a named or wide one does.
    if (!bare && (labelled(s, height) || s.px >= 12)) {
      if (cur) runs.push(cur);
      cur = undefined;
      continue;
    }
    const left = s.x * widthPx;
    if (bare) {
      cur ??= { from: left, to: left + s.px, names: [] };
      cur.names.push(s.b.label);
    }
    if (cur) cur.to = left + s.px;
  }
  if (cur) runs.push(cur);
  return runs;
}

const LANE_HEIGHT = 18;
const LANES = [0, 1, 2];

/** The words for a run, longest first: its first and last name and how many, down to the count alone. */
function runWords(r: Run): string[] {
  const first = r.names[0] ?? "";
  const last = r.names[r.names.length - 1] ?? "";
  if (r.names.length === 1) return [first];
  if (r.names.length === 2) return [`${first}, ${last}`, "2 subnets"];
  return [`${first} – ${last} (${r.names.length})`, `${first} – ${last}`, `${r.names.length} subnets`];
}

/**
 * Under a zoomed bar, the names of its runs of narrow subnets: a mark over each run's extent and its words in
 * the first of three lanes where they overlap no other words (starting at the run, or ending at it near the
 * bar's end). The table below names every subnet; this is what the bar itself can say.
 */
function runBand(runs: readonly Run[], widthPx: number): SVGSVGElement | null {
  if (!runs.length) return null;
  const lanes: [number, number][][] = LANES.map(() => []);
  const placed = runs.flatMap((r) => {
    for (const words of runWords(r)) {
      const w = words.length * CHAR_PX + 4;
      const x = r.from + w <= widthPx ? r.from : Math.max(0, Math.min(widthPx, r.to) - w);
      const lane = LANES.find((i) => lanes[i]!.every(([a, b]) => x + w + 6 <= a || b + 6 <= x));
      if (lane === undefined) continue;
      lanes[lane]!.push([x, x + w]);
      return [{ r, words, x, lane }];
    }
    return [];
  });
  const used = 1 + Math.max(0, ...placed.map((p) => p.lane));
  return svg(
    "svg",
    { class: "vband", width: "100%", height: 6 + used * LANE_HEIGHT, "aria-hidden": "true" },
    ...placed.flatMap((p) => [
      svg("rect", { x: pct(p.r.from / widthPx), y: 0, width: pct((p.r.to - p.r.from) / widthPx), height: 3 }),
      svg(
        "text",
        {
          x: pct(p.x / widthPx),
          y: (p.lane + 1) * LANE_HEIGHT,
          class: "run-name",
          "data-first": p.r.names[0],
          "data-last": p.r.names[p.r.names.length - 1],
          "data-count": p.r.names.length,
        },
        p.words,
      ),
    ]),
  );
}

/**
 * One bar: the blocks inside the window [x0, x0 + w) of the space, stretched to the bar's width. A zoomed bar
 * whose subnets are too narrow for their names across grows taller and writes them upright; those too narrow
 * even for that are named by runs in a band under it.
 */
function bar(blocks: readonly VnetBlock[], x0: number, w: number, widthPx: number, label: string, zoomed: boolean) {
  const segs: Seg[] = blocks
    .filter((b) => b.x < x0 + w && b.x + b.width > x0)
    .map((b) => {
      const from = Math.max(b.x, x0);
      const to = Math.min(b.x + b.width, x0 + w);
      return { b, x: (from - x0) / w, width: (to - from) / w, px: ((to - from) / w) * widthPx };
    });
  const tall = zoomed && segs.some((s) => named(s.b) && !fits(s.b.label, s.px) && s.px >= NAMED_MIN_PX);
  const height = tall ? TALL_HEIGHT : BAR_HEIGHT;
  const drawn = svg(
    "svg",
    { class: "vbar", width: "100%", height, role: "img", "aria-label": label },
    ...mergedNarrow(segs).map((r) => (r.length === 1 ? segment(r[0]!, height) : merged(r, height))),
  );
  return zoomed ? [drawn, runBand(runsOf(segs, height, widthPx), widthPx)] : [drawn];
}

/** Blocks narrower than this (in pixels) are drawn together with their narrow neighbours. */
const APART_MIN_PX = 1;
/** A run of narrow blocks is closed once it is this wide: one mark of about two pixels. */
const RUN_PX = 2;

/** The segments in runs: a wide one alone, narrow neighbours together (a 1,000-subnet bar: hundreds, not 1,300). */
function mergedNarrow(segs: readonly Seg[]): Seg[][] {
  const out: Seg[][] = [];
  let run: Seg[] = [];
  let px = 0;
  const close = () => {
    if (run.length > 0) out.push(run);
    run = [];
    px = 0;
  };
  for (const s of segs) {
    if (s.px >= APART_MIN_PX) {
      close();
      out.push([s]);
      continue;
    }
    run.push(s);
    px += s.px;
    if (px >= RUN_PX) close();
  }
  close();
  return out;
}

/**
 * Narrow neighbours as one mark in the colour of the largest; its tooltip says what is there (the table lists
 * each).
 */
function merged(run: readonly Seg[], height: number): SVGGElement {
  const main = run.reduce((m, s) => (s.b.size > m.b.size ? s : m));
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const subnets = run.filter((s) => named(s.b)).length;
  const free = run.filter((s) => s.b.kind === "free").length;
  const width = last.x + last.width - first.x;
  return svg(
    "g",
    { class: `${kindClass(main.b)} merged` },
    svg("rect", { x: pct(first.x), y: 0, width: pct(Math.max(width, 0.0015)), height, class: "seg-fill" }),
    svg(
      "title",
      {},
      `${run.length} blocks too narrow to draw apart, ${first.b.first} – ${last.b.last}: ${subnets} subnets, ` +
        `${free} free, ${run.length - subnets - free} other (each is a row of the table)`,
    ),
  );
}

function actions(b: VnetBlock, act: VnetMapActions): HTMLElement[] {
  if (b.kind !== "free") return [];
  const cidr = b.cidrs[0] ?? "";
  const button = (text: string, what: string, run: () => void) => {
    const el = h("button", { type: "button", class: "small", "aria-label": `${text} ${what}` }, text);
    el.addEventListener("click", run);
    return el;
  };
  return [
    button("Make subnet", cidr, () => act.add(cidr)),
    b.canSplit ? button("Split", cidr, () => act.split(cidr)) : null,
    b.joins ? button("Join", `into ${b.joins}`, () => act.join(b.joins!)) : null,
  ].filter((x): x is HTMLButtonElement => x !== null);
}

function row(b: VnetBlock, act: VnetMapActions): HTMLTableRowElement {
  const what =
    b.kind === "subnet" || b.kind === "proposed"
      ? [h("strong", {}, b.label), ` ${b.purpose ?? ""}`, b.kind === "proposed" ? h("em", {}, " (proposed)") : null]
      : [b.label];
  return h(
    "tr",
    { class: `vrow ${b.kind}` },
    h("td", {}, h("span", { class: `vswatch ${kindClass(b)}` }), ...what),
    h("td", { title: `${b.first} – ${b.last}` }, h("code", {}, b.cidrs.join(" "))),
    h("td", { class: "num" }, num(b.size), h("span", { class: "unit" }, " addresses")),
    h("td", { class: "num" }, b.usable !== undefined ? [num(b.usable), h("span", { class: "unit" }, " usable")] : ""),
    h("td", { class: "vactions" }, b.kind === "free" ? h("div", {}, ...actions(b, act)) : null),
  );
}

function table(space: VnetSpaceMap, act: VnetMapActions, all: boolean, showAll: () => void): HTMLElement[] {
  const shown = all ? space.blocks : space.blocks.slice(0, ROWS_SHOWN);
  const more = space.blocks.length - shown.length;
  const t = h(
    "table",
    { class: "vtable" },
    h("caption", { class: "visually-hidden" }, `Blocks of ${space.cidr}`),
    h(
      "thead",
      {},
      h("tr", {}, ...["What", "CIDR", "Addresses", "Usable", "Free blocks"].map((c) => h("th", { scope: "col" }, c))),
    ),
    h("tbody", {}, ...shown.map((b) => row(b, act))),
  );
  if (more <= 0) return [h("div", { class: "table-wrap" }, t)];
  const b = h("button", { type: "button", class: "small" }, `Show all ${num(space.blocks.length)} blocks`);
  b.addEventListener("click", showAll);
  return [h("div", { class: "table-wrap" }, t), h("p", {}, b, ` (${num(more)} more)`)];
}

function spaceView(space: VnetSpaceMap, act: VnetMapActions, widthPx: number, all: boolean, showAll: () => void) {
  const counts = `${num(space.size)} addresses: ${num(space.used)} in subnets, ${num(space.free)} free${
    space.largestFree ? `; largest free block ${space.largestFree}` : ""
  }`;
  const z = space.zoom;
  return h(
    "figure",
    { class: "vspace", "data-space": space.cidr },
    h("figcaption", {}, h("code", {}, space.cidr), ` (${counts})`),
    ...bar(space.blocks, 0, 1, widthPx, `${space.cidr}, ${counts}`, false),
    z
      ? h(
          "div",
          { class: "zoom" },
          h(
            "p",
            { class: "zoom-caption" },
            "Zoomed to the subnets: ",
            h("code", {}, z.first),
            " – ",
            h("code", {}, z.last),
          ),
          ...bar(space.blocks, z.x, z.width, widthPx, `zoomed to ${z.first} – ${z.last}`, true),
        )
      : null,
    ...table(space, act, all, showAll),
  );
}

/** Spaces whose every row is shown (the user asked): kept across edits of the same page. */
const showingAll = new Set<string>();

/** `width`: the element's width when known without a layout (vnetMapDrawer), else it is measured. */
export function renderVnetMap(el: HTMLElement, map: VnetMap | undefined, act: VnetMapActions, width?: number): void {
  if (!map) {
    el.hidden = true;
    return fill(el);
  }
  el.hidden = false;
  const widthPx = Math.max(280, width || el.clientWidth || 800);
  const proposed = map.proposed.names.length
    ? (() => {
        const b = h("button", { type: "button", id: "apply-layout" }, "Add them to the plan");
        b.addEventListener("click", () => act.applyLayout());
        const n = map.proposed.names.length;
        return h(
          "p",
          { class: "proposed-note" },
          `aksnet layout would add ${n} subnet${n === 1 ? "" : "s"} the plan needs (dashed): ` +
            `${map.proposed.names.join(", ")}. `,
          b,
        );
      })()
    : null;
  const redraw = () => renderVnetMap(el, map, act);
  fill(
    el,
    h("h3", { id: "vnet-map-title" }, `VNet ${map.name ?? ""}`.trim()),
    h(
      "p",
      { class: "hint" },
      "Each subnet labelled with what it is for, and the free space. Make a free block a subnet, or split it in " +
        "halves first.",
    ),
    proposed,
    map.notes.length ? h("ul", { class: "hint" }, ...map.notes.map((n) => h("li", {}, n))) : null,
    ...map.spaces.map((s) =>
      spaceView(s, act, widthPx, showingAll.has(s.cidr), () => {
        showingAll.add(s.cidr);
        redraw();
      }),
    ),
  );
}

/** A drawn map: what it was drawn from (the map, the width, the spaces shown whole). */
interface Drawn {
  readonly map: VnetMap | undefined;
  readonly key: string;
}

/** The VNet map's drawer: `draw` shows a map; `element` is the element that shows it now (`#vnet-map`). */
export interface VnetMapDrawer {
  draw(map: VnetMap | undefined): void;
  element(): HTMLElement;
}

/** Ids inside a drawing put aside are kept as `data-aside-id` (the shown drawing has the same ones). */
function stashIds(el: HTMLElement, aside: boolean): void {
  if (aside) for (const e of Array.from(el.querySelectorAll<HTMLElement>("[id]"))) e.dataset["asideId"] = e.id;
  const stashed = Array.from(el.querySelectorAll<HTMLElement>("[data-aside-id]"));
  for (const e of stashed) {
    if (aside) e.removeAttribute("id");
    else {
      e.id = e.dataset["asideId"] ?? "";
      delete e.dataset["asideId"];
    }
  }
}

/**
 * Draws maps into `el` (`#vnet-map`), keeping the map drawn before the current one aside in a second element beside
 * it: a map drawn again (a model switched there and back: the view computer keeps the last two maps, and returns the
 * same object) is shown again instead of drawn anew (a 1,000-subnet plan's map is thousands of elements, the largest
 * cost of such an edit). The drawing aside stays in the document with `content-visibility: hidden` (class
 * `vnet-aside`: not painted, not in the tab order or the accessibility tree, no height), so the browser keeps its
 * style and layout: detached and put back, it was styled and laid out again (~20 ms of a 30 ms frame). The two
 * elements trade the id `vnet-map` (and the ids inside) as they trade places. A map drawn at another width, or after
 * "Show all", is drawn anew.
 */
export function vnetMapDrawer(el: HTMLElement, act: VnetMapActions): VnetMapDrawer {
  let shown: Drawn | undefined;
  let before: Drawn | undefined;
  let current = el;
  let aside: HTMLElement | undefined;
  // The width the map is drawn at, kept by a ResizeObserver (it reports after the browser's own layout): reading
  // clientWidth in the draw forced a layout of every view changed before it, and again of the map just drawn. While
  // the map is hidden (no plan) the last width drawn at is kept. Both elements are as wide as the section.
  let width = 0;
  const measure = () => (width = current.clientWidth || width);
  // In the observer's callback layout is clean: reading clientWidth there costs nothing.
  const observer =
    typeof ResizeObserver === "undefined"
      ? undefined
      : new ResizeObserver(() => (width = current.clientWidth || width));
  observer?.observe(el);
  const keyOf = () => `${width || measure()} ${[...showingAll].join(" ")}`;
  /** The element aside (made once, after `el`). */
  const otherOf = (): HTMLElement => {
    if (aside) return aside;
    const made = el.cloneNode(false) as HTMLElement;
    made.removeAttribute("id");
    made.hidden = false;
    made.classList.add("vnet-aside");
    el.after(made);
    observer?.observe(made);
    return (aside = made);
  };
  /** The element aside shows its drawing; the shown one goes aside. */
  const trade = () => {
    const next = otherOf();
    const drawn = current.dataset["drawn"];
    current.removeAttribute("id");
    current.classList.add("vnet-aside");
    stashIds(current, true);
    if (drawn !== undefined) next.dataset["drawn"] = drawn;
    next.id = "vnet-map";
    next.classList.remove("vnet-aside");
    stashIds(next, false);
    aside = current;
    current = next;
  };
  return {
    element: () => current,
    draw(map) {
      const key = keyOf();
      if (shown && shown.map === map && shown.key === key) return;
      const again = before !== undefined && before.map === map && before.key === key;
      if (shown) {
        // The new drawing goes where the one before the shown one was, and the shown one goes aside.
        if (!again) renderVnetMap(otherOf(), map, act, width);
        trade();
        current.hidden = map === undefined;
      } else renderVnetMap(current, map, act, width);
      const drawnAs = shown;
      // A first draw (the width not known yet) is measured after it, so the next edit's key matches.
      shown = { map, key: width ? key : keyOf() };
      before = drawnAs;
    },
  };
}
