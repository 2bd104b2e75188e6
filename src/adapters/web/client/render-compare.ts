/**
 * Draws `aksnet compare` for one subnet: each model's node and pod capacity,
 * raw and with upgrade surge, with the resource that runs out first marked.
 * Cells carry `data-field` (the JSON field of `aksnet compare -o json`), so a
 * test can read the page's numbers back against the CLI.
 */
import type { CompareResult, CompareRow } from "../../../engines/capacity/index.js";
import { fill, h, num } from "./dom.js";

const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  "node-subnet": "node subnet",
  "pod-cidr": "pod CIDR",
  "pod-subnet": "pod subnet",
  "route-table": "route table (400 routes)",
  "vnet-ip-limit": "VNet IP limit",
  "cluster-node-limit": "cluster node limit",
};

/** Column headings; on a phone each cell shows its heading (CSS reads data-label). */
const LABELS: Readonly<Record<string, string>> = {
  maxPodsPerNode: "Pods/node",
  "addressesPerNode.nodeSubnet": "Addr./node",
  maxNodes: "Nodes",
  maxPods: "Pods",
  "withSurge.maxNodes": "Nodes, surge",
  "withSurge.maxPods": "Pods, surge",
  limitedBy: "Limited by",
};

function cell(row: CompareRow, field: string, value: number, limit: boolean): HTMLTableCellElement {
  return h(
    "td",
    {
      "data-field": field,
      "data-label": LABELS[field],
      class: limit ? "limit" : undefined,
      title: limit ? `limited by the ${RESOURCE_WORDS[row.limitedBy] ?? row.limitedBy}` : undefined,
    },
    num(value),
  );
}

function compareHead(surge: string): HTMLElement {
  return h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("th", { scope: "col" }, "Model (dataplane)"),
      h("th", { scope: "col", title: "max pods per node" }, "Pods/node"),
      h("th", { scope: "col", title: "node-subnet addresses per node" }, "Addr./node"),
      h("th", { scope: "col" }, "Nodes"),
      h("th", { scope: "col" }, "Pods"),
      h("th", { scope: "col" }, `Nodes, surge ${surge}`),
      h("th", { scope: "col" }, `Pods, surge ${surge}`),
      h("th", { scope: "col" }, "Limited by"),
    ),
  );
}

/** One model's row: its limits, the one that binds marked. */
function compareRow(r: CompareRow): HTMLElement {
  return h(
    "tr",
    { "data-model": r.model, "data-dataplane": r.dataplane ?? "none" },
    h("th", { scope: "row" }, r.title, " ", h("span", { class: "dataplane" }, `(${r.dataplane ?? "your CNI"})`)),
    cell(r, "maxPodsPerNode", r.maxPodsPerNode, false),
    cell(r, "addressesPerNode.nodeSubnet", r.addressesPerNode.nodeSubnet, false),
    cell(r, "maxNodes", r.maxNodes, true),
    cell(r, "maxPods", r.maxPods, false),
    cell(r, "withSurge.maxNodes", r.withSurge.maxNodes, false),
    cell(r, "withSurge.maxPods", r.withSurge.maxPods, false),
    h(
      "td",
      { "data-field": "limitedBy", "data-label": LABELS["limitedBy"], class: "limit" },
      RESOURCE_WORDS[r.limitedBy] ?? r.limitedBy,
    ),
  );
}

export function renderCompare(
  el: HTMLElement,
  result: CompareResult | undefined,
  problem: string | undefined,
  subnet: string,
): void {
  if (!result) return fill(el, h("p", { class: "problem" }, problem ?? "Nothing to compare."));
  const surge = result.models[0]?.withSurge.maxSurge ?? "";
  fill(
    el,
    h(
      "div",
      { class: "table-wrap", tabindex: 0, role: "region", "aria-label": "Models compared (scrolls sideways)" },
      h(
        "table",
        { id: "compare-table" },
        h("caption", { class: "visually-hidden" }, `Capacity of ${subnet} under each network model`),
        compareHead(surge),
        h("tbody", {}, ...result.models.map(compareRow)),
      ),
    ),
    h(
      "ul",
      { class: "assumptions" },
      ...Object.entries(result.assumptions).map(([k, a]) =>
        h("li", {}, h("code", {}, k), a.value === null ? "" : [" = ", h("strong", {}, String(a.value))], `: ${a.note}`),
      ),
    ),
  );
}
