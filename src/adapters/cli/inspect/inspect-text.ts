/**
 * Text forms of the inspect report: a terminal table and Markdown. Both show
 * the same sections; JSON is the report itself (docs/inspect.md).
 */
import type { Evidence, InspectReport } from "../../../engines/inspect/index.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { formatNumber, renderTable, type CellLike, type Column } from "../output/table.js";

export interface RenderOptions {
  readonly color: boolean;
  /** Show every node (default: the first `nodeLimit`). */
  readonly allNodes: boolean;
  readonly nodeLimit?: number;
}

type Table = { title: string; columns: Column[]; rows: CellLike[][]; after?: string[] };

const MODEL_NAMES: Record<string, string> = {
  kubenet: "kubenet",
  "azure-cni-node-subnet": "Azure CNI node subnet",
  "azure-cni-pod-subnet-dynamic": "Azure CNI pod subnet, dynamic allocation",
  "azure-cni-pod-subnet-static": "Azure CNI pod subnet, static block allocation",
  "azure-cni-overlay": "Azure CNI Overlay",
  "byo-cni": "bring your own CNI",
  unknown: "unknown",
};

function sourceLine(r: InspectReport): string {
  if (r.source.kind === "dump") return `Source: dump ${r.source.files.join(", ")}`;
  return `Source: cluster ${r.source.context ?? "(current context)"}${r.source.server ? ` at ${r.source.server}` : ""}`;
}

/** Model ids without the common `azure-cni-` prefix, to keep the evidence table narrow. */
const short = (m: string) => m.replace(/^azure-cni-/, "");

function evidenceRows(e: readonly Evidence[], withModels: boolean): CellLike[][] {
  return e.map((x) =>
    withModels
      ? [x.signal, x.observed, x.models.map(short).join(", ") || "-", x.weight]
      : [x.signal, x.observed, x.weight],
  );
}

function sections(
  r: InspectReport,
  o: RenderOptions,
): { head: string[]; tables: Table[]; tail: { title: string; lines: string[] }[] } {
  const v = r.verdict;
  const head = [
    sourceLine(r),
    `Model:      ${v.model}${MODEL_NAMES[v.model] && MODEL_NAMES[v.model] !== v.model ? ` (${MODEL_NAMES[v.model]})` : ""}, confidence ${v.confidence}`,
    `Dataplane:  ${v.dataplane}`,
    `Policy:     ${v.policy}`,
    `Nodes:      ${formatNumber(r.totals.nodes)} (${formatNumber(r.totals.readyNodes)} ready); pods ${formatNumber(r.totals.pods)} (${formatNumber(r.totals.hostNetworkPods)} host-network, ${formatNumber(r.totals.podAddresses)} with their own address)`,
  ];
  const tables: Table[] = [];
  tables.push({
    title: "Model evidence (fits: model ids without azure-cni-)",
    columns: [{ header: "signal" }, { header: "observed" }, { header: "fits" }, { header: "weight" }],
    rows: evidenceRows(v.evidence, true),
  });
  if (v.dataplaneEvidence.length)
    tables.push({
      title: "Dataplane and policy evidence",
      columns: [{ header: "signal" }, { header: "observed" }, { header: "weight" }],
      rows: evidenceRows(v.dataplaneEvidence, false),
    });
  tables.push({
    title: "Pools",
    columns: [
      { header: "pool" },
      { header: "nodes", align: "right" },
      { header: "max pods", align: "right" },
      { header: "pods", align: "right" },
      { header: "host-network", align: "right" },
    ],
    rows: r.pools.map((p) => [p.pool, p.nodes, p.maxPods ?? "mixed", p.pods, p.hostNetworkPods]),
  });
  const limit = o.allNodes ? Infinity : (o.nodeLimit ?? 20);
  const shown = r.nodes.slice(0, limit);
  tables.push({
    title:
      r.nodes.length > shown.length
        ? `Nodes (first ${shown.length} of ${formatNumber(r.nodes.length)}; --all-nodes shows every node)`
        : "Nodes",
    columns: [
      { header: "node" },
      { header: "pool" },
      { header: "address" },
      { header: "pod range" },
      { header: "pods", align: "right" },
      { header: "max", align: "right" },
      { header: "host-network", align: "right" },
    ],
    rows: shown.map((n) => {
      const full = n.maxPods !== undefined && n.pods >= n.maxPods;
      return [
        n.name,
        n.pool ?? "-",
        n.internalIps.join(", ") || "-",
        n.podCidrs.join(", ") || "-",
        full ? { text: String(n.pods), mark: "bad" } : n.pods,
        n.maxPods ?? "?",
        n.hostNetworkPods,
      ];
    }),
  });
  if (r.ranges.length)
    tables.push({
      title: "Address use",
      columns: [
        { header: "range" },
        { header: "role" },
        { header: "from" },
        { header: "unit" },
        { header: "used", align: "right" },
        { header: "free", align: "right" },
        { header: "total", align: "right" },
        { header: "pod addresses", align: "right" },
      ],
      rows: r.ranges.map((x) => [
        x.cidr,
        x.role,
        x.source,
        x.unit,
        x.used,
        x.free === 0 ? { text: "0", mark: "bad" } : x.free,
        x.total,
        x.podAddresses,
      ]),
    });
  const h = r.headroom;
  const tail: { title: string; lines: string[] }[] = [];
  const hl = [
    h.moreNodes === undefined
      ? "More nodes that fit: unknown (no pod range or pod subnet is known)."
      : `More nodes that fit: ${formatNumber(h.moreNodes)} (limited by ${h.limitedBy}).`,
  ];
  for (const c of h.checks) hl.push(`${c.fits ? "ok  " : "FAIL"} ${c.name}: ${c.message}`);
  tail.push({ title: "Headroom", lines: hl });
  if (r.configured) {
    const c = r.configured;
    const k = c.cluster;
    const lines = [
      `${k.files.join(", ")}: ${k.model}, dataplane ${k.dataplane}, policy ${k.policy}, pod CIDR ${k.podCidrs.join(", ") || "-"}, service CIDR ${k.serviceCidrs.join(", ") || "-"}, DNS ${k.dnsServiceIp}, Kubernetes ${k.kubernetesVersion ?? "?"}`,
      ...k.pools.map(
        (p) =>
          `Pool ${p.name}: count ${p.count}${p.maxCount !== undefined ? `, autoscaler ${p.minCount ?? 0}-${p.maxCount}` : ""}, max pods ${p.maxPods}, max surge ${p.maxSurge}${p.maxSurgeDefaulted ? " (default)" : ""}${p.subnet ? `, subnet ${p.subnet}${p.subnetCidr ? ` ${p.subnetCidr}` : ""}` : ""}${p.podSubnet ? `, pod subnet ${p.podSubnet}${p.podSubnetCidr ? ` ${p.podSubnetCidr}` : ""}` : ""}`,
      ),
      ...(c.differences.length
        ? c.differences.map((x) => `DIFF ${x}`)
        : ["The configuration matches what the cluster shows."]),
    ];
    tail.push({ title: "Configured", lines });
    tail.push({
      title: "Check findings (configuration at the cluster's node counts)",
      lines: c.findings.length
        ? c.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message} Fix: ${f.fix}`)
        : ["No findings."],
    });
  }
  const notes = [...v.caveats, ...h.notes];
  if (r.virtualNodes.length)
    notes.push(
      `Virtual nodes (ACI) left out of the counts above: ${r.virtualNodes.map((x) => `${x.name} (${x.pods} pods)`).join(", ")}; their pods take addresses from the ACI subnet.`,
    );
  if (notes.length) tail.push({ title: "Notes", lines: notes });
  if (r.problems.length) tail.push({ title: "Not read", lines: r.problems.map((p) => `${p.resource}: ${p.detail}`) });
  return { head, tables, tail };
}

export function renderInspectTable(r: InspectReport, o: RenderOptions): string {
  const { head, tables, tail } = sections(r, o);
  const out = [head.join("\n") + "\n"];
  for (const t of tables) out.push(`${t.title}\n${renderTable(t.columns, t.rows, { color: o.color })}`);
  for (const t of tail) out.push(`${t.title}\n${t.lines.map((l) => `  ${l}`).join("\n")}\n`);
  return out.join("\n");
}

export function renderInspectMarkdown(r: InspectReport, o: RenderOptions): string {
  const { head, tables, tail } = sections(r, o);
  const out = ["## Cluster network\n\n" + head.map((l) => `- ${l.replace(/: +/, ": ")}`).join("\n") + "\n"];
  for (const t of tables) out.push(`### ${t.title}\n\n${renderMarkdownTable(t.columns, t.rows)}`);
  for (const t of tail) out.push(`### ${t.title}\n\n${t.lines.map((l) => `- ${l}`).join("\n")}\n`);
  return out.join("\n");
}
