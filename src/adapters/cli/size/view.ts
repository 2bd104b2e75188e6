/**
 * `aksnet size` output, whatever the format: per model the addresses and smallest prefixes, the headline, the notes.
 */
import type { SizeResult, SizeRow } from "../../../engines/capacity/index.js";
import type { CellLike, Column } from "../output/table.js";
import { fallbackLead, formatNumber } from "../capacity-words.js";

const prefix = (bits: number | null) => (bits === null ? "too large" : `/${bits}`);

function nodeSubnetText(r: Pick<SizeRow, "nodeSubnet">): string {
  return `${formatNumber(r.nodeSubnet.addressesNeeded)} → ${prefix(r.nodeSubnet.prefixLength)}`;
}
function podSubnetText(r: Pick<SizeRow, "podSubnet">): string {
  if (!r.podSubnet) return "-";
  const amount =
    r.podSubnet.blocksNeeded !== null
      ? `${formatNumber(r.podSubnet.blocksNeeded)}×/28`
      : formatNumber(r.podSubnet.addressesNeeded);
  return `${amount} → ${prefix(r.podSubnet.prefixLength)}`;
}
function podCidrText(r: Pick<SizeRow, "podCidr" | "model">): string {
  if (!r.podCidr) return r.model === "byo-cni" ? "your CNI's" : "-";
  return `${formatNumber(r.podCidr.blocksNeeded)}×/24 → ${prefix(r.podCidr.prefixLength)}`;
}

/** One row per model: the dataplanes share the numbers (a dataplane does not change address use). */
function byModel(r: SizeResult): { row: SizeRow; dataplanes: string }[] {
  const out: { row: SizeRow; dataplanes: string[] }[] = [];
  for (const m of r.models) {
    const seen = out.find((x) => x.row.model === m.model);
    if (seen) seen.dataplanes.push(m.dataplane ?? "(your CNI)");
    else out.push({ row: m, dataplanes: [m.dataplane ?? "(your CNI)"] });
  }
  return out.map((x) => ({ row: x.row, dataplanes: x.dataplanes.join(", ") }));
}

export function table(r: SizeResult): { columns: Column[]; rows: CellLike[][] } {
  const columns: Column[] = [
    { header: "model" },
    { header: "dataplane" },
    { header: "nodes+surge", align: "right" },
    { header: "node subnet", align: "right" },
    { header: "pod subnet", align: "right" },
    { header: "pod CIDR", align: "right" },
    { header: "problems" },
  ];
  const rows = byModel(r).map(({ row, dataplanes }): CellLike[] => [
    row.model,
    dataplanes,
    `${formatNumber(row.nodes)}+${formatNumber(row.surgeNodes)}`,
    nodeSubnetText(row),
    podSubnetText(row),
    podCidrText(row),
    row.problems.length ? { text: [...new Set(row.problems.map((p) => p.code))].join(", "), mark: "bad" } : "none",
  ]);
  return { columns, rows };
}

export function headline(r: SizeResult): string {
  const first = r.models[0];
  if (!first) return "No model selected.";
  const named = !(first.pools.length === 1 && first.pools[0]?.name === "default");
  const pools = first.pools
    .map((p) => `${named ? `${p.name} ` : ""}${formatNumber(p.nodes)} nodes (surge ${p.maxSurge}: +${p.surgeNodes})`)
    .join(", ");
  const tenants = r.assumptions["tenants"]?.value;
  return `Target: ${pools}${tenants ? `, ${formatNumber(Number(tenants))} other node-subnet addresses` : ""}.`;
}

export function notes(r: SizeResult): string[] {
  const out = [
    "Each cell: addresses (or /28 and /24 blocks) needed → the smallest prefix that holds them; node and pod subnets " +
      "also lose Azure's 5 reserved addresses.",
  ];
  for (const { row } of byModel(r))
    for (const p of row.problems) out.push(`${row.model}: ${p.severity === "warning" ? "warning: " : ""}${p.message}.`);
  const alts = byModel(r).filter(({ row }) => row.withAlternativeSurge);
  if (alts.length) {
    const s = alts[0]?.row.withAlternativeSurge?.maxSurge;
    const parts = alts.map(({ row }) => {
      const a = row.withAlternativeSurge;
      if (!a) return "";
      const bits = [`node subnet ${nodeSubnetText(a)}`];
      if (a.podSubnet) bits.push(`pod subnet ${podSubnetText(a)}`);
      if (a.podCidr) bits.push(`pod CIDR ${podCidrText({ podCidr: a.podCidr, model: row.model })}`);
      return `${row.model} ${bits.join(", ")}`;
    });
    out.push(`With max surge ${s} (the other documented default): ${parts.join("; ")}.`);
  }
  const fallbacks = byModel(r).filter(({ row }) => row.withFallbackSurge);
  const fb = fallbacks[0]?.row.withFallbackSurge;
  if (fb) {
    const when =
      fb.applies === true
        ? `from Kubernetes ${fb.fromKubernetes}, as here`
        : fb.applies === false
          ? `only from Kubernetes ${fb.fromKubernetes} (not this version: there the upgrade fails instead)`
          : `from Kubernetes ${fb.fromKubernetes}`;
    const parts = fallbacks.map(({ row }) => {
      const a = row.withFallbackSurge;
      return a
        ? `${row.model} node subnet ` +
            `${nodeSubnetText(a)}${a.podSubnet ? `, pod subnet ${podSubnetText(a)}` : ""}` +
            `${a.podCidr ? `, pod CIDR ${podCidrText({ podCidr: a.podCidr, model: row.model })}` : ""}`
        : "";
    });
    out.push(`${fallbackLead(when, " per pool")}, least room an upgrade still completes in: ${parts.join("; ")}.`);
  }
  return out;
}
