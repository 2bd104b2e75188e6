/**
 * What the human outputs of `aksnet inspect` show, section by section: the
 * headline, the verdicts with their proof, the lab's questions, evidence,
 * pools, nodes, address use, headroom, the configuration and what was not
 * read. `table.ts` and `markdown.ts` lay the sections out; JSON is the report
 * itself (docs/inspect.md).
 */
import type {
  VnetSubnet,
  AzureApiServer,
  AzureSide,
  ConfiguredApiServer,
  Evidence,
  InspectReport,
  Verdict,
} from "../../../engines/inspect/index.js";
import { MODELS, isModelId } from "../../../kb/index.js";
import type { FieldPath } from "../../../engines/plan/index.js";
import type { Finding } from "../../../engines/validate/index.js";
import type { Location } from "../../importers/index.js";
import { suppressedLines } from "../policy/resource-json.js";
import type { ResourcePolicyResult } from "../policy/resources.js";
import { formatNumber, type CellLike, type Column } from "../output/table.js";
import { labLines, proofText, verdictLines, type LineSection } from "./verdict-lines.js";

/** What every `inspect` formatter gets. */
export interface InspectView {
  readonly report: InspectReport;
  readonly allNodes: boolean;
  /** Where a configuration field is written (with --plan / --aks-json): for SARIF. */
  readonly locate?: (path: FieldPath) => Location;
  /** Findings placed elsewhere than their path: a bad `# aksnet-ignore` comment's, at its line (SARIF). */
  readonly placedAt?: ReadonlyMap<Finding, Location>;
  /** The project policy's run (docs/ci.md): what it suppressed, and its decision on each finding (SARIF). */
  readonly policy?: ResourcePolicyResult;
}

export type Table = { title: string; columns: Column[]; rows: CellLike[][] };

/** The sections of the report, in order: headline lines, tables, then titled blocks of lines. */
export interface Sections {
  readonly head: readonly string[];
  readonly tables: readonly Table[];
  readonly tail: readonly LineSection[];
}

function modelTitle(model: string): string {
  return isModelId(model) && MODELS[model].title !== model ? ` (${MODELS[model].title})` : "";
}

function sourceLine(r: InspectReport): string {
  if (r.source.kind === "dump") return `Source: dump ${r.source.files.join(", ")}`;
  return `Source: cluster ${r.source.context ?? "(current context)"}${r.source.server ? ` at ${r.source.server}` : ""}`;
}

/** Model ids without the common `azure-cni-` prefix, to keep the evidence table narrow. */
const short = (m: string) => m.replace(/^azure-cni-/, "");

function evidenceRows(e: readonly Evidence[]): CellLike[][] {
  return e.map((x) => [x.signal, x.observed, x.models.map(short).join(", ") || "-", x.weight]);
}

/** `value` for a known verdict; `unknown (why)` otherwise, so an unknown never reads as an answer. */
function headValue(v: Verdict<string>): string {
  return v.unknown ? `unknown (${v.unknown.why})` : v.value;
}

export function inspectSections(view: InspectView, nodeLimit = 20): Sections {
  const r = view.report;
  const limit = view.allNodes ? Infinity : nodeLimit;
  const tables: Table[] = [
    {
      title: "Model evidence (fits: model ids without azure-cni-)",
      columns: [{ header: "signal" }, { header: "observed" }, { header: "fits" }, { header: "weight" }],
      rows: evidenceRows(r.verdict.evidence),
    },
    poolsTable(r),
    nodesTable(r, limit),
    ...(r.ranges.length ? [rangesTable(r)] : []),
  ];
  const tail: LineSection[] = [verdictLines(r), labLines(r.lab, limit), { title: "Headroom", lines: headroomLines(r) }];
  if (r.configured) tail.push(...configuredSections(r.configured));
  if (r.azure) tail.push({ title: "Azure side", lines: azureLines(r.azure) });
  const notes = notesLines(r);
  if (notes.length) tail.push({ title: "Notes", lines: notes });
  if (view.policy?.suppressed.length)
    tail.push({ title: "Suppressed by the project policy", lines: suppressedLines(view.policy.suppressed) });
  if (r.problems.length) tail.push({ title: "Not read", lines: r.problems.map((p) => `${p.resource}: ${p.detail}`) });
  return { head: headLines(r), tables, tail };
}

function headLines(r: InspectReport): string[] {
  const v = r.verdict;
  const vs = r.verdicts;
  return [
    sourceLine(r),
    `Model:      ${v.model}${modelTitle(v.model)}, confidence ` +
      `${v.confidence}${vs.model.unknown ? ` (${proofText(vs.model)})` : ""}`,
    `Dataplane:  ${headValue(vs.dataplane)}`,
    `Policy:     ${headValue(vs.networkPolicy)}`,
    `Nodes:      ${formatNumber(r.totals.nodes)} (${formatNumber(r.totals.readyNodes)} ready); pods ` +
      `${formatNumber(r.totals.pods)} (${formatNumber(r.totals.hostNetworkPods)} host-network, ` +
      `${formatNumber(r.totals.podAddresses)} with their own address)`,
  ];
}

function poolsTable(r: InspectReport): Table {
  return {
    title: "Pools",
    columns: [
      { header: "pool" },
      { header: "mode" },
      { header: "nodes", align: "right" },
      { header: "max pods", align: "right" },
      { header: "pods", align: "right" },
      { header: "host-network", align: "right" },
    ],
    rows: r.pools.map((p) => [p.pool, p.mode ?? "-", p.nodes, p.maxPods ?? "mixed", p.pods, p.hostNetworkPods]),
  };
}

/** The first `limit` nodes; a node at its max pods is marked. */
function nodesTable(r: InspectReport, limit: number): Table {
  const shown = r.nodes.slice(0, limit);
  return {
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
  };
}

function rangesTable(r: InspectReport): Table {
  return {
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
  };
}

function headroomLines(r: InspectReport): string[] {
  const h = r.headroom;
  return [
    h.moreNodes === undefined
      ? "More nodes that fit: unknown (no pod range or pod subnet is known)."
      : `More nodes that fit: ${formatNumber(h.moreNodes)} (limited by ${h.limitedBy}).`,
    ...h.checks.map((c) => `${c.fits ? "ok  " : "FAIL"} ${c.name}: ${c.message}`),
  ];
}

/** With --plan or --aks-json: the configuration read, its drift from the cluster, and check's findings. */
function configuredSections(c: NonNullable<InspectReport["configured"]>): LineSection[] {
  const k = c.cluster;
  const lines = [
    `${k.files.join(", ")}: ${k.sku === "Automatic" ? "AKS Automatic, " : ""}${k.model}, dataplane ${k.dataplane}, ` +
      `policy ${k.policy}, pod CIDR ${k.podCidrs.join(", ") || "-"}, service CIDR ` +
      `${k.serviceCidrs.join(", ") || "-"}, DNS ${k.dnsServiceIp}, Kubernetes ${k.kubernetesVersion ?? "?"}`,
    ...(k.apiServer ? [configuredApiServerLine(k.apiServer)] : []),
    ...k.pools.map(
      (p) =>
        `Pool ${p.name}${p.mode === "User" ? "" : ` (${p.mode})`}: count ${p.count}` +
        `${p.maxCount !== undefined ? `, autoscaler ${p.minCount ?? 0}-${p.maxCount}` : ""}, max pods ` +
        `${p.maxPods}, max surge ${p.maxSurge}${p.maxSurgeDefaulted ? " (default)" : ""}` +
        `${p.subnet ? `, subnet ${p.subnet}${p.subnetCidr ? ` ${p.subnetCidr}` : ""}` : ""}` +
        `${p.podSubnet ? `, pod subnet ${p.podSubnet}${p.podSubnetCidr ? ` ${p.podSubnetCidr}` : ""}` : ""}`,
    ),
    ...(c.drift.length
      ? c.drift.map((f) => `DRIFT ${f.severity} ${f.ruleId}: ${f.message} Fix: ${f.fix}`)
      : ["The configuration matches what the cluster shows."]),
  ];
  return [
    { title: "Configured", lines },
    {
      title: "Check findings (configuration at the cluster's node counts)",
      lines: c.findings.length
        ? c.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message} Fix: ${f.fix}`)
        : ["No findings."],
    },
  ];
}

function notesLines(r: InspectReport): string[] {
  const notes = [...r.verdict.caveats, ...r.headroom.notes, ...gatewayNotes(r)];
  if (r.virtualNodes.length)
    notes.push(
      `Virtual nodes (ACI) left out of the counts above: ` +
        `${r.virtualNodes.map((x) => `${x.name} (${x.pods} pods)`).join(", ")}; their pods take addresses from the ` +
        `ACI subnet.`,
    );
  return notes;
}

/** The first authorized IP ranges shown in the text; the JSON has them all. */
const RANGES_SHOWN = 5;

/** `, authorized IP ranges A, B (and N more)`, or nothing without ranges. */
function rangesWords(ranges: readonly string[]): string {
  if (!ranges.length) return "";
  const more = ranges.length > RANGES_SHOWN ? ` (and ${formatNumber(ranges.length - RANGES_SHOWN)} more)` : "";
  return `, authorized IP ranges ${ranges.slice(0, RANGES_SHOWN).join(", ")}${more}`;
}

/** The configured API server line: VNet integration, its subnet, private or public, its authorized IP ranges. */
function configuredApiServerLine(a: ConfiguredApiServer): string {
  const where = a.subnet ? `subnet ${a.subnet}${a.subnetCidr ? ` ${a.subnetCidr}` : ""}` : "no subnet named";
  const ranges = rangesWords(Array.isArray(a.authorizedIpRanges) ? a.authorizedIpRanges : []);
  return a.vnetIntegration
    ? `API server: VNet integration, ${where}, ${a.private ? "private" : "public"}${ranges}`
    : `API server: no VNet integration${a.subnet ? ` (${where} named)` : ""}, ${a.private ? "private" : "public"}` +
        ranges;
}

/** The ARM record's API server line (inspect --azure). */
function azureApiServerLine(a: AzureApiServer): string {
  const where = a.subnetId
    ? `subnet ${a.subnet ?? "?"} (${a.prefixes.join(", ") || "its VNet was not read"})`
    : "in AKS's own VNet (no subnetId)";
  const integration = a.vnetIntegration ? "VNet integration" : "no VNet integration";
  return `API server: ${integration}, ${where}, ${a.private ? "private" : "public"}`;
}

/** Gateway pools (nodes labelled kubernetes.azure.com/mode=gateway): what their nodes are for. */
function gatewayNotes(r: InspectReport): string[] {
  const gw = r.pools.filter((p) => p.mode === "gateway");
  if (!gw.length) return [];
  const names = gw.map((p) => `${p.pool} (${formatNumber(p.nodes)} node${p.nodes === 1 ? "" : "s"})`).join(", ");
  return [
    `Static egress gateway pool(s) ${names}: nodes labelled kubernetes.azure.com/mode=gateway route the egress of ` +
      "pods that name a StaticGatewayConfiguration and run no workloads; " +
      "each takes a node subnet address like any node.",
  ];
}

const SUBNET_WORD = { ok: "ok", "too-small": "FAIL", "too-large": "FAIL", unknown: "?" } as const;

/** A subnet of the cluster's VNet with a role of its own (inspect --azure): its kind, size and verdict. */
function vnetSubnetLine(s: VnetSubnet): string {
  return `Subnet ${s.name} (${s.prefixes.join(", ") || "?"}) in ${s.vnet}: ${s.message}: ${SUBNET_WORD[s.verdict]}`;
}

const SCAN_WORD = { fails: "FAIL", "at-risk": "RISK", unknown: "?", ok: "ok" } as const;

/** The cluster's Azure side: where it came from, its verdict, each subnet's figures, and why it is not ok. */
function azureLines(a: AzureSide): string[] {
  const c = a.cluster;
  const n = (x: number | null) => (x === null ? "?" : formatNumber(x));
  const from =
    a.source.kind === "files"
      ? `read from ${a.source.files.join(", ")}`
      : `read from Azure${a.source.endpoint.includes("management.azure.com") ? "" : ` at ${a.source.endpoint}`}`;
  const found = a.matchedBy === "resource-id" ? "by its resource ID" : "by its nodes' node resource group";
  return [
    `Cluster ${c.name} (${c.id}), found ${found}, ${from}: ${SCAN_WORD[c.verdict]}`,
    ...(a.vnets ?? []).map((v) => `VNet ${v.name}: address space ${v.addressSpace.join(", ") || "?"}`),
    ...(a.apiServer ? [azureApiServerLine(a.apiServer)] : []),
    ...(a.vnetSubnets ?? []).map(vnetSubnetLine),
    ...a.subnets.map((s) => {
      const used =
        s.usedSource === "usage-api"
          ? "the VNet usage API"
          : s.usedSource === "ip-configurations"
            ? "~ Resource Graph's IP configuration count, a lower bound"
            : "not known";
      const where = `${s.prefixes.join(", ") || "?"}, ${s.roles.join(" and ")}`;
      return (
        `Subnet ${s.name} (${where}) in ${s.vnetId?.split("/").pop() ?? "?"}: ${n(s.usable)} usable, ` +
        `${n(s.used)} used by everything in it (${used}), ${n(s.free)} free; ` +
        `needed with every pool at maxCount and surge: ${n(s.neededAtMax)}: ${SCAN_WORD[s.verdict]}`
      );
    }),
    ...c.reasons.map((x) => `- ${x}`),
  ];
}
