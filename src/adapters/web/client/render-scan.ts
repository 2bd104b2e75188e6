/**
 * Shows `aksnet scan -o json` read from the editor (../scan-view.ts): the used space
 * by what holds it, the reader's notes, and a button that starts a plan treating it
 * as connected networks (a plan replacement Undo and Back revert).
 */
import type { ScanView } from "../scan-view.js";
import { fill, h } from "./dom.js";

export function renderScan(
  section: HTMLElement,
  el: HTMLElement,
  scan: ScanView | undefined,
  start: (text: string) => void,
): void {
  section.hidden = !scan;
  if (!scan) return fill(el);
  const button = h("button", { type: "button", id: "scan-plan" }, "Start a plan that avoids this space");
  button.addEventListener("click", () => start(scan.planText));
  fill(
    el,
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
