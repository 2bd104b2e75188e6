/**
 * Draws the fleet view (../fleet-view.ts): each pool with a bar of used and
 * free space to scale and how many more VNets fit; each cluster with its model,
 * VNet and CIDRs; the fleet's findings. Hidden when the editor holds no fleet file.
 */
import type { FleetClusterView, FleetPoolView, FleetView } from "../fleet-view.js";
import { fill, h, num, svg, type Attrs, type Child } from "./dom.js";
import { renderFindings } from "./render-findings.js";

function poolBar(p: FleetPoolView): SVGSVGElement {
  const width = 1000;
  const used = Math.round(p.usedShare * width);
  const label =
    `${p.name}: ${num(p.used)} of ${num(p.size)} addresses used (${(p.usedShare * 100).toFixed(1)}%), ` +
    `${num(p.size - p.used)} free`;
  return svg(
    "svg",
    { class: "fleet-bar", viewBox: `0 0 ${width} 16`, preserveAspectRatio: "none", role: "img", "aria-label": label },
    svg("title", {}, label),
    svg("rect", { class: "fleet-free", x: 0, y: 0, width, height: 16 }),
    used > 0 ? svg("rect", { class: "fleet-used", x: 0, y: 0, width: Math.max(used, 2), height: 16 }) : null,
  );
}

const POOL_COLUMNS = ["Pool", "For", "Supernets", "Used", "Free space", "Largest free", "Still fits"] as const;
const CLUSTER_COLUMNS = ["Cluster", "Model", "VNet", "Pod CIDR", "Service CIDR", "Findings"] as const;

/** A data cell that names its column (`data-label`): on a phone each row is a card of `label value` lines. */
function cell(label: string, attrs: Attrs, ...children: Child[]): HTMLElement {
  return h("td", { ...attrs, "data-label": label }, ...children);
}

/** A table that reflows on a phone (class `stack`, 5-vnet-map.css): no sideways scrolling at any width. */
function stackTable(id: string, caption: string, columns: readonly string[], rows: HTMLElement[]): HTMLElement {
  return h(
    "table",
    { id, class: "stack" },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", {}, h("tr", {}, ...columns.map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, ...rows),
  );
}

function list(items: readonly string[], max = 6): string {
  if (items.length === 0) return "—";
  return items.length > max ? `${items.slice(0, max).join(", ")} … (${num(items.length)} in all)` : items.join(", ");
}

function poolRow(p: FleetPoolView): HTMLElement {
  const [, forCol, supernets, used, free, largest, fits] = POOL_COLUMNS;
  return h(
    "tr",
    { "data-pool": p.name },
    h("th", { scope: "row" }, p.name),
    cell(forCol, {}, p.for),
    cell(supernets, {}, list(p.cidrs, 3)),
    cell(
      used,
      { class: "fleet-used-cell" },
      h("div", {}, poolBar(p), h("span", { "data-used": p.used }, `${num(p.used)} / ${num(p.size)}`)),
    ),
    cell(free, { "data-free-count": p.freeCount }, list(p.free, 4)),
    cell(largest, {}, p.largestFree ?? "full"),
    cell(
      fits,
      { "data-fits": p.fits.join("; ") },
      p.fits.length ? p.fits.map((f, i) => [i ? ", " : "", h("span", { class: "item" }, f)]) : "—",
    ),
  );
}

function clusterRow(c: FleetClusterView): HTMLElement {
  const [, model, vnet, pod, service, findings] = CLUSTER_COLUMNS;
  return h(
    "tr",
    { "data-cluster": c.name },
    h("th", { scope: "row" }, c.name),
    cell(model, {}, c.model ?? (c.plan !== "inline" ? `plan file ${c.plan}` : "—")),
    cell(vnet, {}, list(c.vnet) === "—" ? "not placed yet" : list(c.vnet)),
    cell(pod, {}, list(c.podCidrs), c.podsRouted ? h("span", { class: "hint" }, ` (routed: ${c.podsRouted})`) : null),
    cell(service, {}, list(c.serviceCidrs)),
    cell(findings, {}, c.errors + c.warnings === 0 ? "none" : `${num(c.errors)} errors, ${num(c.warnings)} warnings`),
  );
}

export function renderFleet(section: HTMLElement, el: HTMLElement, v: FleetView | undefined): void {
  section.hidden = v === undefined;
  if (!v) return fill(el);
  const s = v.summary;
  fill(
    el,
    h(
      "p",
      { class: s.errors > 0 ? "problem" : "ok", id: "fleet-summary" },
      `${v.name ? `Fleet ${v.name}: ` : ""}${num(v.counts.clusters)} cluster${v.counts.clusters === 1 ? "" : "s"}, ` +
        `${num(v.pools.length)} pool${v.pools.length === 1 ? "" : "s"}, ${num(v.counts.networks)} networks; ` +
        `${num(s.errors)} error${s.errors === 1 ? "" : "s"}, ${num(s.warnings)} ` +
        `warning${s.warnings === 1 ? "" : "s"} (the same as aksnet fleet check).`,
    ),
    v.notes.length ? h("ul", { class: "hint" }, ...v.notes.map((n) => h("li", {}, n))) : null,
    h("h3", {}, "Pools"),
    v.pools.length === 0
      ? h("p", { class: "hint" }, "The fleet file has no pools: add pools: with the supernets to allocate from.")
      : stackTable("fleet-pools", "Pools of the fleet", POOL_COLUMNS, v.pools.map(poolRow)),
    h("h3", {}, "Clusters"),
    stackTable("fleet-clusters", "Clusters of the fleet", CLUSTER_COLUMNS, v.clusters.map(clusterRow)),
    h("h3", {}, "Fleet findings"),
    h("div", { id: "fleet-findings" }),
  );
  renderFindings(el.querySelector<HTMLElement>("#fleet-findings")!, v.findings, []);
}
