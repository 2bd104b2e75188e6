/**
 * Text forms of the scan report: a terminal table and Markdown, with the same
 * sections (summary, clusters, the pools and subnets behind every verdict that is
 * not ok, the reasons in the words of the AKS errors, what was not read). JSON is
 * the report itself (docs/scan.md). Names from Azure are written as they are: the
 * CLI's output boundary (output/safe-text.ts) escapes control characters.
 */
import type { ClusterReport, ScanReport, ScanVerdict, SubnetReport } from "../../../engines/index.js";
import type { RequestStats } from "../../azure/index.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { formatNumber, renderTable, type CellLike, type Column } from "../output/table.js";

/** Where the estate came from, for the first line. */
export type ScanSource =
  | { readonly kind: "azure"; readonly scope: string; readonly endpoint: string }
  | { readonly kind: "files"; readonly files: readonly string[] };

export interface ScanOutput extends ScanReport {
  /** `ScanReport` and `aksnet/v1`: what the JSON is and the version of its contract. */
  readonly kind: "ScanReport";
  readonly apiVersion: string;
  readonly source: ScanSource;
  readonly requests: Omit<RequestStats, "log"> | null;
}

export interface RenderOptions {
  readonly color: boolean;
  /** List every cluster (default: those not ok, then the first `limit` ok ones). */
  readonly all: boolean;
  /** The findings the project policy suppressed, one line each (docs/ci.md). */
  readonly suppressed?: readonly string[];
}

const WORD: Record<ScanVerdict, string> = { fails: "FAIL", "at-risk": "RISK", unknown: "?", ok: "ok" };
const MARK: Record<ScanVerdict, "bad" | "warn" | "good" | undefined> = {
  fails: "bad",
  "at-risk": "warn",
  unknown: undefined,
  ok: "good",
};
const verdictCell = (v: ScanVerdict): CellLike => (MARK[v] ? { text: WORD[v], mark: MARK[v] } : WORD[v]);
const n = (x: number | null) => (x === null ? "?" : formatNumber(x));
const RANK: Record<ScanVerdict, number> = { fails: 0, "at-risk": 1, unknown: 2, ok: 3 };
const MODEL_SHORT = (m: string | null) => (m ?? "?").replace(/^azure-cni-/, "");

function headLines(r: ScanOutput): string[] {
  const s = r.summary;
  const src =
    r.source.kind === "azure"
      ? `Source: Azure Resource Graph, ` +
        `${r.source.scope}${r.source.endpoint.includes("management.azure.com") ? "" : ` at ${r.source.endpoint}`}`
      : `Source: files ${r.source.files.join(", ")}`;
  const req = r.requests
    ? `Requests: ${r.requests.requests} (${r.requests.resourceGraph} Resource Graph, ${r.requests.usage} usage; ` +
      `${r.requests.retries} retries, ${r.requests.throttled} throttled)`
    : undefined;
  return [
    src,
    ...(req ? [req] : []),
    `Clusters: ${formatNumber(s.clusters)}: ${s.fails} fail, ${s.atRisk} at risk, ${s.unknown} unknown, ${s.ok} ok; ` +
      `${formatNumber(s.subnets)} subnets${r.missing.length || r.problems.length ? " (incomplete: see Not read)" : ""}`,
  ];
}

interface Section {
  readonly title: string;
  readonly columns: Column[];
  readonly rows: CellLike[][];
}

/** The API server's subnet (VNet integration): `name (prefix)`, `AKS-managed` without a subnet ID, `-` without. */
function apiServerCell(c: ClusterReport): string {
  const a = c.apiServer;
  if (!a?.vnetIntegration) return "-";
  if (!a.subnetId) return "AKS-managed";
  return `${a.subnet ?? "?"}${a.prefixes.length ? ` (${a.prefixes.join(", ")})` : ""}`;
}

function clusterSection(r: ScanOutput, o: RenderOptions): Section {
  const sorted = [...r.clusters].sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || (a.name < b.name ? -1 : 1));
  const shown = o.all ? sorted : sorted.filter((c, i) => c.verdict !== "ok" || i < 20);
  return {
    title:
      shown.length < sorted.length
        ? `Clusters (every one not ok, ${shown.length} of ${formatNumber(sorted.length)}; --all lists every cluster)`
        : "Clusters",
    columns: [
      { header: "cluster" },
      { header: "resource group" },
      { header: "model" },
      { header: "dataplane" },
      { header: "k8s" },
      { header: "pools", align: "right" },
      { header: "API server subnet" },
      { header: "verdict" },
    ],
    rows: shown.map((c) => [
      c.name,
      c.resourceGroup,
      MODEL_SHORT(c.model),
      c.dataplane ?? "?",
      c.kubernetesVersion ?? "?",
      c.pools.length,
      apiServerCell(c),
      verdictCell(c.verdict),
    ]),
  };
}

function poolSection(clusters: readonly ClusterReport[]): Section {
  const rows: CellLike[][] = [];
  for (const c of clusters)
    for (const p of c.pools) {
      const on = (check: string) => p.checks.filter((x) => x.check === check);
      const cell = (check: string): CellLike => {
        const xs = on(check);
        if (!xs.length) return "-";
        const worst = xs.reduce((a, b) => (RANK[b.verdict] < RANK[a.verdict] ? b : a));
        return worst.verdict === "ok"
          ? `ok (${n(worst.needed)})`
          : { text: `${WORD[worst.verdict]} (${n(worst.needed)})`, mark: MARK[worst.verdict] ?? "warn" };
      };
      const node = p.checks.find((x) => x.range === "node-subnet");
      rows.push([
        c.name,
        p.name,
        p.count,
        p.autoscale ? p.peak : "-",
        p.surgeNodes,
        p.perNode.nodeSubnet + (p.perNode.podSubnet ? ` + ${p.perNode.podSubnet}` : ""),
        p.nodeSubnetId?.split("/").pop() ?? "?",
        n(node?.free ?? null),
        cell("next-upgrade"),
        cell("scale-out"),
        cell("upgrade-at-max"),
      ]);
    }
  return {
    title: "Pools of those clusters (needed addresses in brackets; per node: node subnet + pod subnet)",
    columns: [
      { header: "cluster" },
      { header: "pool" },
      { header: "nodes", align: "right" },
      { header: "max", align: "right" },
      { header: "surge", align: "right" },
      { header: "per node" },
      { header: "subnet" },
      { header: "free", align: "right" },
      { header: "next upgrade" },
      { header: "scale-out" },
      { header: "upgrade at max" },
    ],
    rows,
  };
}

function subnetSection(subnets: readonly SubnetReport[]): Section {
  return {
    title: "Subnets (used: the VNet usage API, or ~ Resource Graph's IP configuration count)",
    columns: [
      { header: "subnet" },
      { header: "vnet" },
      { header: "prefix" },
      { header: "usable", align: "right" },
      { header: "used", align: "right" },
      { header: "free", align: "right" },
      { header: "pools", align: "right" },
      { header: "needed at max", align: "right" },
      { header: "verdict" },
    ],
    rows: subnets.map((s) => [
      s.name,
      s.vnetId?.split("/").pop() ?? "?",
      s.prefixes.join(", ") || "?",
      n(s.usable),
      s.usedSource === "ip-configurations" ? `~${n(s.used)}` : n(s.used),
      n(s.free),
      s.pools.length,
      n(s.neededAtMax),
      verdictCell(s.verdict),
    ]),
  };
}

/** Every reason a cluster is not ok, each with its own verdict word. */
function reasonLines(clusters: readonly ClusterReport[]): string[] {
  const line = (v: ScanVerdict, c: ClusterReport, text: string) => `${WORD[v].padEnd(4)} ${c.name}: ${text}`;
  return clusters.flatMap((c) => [
    ...c.reasons.filter((x) => x.startsWith("could not assess")).map((x) => line("unknown", c, x)),
    ...c.pools.flatMap((p) => p.checks.filter((x) => x.verdict !== "ok").map((x) => line(x.verdict, c, x.message))),
    ...c.pools
      .filter((p) => p.checks.length === 0)
      .map((p) => line("unknown", c, `pool ${p.name}: none of its subnets was found`)),
    ...c.shared.filter((x) => x.verdict !== "ok").map((x) => line(x.verdict, c, x.message)),
    ...c.findings
      .filter((f) => f.severity === "error")
      .map((f) => line("fails", c, `${f.ruleId}${f.aksErrorCode ? ` (${f.aksErrorCode})` : ""}: ${f.message}`)),
  ]);
}

function parts(r: ScanOutput, o: RenderOptions) {
  const notOk = r.clusters.filter((c) => c.verdict !== "ok").sort((a, b) => RANK[a.verdict] - RANK[b.verdict]);
  const used = new Set(
    notOk
      .flatMap((c) => c.pools.flatMap((p) => [p.nodeSubnetId, p.podSubnetId]))
      .filter(Boolean)
      .map((x) => x!.toLowerCase()),
  );
  const subnets = o.all ? r.subnets : r.subnets.filter((s) => s.verdict !== "ok" || used.has(s.id.toLowerCase()));
  const tables = [
    clusterSection(r, o),
    ...(notOk.some((c) => c.pools.length) ? [poolSection(notOk)] : []),
    ...(subnets.length ? [subnetSection(subnets)] : []),
  ];
  const missing = r.missing.map((m) => `${m.what}: ${m.reason}`);
  const problems = r.problems.map((p) => `${p.path}: ${p.message}`);
  return { tables, reasons: reasonLines(notOk), missing: [...missing, ...problems] };
}

export function renderScanTable(r: ScanOutput, o: RenderOptions): string {
  const { tables, reasons, missing } = parts(r, o);
  const out = [...headLines(r), ""];
  for (const t of tables) out.push(t.title, renderTable(t.columns, t.rows, { color: o.color }));
  if (reasons.length) out.push("Why", ...reasons, "");
  if (o.suppressed?.length) out.push("Suppressed by the project policy", ...o.suppressed.map((x) => `- ${x}`), "");
  if (missing.length) out.push("Not read", ...missing.map((m) => `- ${m}`), "");
  return out.join("\n").replace(/\n+$/, "\n");
}

export function renderScanMarkdown(r: ScanOutput, o: RenderOptions): string {
  const { tables, reasons, missing } = parts(r, o);
  const out = ["# aksnet scan", "", ...headLines(r).map((l) => `- ${l}`), ""];
  for (const t of tables) out.push(`## ${t.title}`, "", renderMarkdownTable(t.columns, t.rows));
  if (reasons.length) out.push("## Why", "", ...reasons.map((x) => `- ${x}`), "");
  if (o.suppressed?.length)
    out.push("## Suppressed by the project policy", "", ...o.suppressed.map((x) => `- ${x}`), "");
  if (missing.length) out.push("## Not read", "", ...missing.map((m) => `- ${m}`), "");
  return out.join("\n").replace(/\n+$/, "\n");
}
