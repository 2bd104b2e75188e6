/**
 * Draws the address-space map (engines/views/address-map.ts): one panel per group of
 * overlapping ranges, one lane per kind of range, each bar to scale. Bars
 * narrower than a pixel are drawn a pixel wide so they stay visible; the list
 * under each panel gives the exact ranges.
 */
import type { AddressMap, MapItem, MapPanel } from "../../../engines/views/index.js";
import { fill, h, num, svg } from "./dom.js";

const W = 1000;
/** More items than this in a panel: the exact list is folded away. */
const LIST_OPEN_LIMIT = 12;

function bar(item: MapItem): SVGRectElement {
  const x = item.x * W;
  const width = Math.max(item.width * W, 1.2);
  return svg(
    "rect",
    {
      x: x.toFixed(3),
      y: 1,
      width: width.toFixed(3),
      height: 16,
      class: `bar ${item.kind}${item.overlaps ? " overlap" : ""}`,
    },
    svg(
      "title",
      {},
      `${item.label}: ` +
        `${item.cidr}${item.usable ? `, ${num(BigInt(item.usable))} usable (Azure keeps 5)` : ""}` +
        `${item.overlaps ? " (overlaps)" : ""}${item.note ? ` (${item.note})` : ""}`,
    ),
  );
}

function lane(title: string, bars: readonly SVGElement[], cls: string): HTMLElement {
  return h(
    "div",
    { class: `lane ${cls}` },
    h("span", { class: "lane-title" }, title),
    svg(
      "svg",
      { viewBox: `0 0 ${W} 18`, preserveAspectRatio: "none", class: "lane-bars", role: "img", "aria-label": title },
      ...bars,
    ),
  );
}

function lanesOf(panel: MapPanel): HTMLElement[] {
  const lanes = panel.lanes.map((l) => lane(l.title, l.items.map(bar), l.kind));
  if (panel.overlapBands.length > 0) {
    lanes.push(
      lane(
        "overlap",
        panel.overlapBands.map((b) =>
          svg("rect", {
            x: (b.x * W).toFixed(3),
            y: 1,
            width: Math.max(b.width * W, 1.2).toFixed(3),
            height: 16,
            class: "bar band",
          }),
        ),
        "band",
      ),
    );
  }
  return lanes;
}

/** The zoomed view under a panel whose subnets are too small to see at its scale. */
function zoomView(zoom: NonNullable<MapPanel["zoom"]>): HTMLElement {
  return h(
    "div",
    { class: "zoom" },
    h(
      "p",
      { class: "zoom-caption" },
      "Zoomed to the subnets: ",
      h("code", {}, zoom.from),
      " – ",
      h("code", {}, zoom.to),
      ` (${num(BigInt(zoom.size))} addresses)`,
    ),
    ...lanesOf(zoom),
  );
}

function panelView(panel: MapPanel, index: number): HTMLElement {
  const items = panel.lanes.flatMap((l) => l.items);
  const overlapping = items.filter((i) => i.overlaps);
  const lanes = lanesOf(panel);
  const zoom = panel.zoom ? zoomView(panel.zoom) : null;
  const list = () =>
    h(
      "ul",
      { class: "ranges" },
      ...items.map((i) =>
        h(
          "li",
          { class: i.overlaps ? "overlap" : undefined },
          h("span", { class: `swatch ${i.kind}` }),
          `${i.label} `,
          h("code", {}, i.cidr),
          i.usable ? h("span", { class: "hint" }, ` ${num(BigInt(i.usable))} usable`) : null,
          i.overlaps ? h("strong", {}, i.kind === "reserved" ? " reserved by AKS" : " overlaps") : null,
        ),
      ),
    );
  const open = items.length <= LIST_OPEN_LIMIT;
  const details = h(
    "details",
    { open },
    h(
      "summary",
      {},
      `${items.length} ` +
        `range${items.length === 1 ? "" : "s"}${overlapping.length ? `, ${overlapping.length} overlapping` : ""}`,
    ),
    open ? list() : null,
  );
  // A long list is built the first time it is opened, so an edit does not pay for it.
  if (!open)
    details.addEventListener("toggle", () => details.open && details.childElementCount === 1 && details.append(list()));
  return h(
    "figure",
    { class: "panel", "data-panel": index },
    h(
      "figcaption",
      {},
      h("code", {}, panel.from),
      " – ",
      h("code", {}, panel.to),
      ` (${num(BigInt(panel.size))} addresses)`,
    ),
    ...lanes,
    zoom,
    details,
  );
}

export function renderMap(el: HTMLElement, map: AddressMap | undefined): void {
  if (!map) return fill(el, h("p", { class: "hint" }, "No plan to draw."));
  const unreadable = map.unreadable.length
    ? h(
        "p",
        { class: "problem" },
        `Not drawn (not a CIDR): ${map.unreadable.map((u) => `${u.field} "${u.text}" (${u.reason})`).join("; ")}.`,
      )
    : null;
  if (map.panels.length === 0)
    return fill(
      el,
      h(
        "p",
        { class: "hint" },
        "The plan has no address ranges yet: add vnet.addressSpace, subnets or network.podCidrs.",
      ),
      unreadable,
    );
  fill(el, unreadable, ...map.panels.map(panelView));
}
