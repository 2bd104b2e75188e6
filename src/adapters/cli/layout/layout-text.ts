/** `aksnet layout` for people: one row per subnet, then sizes, kept-clear ranges, problems and assumptions. */
import type { LayoutResult, LayoutSubnet } from "../../../engines/layout/index.js";
import { formatPath } from "../../../engines/plan/index.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { formatNumber, renderTable, type CellLike, type Column } from "../output/table.js";

const COLUMNS: readonly Column[] = [
  { header: "subnet" },
  { header: "CIDR" },
  { header: "for" },
  { header: "usable", align: "right" },
  { header: "needs", align: "right" },
  { header: "grows to" },
  { header: "" },
];

function status(s: LayoutSubnet): CellLike {
  if (s.status === "placed") return { text: "new", mark: "good" };
  if (s.status === "unplaced") return { text: "NOT PLACED", mark: "bad" };
  return "existing";
}

function row(s: LayoutSubnet): CellLike[] {
  return [
    s.name,
    s.cidr ?? (s.prefixLength !== null ? `/${s.prefixLength}` : "-"),
    s.kind,
    s.usable === null ? "" : formatNumber(s.usable),
    s.addressesNeeded === null ? "" : formatNumber(s.addressesNeeded),
    s.canGrowTo && s.canGrowTo !== s.cidr ? s.canGrowTo : "",
    status(s),
  ];
}

function notes(r: LayoutResult): string[] {
  const lines: string[] = [];
  const sized = r.subnets.filter((s) => s.status !== "existing");
  if (sized.length) {
    lines.push("", "Sizes:");
    for (const s of sized)
      lines.push(`  ${s.name}: ${s.sizing.join("; ")}${s.delegation ? ` (delegated to ${s.delegation})` : ""}`);
  }
  if (r.avoided.length) {
    lines.push("", "Kept clear:");
    for (const a of r.avoided) lines.push(`  ${a.cidr}: ${a.what}`);
  }
  if (r.problems.length) {
    lines.push("", "Problems:");
    for (const p of r.problems) lines.push(`  ${p.code} at ${formatPath(p.path) || "the plan"}: ${p.message}`);
  }
  if (r.assumptions.length) {
    lines.push("", "Assumed:");
    for (const a of r.assumptions) lines.push(`  ${a}`);
  }
  return lines;
}

export function renderLayoutText(
  r: LayoutResult,
  options: { color: boolean; planFile: string; wrote?: string },
): string {
  const head = `Layout of ${r.addressSpaces.join(", ") || "(no address space)"}, room to grow ×${r.growth.kept}${
    r.growth.kept !== r.growth.asked ? ` (×${r.growth.asked} asked)` : ""
  }:\n\n`;
  const body = renderTable(COLUMNS, r.subnets.map(row), options);
  const unplaced = r.subnets.some((s) => s.status === "unplaced");
  const next = unplaced
    ? "\nNot everything fits: add address space (--address-space or vnet.addressSpace), or give subnets smaller " +
      "sizes (layout.subnets[].prefixLength)."
    : options.wrote
      ? `\nWrote the laid-out plan to ${options.wrote}; check it with: aksnet check ${options.wrote}`
      : r.edits.length
        ? `\nWrite the laid-out plan with: aksnet layout ${options.planFile} --write laid-out.yaml (--write - prints ` +
          `it)`
        : r.problems.some((p) => p.code === "existing-too-small")
          ? "\nNothing to add, but an existing subnet is too small (above); aksnet check says the same."
          : "\nNothing to add: every subnet the plan needs is in it.";
  return head + body + [...notes(r), next].join("\n") + "\n";
}

export function renderLayoutMarkdown(r: LayoutResult): string {
  const table = renderMarkdownTable(COLUMNS, r.subnets.map(row));
  return `Layout of ${r.addressSpaces.join(", ")}, room to grow ×${r.growth.kept}\n\n${table}${notes(r).join("\n")}\n`;
}
