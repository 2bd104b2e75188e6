/**
 * Shows `aksnet scan -o json` read from the editor (../scan-view.ts): a scanned cluster
 * to start a plan from (its own configuration), the used space by what holds it, the
 * reader's notes, and a button that starts a new plan treating that space as connected
 * networks (each a plan replacement Undo and Back revert).
 */
import type { ScanView } from "../scan-view.js";
import { fill, h } from "./dom.js";

export function renderScan(
  section: HTMLElement,
  el: HTMLElement,
  scan: ScanView | undefined,
  start: (text: string, what: string) => void,
): void {
  section.hidden = !scan;
  if (!scan) return fill(el);
  const button = h("button", { type: "button", id: "scan-plan" }, "Start a new plan that avoids this space");
  button.addEventListener("click", () => start(scan.planText, "a plan that avoids the scanned space"));
  fill(
    el,
    clusterChoice(scan, start),
    h(
      "p",
      {},
      `${scan.count} used prefixes; ${scan.groups.length} networks once the subnets inside them are left out. `,
      button,
    ),
    scan.notes.length ? h("ul", { class: "hint" }, ...scan.notes.map((n) => h("li", {}, n))) : null,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { id: "scan-table" },
        h("caption", { class: "visually-hidden" }, "Used space from the scan"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Held by"), h("th", { scope: "col" }, "CIDRs"))),
        h(
          "tbody",
          {},
          ...scan.groups.map((g) => h("tr", {}, h("td", {}, g.name), h("td", {}, h("code", {}, g.cidrs.join(", "))))),
        ),
      ),
    ),
  );
}

/** A scanned cluster to start a plan from: its model, pools, VNet and pod CIDR as the scan read them. */
function clusterChoice(scan: ScanView, start: (text: string, what: string) => void): HTMLElement | null {
  if (!scan.clusters.length) return null;
  const select = h(
    "select",
    { id: "scan-cluster" },
    ...scan.clusters.map((c) => h("option", { value: c.name }, `${c.name}: ${c.verdict}`)),
  );
  const go = h("button", { type: "button", id: "scan-cluster-plan" }, "Start a plan from this cluster");
  go.addEventListener("click", () => {
    const text = scan.planFor(select.value);
    if (text) start(text, `the plan of the scanned cluster ${select.value}`);
  });
  return h("p", { class: "scan-cluster" }, h("label", { for: "scan-cluster" }, "Scanned cluster "), select, " ", go);
}
