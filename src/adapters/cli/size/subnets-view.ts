/**
 * `aksnet size --pools PLAN`: the section on every subnet the plan's cluster uses or needs (from the layout
 * engine's `subnetSizes`): what each is for, its range, what it must hold and the smallest prefix for it.
 */
import type { SubnetSize } from "../../../engines/layout/index.js";
import type { CellLike, Column } from "../output/table.js";
import { formatNumber } from "../capacity-words.js";

export const SUBNETS_TITLE = "Subnets of the plan (what each must hold; aksnet layout places the missing ones):";

export function subnetsTable(subnets: readonly SubnetSize[]): { columns: Column[]; rows: CellLike[][] } {
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

/** One line per subnet: how its size was found, then what the numbers cannot say. */
export function subnetLines(subnets: readonly SubnetSize[]): string[] {
  const out: string[] = [];
  for (const s of subnets) {
    out.push(`${s.name}: ${s.breakdown.join("; ")}${s.delegation ? ` (delegated to ${s.delegation})` : ""}`);
    for (const n of s.notes) out.push(`${s.name}: ${n}`);
  }
  return out;
}
