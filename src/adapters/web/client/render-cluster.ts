/**
 * Draws the views of what the editor holds besides the plan's own results: the fleet view (a fleet file),
 * the Used space view (`aksnet scan -o json`), and "Pools and parts" (../cluster-view.ts): every node pool
 * with its mode, OS, nodes, max pods and subnets and the cluster's other parts (API server, NAP, virtual
 * nodes, AGC, App Gateway, outbound path, reserved addresses), for a plan or for `aksnet inspect -o json`
 * (../inspect-view.ts), which adds the other subnets of the cluster's VNet with their size judged.
 */
import type { PageView } from "../compute.js";
import { clusterView, type ClusterView } from "../cluster-view.js";
import { fill, h } from "./dom.js";
import { renderFleet } from "./render-fleet.js";
import { renderScan } from "./render-scan.js";

const POOL_COLUMNS = ["Pool", "Mode", "OS", "Nodes", "Max pods", "Node subnet", "Pod subnet"] as const;

function poolsTable(c: ClusterView): HTMLElement {
  const [, mode, os, nodes, maxPods, subnet, podSubnet] = POOL_COLUMNS;
  const cell = (label: string, value: string) => h("td", { "data-label": label }, value);
  return h(
    "table",
    { id: "cluster-pools", class: "stack" },
    h("caption", { class: "visually-hidden" }, `Node pools of ${c.source}`),
    h("thead", {}, h("tr", {}, ...POOL_COLUMNS.map((t) => h("th", { scope: "col" }, t)))),
    h(
      "tbody",
      {},
      ...c.pools.map((p) =>
        h(
          "tr",
          { "data-pool": p.name, "data-mode": p.mode },
          h("th", { scope: "row" }, p.name),
          cell(mode, p.mode),
          cell(os, p.kind),
          cell(nodes, p.nodes),
          cell(maxPods, p.maxPods),
          cell(subnet, p.subnet),
          cell(podSubnet, p.podSubnet),
        ),
      ),
    ),
  );
}

const SUBNET_COLUMNS = ["Subnet", "CIDR", "Role", "Size"] as const;

/** inspect's azure.vnetSubnets[]: each subnet with a role, its size judgement red when it is not ok. */
function subnetsTable(c: ClusterView): HTMLElement | null {
  const rows = c.subnets ?? [];
  if (!rows.length) return null;
  const [, cidr, role, size] = SUBNET_COLUMNS;
  return h(
    "table",
    { id: "cluster-subnets", class: "stack" },
    h("caption", {}, `Other subnets of the cluster's VNet (${c.source})`),
    h("thead", {}, h("tr", {}, ...SUBNET_COLUMNS.map((t) => h("th", { scope: "col" }, t)))),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          { "data-subnet": r.name, "data-verdict": r.verdict },
          h("th", { scope: "row" }, r.name),
          h("td", { "data-label": cidr }, h("code", {}, r.cidr)),
          h("td", { "data-label": role }, r.role),
          h("td", { "data-label": size, class: r.verdict === "ok" ? undefined : "problem" }, r.size),
        ),
      ),
    ),
  );
}

/** inspect's lead line and, when inspect read the cluster's ARM record, a button that starts a plan of it. */
function inspectLead(lead: string, start: (() => void) | undefined): HTMLElement[] {
  const out = [h("p", { id: "cluster-lead" }, lead)];
  if (start) {
    const b = h("button", { type: "button", id: "inspect-plan" }, "Start a plan from this cluster");
    b.addEventListener("click", start);
    out.push(h("p", { class: "buttons" }, b));
  } else
    out.push(
      h(
        "p",
        { class: "hint", id: "inspect-plan-hint" },
        "To start a plan from this cluster, run aksnet inspect with --azure (or --azure-from with the az aks show " +
          "and az network vnet show output).",
      ),
    );
  return out;
}

export function renderCluster(
  section: HTMLElement,
  el: HTMLElement,
  c: ClusterView | undefined,
  lead?: string,
  start?: () => void,
): void {
  section.hidden = c === undefined;
  if (!c) return fill(el);
  fill(
    el,
    lead ? inspectLead(lead, start) : null,
    c.pools.length
      ? poolsTable(c)
      : h("p", { class: "hint" }, `No node pool in ${c.source}: add one under nodePools (or use AKS Automatic).`),
    c.parts.length
      ? h(
          "dl",
          { id: "cluster-parts", class: "parts" },
          ...c.parts.flatMap((p) => [h("dt", { "data-field": p.field }, p.part), h("dd", {}, p.detail)]),
        )
      : h("p", { class: "hint" }, "No API server subnet, node auto-provisioning, virtual nodes or gateway add-on."),
    subnetsTable(c),
  );
}

/** The input views that changed since `previous` (all of them on the first draw). */
export function renderInputViews(
  view: PageView,
  previous: PageView | undefined,
  fromScan: (text: string, what: string) => void,
): void {
  const byId = (id: string) => document.getElementById(id)!;
  if (view.fleet !== previous?.fleet || !previous) renderFleet(byId("fleet-view"), byId("fleet"), view.fleet);
  if (view.scan !== previous?.scan || !previous) renderScan(byId("scan-view"), byId("scan"), view.scan, fromScan);
  if (view.resolved !== previous?.resolved || view.inspect !== previous?.inspect || !previous) {
    const inspected = view.inspect;
    const lead = inspected && `${inspected.name ? `Cluster ${inspected.name}: ` : ""}${inspected.model}.`;
    const c = inspected?.cluster ?? (view.resolved ? clusterView(view.resolved) : undefined);
    const plan = inspected?.planText;
    const what = `cluster ${inspected?.name ?? ""} from aksnet inspect`.replace("  ", " ");
    // Compared by value (30 pools: small): an edit that changes none of it (most edits) redraws nothing.
    const key = JSON.stringify([c, lead, plan]);
    if (key !== lastClusterKey)
      renderCluster(byId("cluster-view"), byId("cluster"), c, lead, plan ? () => fromScan(plan, what) : undefined);
    lastClusterKey = key;
  }
}

/** What the Pools and parts view shows now. */
let lastClusterKey = "";
