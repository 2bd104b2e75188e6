/**
 * `aksnet size --pools PLAN`: the section on every subnet the plan's cluster uses or needs (from the layout
 * engine's `subnetSizes`): what each is for, its range, what it must hold and the smallest prefix for it.
 */
import type { CellLike, Column } from "../output/table.js";
import { formatNumber } from "../capacity-words.js";
import type { SizeSubnet } from "./command.js";

const PLAN_TITLE = "Subnets of the plan (what each must hold; aksnet layout places the missing ones):";
const FLAGS_TITLE = "Subnets beside the nodes, per network model (what each must hold; aksnet layout places them):";

/** The section's title: the plan's subnets (--pools PLAN), or the ones the flags ask for, sized per model. */
export function subnetsTitle(subnets: readonly SizeSubnet[]): string {
  return subnets.some((s) => s.models !== undefined) ? FLAGS_TITLE : PLAN_TITLE;
}

/** Model ids without the common `azure-cni-` prefix, to keep the column narrow. */
const short = (m: string) => m.replace(/^azure-cni-/, "");

export function subnetsTable(subnets: readonly SizeSubnet[]): { columns: Column[]; rows: CellLike[][] } {
  if (subnets.some((s) => s.models !== undefined)) return flagsTable(subnets);
  const columns: Column[] = [
    { header: "subnet" },
    { header: "for" },
    { header: "CIDR" },
    { header: "usable", align: "right" },
    { header: "needs", align: "right" },
    { header: "smallest", align: "right" },
    { header: "fits" },
  ];
  const rows = subnets.map((s): CellLike[] => [
    s.name,
    s.kind,
    s.cidr ?? "(missing)",
    s.usable !== undefined ? formatNumber(s.usable) : "-",
    s.addressesNeeded !== null ? formatNumber(s.addressesNeeded) : "-",
    s.prefixLength !== null ? `/${s.prefixLength}` : "none",
    s.fits === undefined ? "-" : s.fits ? "yes" : { text: "no", mark: "bad" },
  ]);
  return { columns, rows };
}

/** Subnets sized from flags: no CIDR of their own, one row per size and the models it holds for. */
function flagsTable(subnets: readonly SizeSubnet[]): { columns: Column[]; rows: CellLike[][] } {
  const columns: Column[] = [
    { header: "subnet" },
    { header: "for" },
    { header: "models (without azure-cni-)" },
    { header: "needs", align: "right" },
    { header: "smallest", align: "right" },
  ];
  const rows = subnets.map((s): CellLike[] => [
    s.name,
    s.kind,
    (s.models ?? []).map(short).join(", "),
    s.addressesNeeded !== null ? formatNumber(s.addressesNeeded) : "-",
    s.prefixLength !== null ? `/${s.prefixLength}` : "none",
  ]);
  return { columns, rows };
}

/**
 * One line per subnet: how its size was found, then what the numbers cannot say. Sized per model, each line names
 * its models, and a note on several models' rows of one subnet is one line naming them all.
 */
export function subnetLines(subnets: readonly SizeSubnet[]): string[] {
  const who = (models: readonly string[] | undefined) =>
    models && models.length > 0 ? ` (${models.map(short).join(", ")})` : "";
  const out: string[] = [];
  const notes = new Map<string, { name: string; note: string; models: string[] | undefined }>();
  for (const s of subnets) {
    const delegated = s.delegation ? ` (delegated to ${s.delegation})` : "";
    out.push(`${s.name}${who(s.models)}: ${s.breakdown.join("; ")}${delegated}`);
    for (const note of s.notes) {
      const key = `${s.name}\n${note}`;
      const seen = notes.get(key);
      if (seen?.models && s.models) seen.models.push(...s.models);
      else notes.set(key, { name: s.name, note, models: s.models ? [...s.models] : undefined });
    }
  }
  for (const n of notes.values()) out.push(`${n.name}${who(n.models)}: ${n.note}`);
  return out;
}
