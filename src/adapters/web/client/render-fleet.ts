/**
 * Draws the fleet view (../fleet-view.ts): each pool with a bar of used and
 * free space to scale and how many more VNets fit; each cluster with its model,
 * VNet and CIDRs; the fleet's findings. Hidden when the editor holds no fleet file.
 */
import type { FleetPoolView, FleetView } from "../fleet-view.js";
import { fill, h, num, svg } from "./dom.js";
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

function list(items: readonly string[], max = 6): string {
  if (items.length === 0) return "—";
  return items.length > max ? `${items.slice(0, max).join(", ")} … (${num(items.length)} in all)` : items.join(", ");
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
      : h(
          "div",
          { class: "table-wrap", tabindex: 0, role: "region", "aria-label": "Pools (scrolls sideways)" },
          h(
            "table",
            { id: "fleet-pools" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ...["Pool", "For", "Supernets", "Used", "Free space", "Largest free", "Still fits"].map((t) =>
                  h("th", { scope: "col" }, t),
                ),
              ),
            ),
            h(
              "tbody",
              {},
              ...v.pools.map((p) =>
                h(
                  "tr",
                  { "data-pool": p.name },
                  h("th", { scope: "row" }, p.name),
                  h("td", {}, p.for),
                  h("td", {}, list(p.cidrs, 3)),
                  h(
                    "td",
                    { class: "fleet-used-cell" },
                    poolBar(p),
                    h("span", { "data-used": p.used }, `${num(p.used)} / ${num(p.size)}`),
                  ),
                  h("td", { "data-free-count": p.freeCount }, list(p.free, 4)),
                  h("td", {}, p.largestFree ?? "full"),
                  h("td", { "data-fits": p.fits.join("; ") }, p.fits.join(", ") || "—"),
                ),
              ),
            ),
          ),
        ),
    h("h3", {}, "Clusters"),
    h(
      "div",
      { class: "table-wrap", tabindex: 0, role: "region", "aria-label": "Clusters (scrolls sideways)" },
      h(
        "table",
        { id: "fleet-clusters" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Cluster", "Model", "VNet", "Pod CIDR", "Service CIDR", "Findings"].map((t) =>
              h("th", { scope: "col" }, t),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...v.clusters.map((c) =>
            h(
              "tr",
              { "data-cluster": c.name },
              h("th", { scope: "row" }, c.name),
              h("td", {}, c.model ?? (c.plan !== "inline" ? `plan file ${c.plan}` : "—")),
              h("td", {}, list(c.vnet) === "—" ? "not placed yet" : list(c.vnet)),
              h(
                "td",
                {},
                list(c.podCidrs),
                c.podsRouted ? h("span", { class: "hint" }, ` (routed: ${c.podsRouted})`) : null,
              ),
              h("td", {}, list(c.serviceCidrs)),
              h(
                "td",
                {},
                c.errors + c.warnings === 0 ? "none" : `${num(c.errors)} errors, ${num(c.warnings)} warnings`,
              ),
            ),
          ),
        ),
      ),
    ),
    h("h3", {}, "Fleet findings"),
    h("div", { id: "fleet-findings" }),
  );
  renderFindings(el.querySelector<HTMLElement>("#fleet-findings")!, v.findings, []);
}
