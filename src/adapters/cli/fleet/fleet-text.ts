/** Text and Markdown for `aksnet fleet check` and `aksnet fleet allocate`. */
import type { PoolForecast } from "../../../engines/fleet/index.js";
import { pathText } from "../../../engines/validate/index.js";
import type { FleetAllocateView, FleetCheckView } from "./view.js";

const n = (x: number) => x.toLocaleString("en-US");

function poolLines(pools: readonly PoolForecast[], md: boolean): string[] {
  if (pools.length === 0) return [];
  const out = [md ? "## Pools" : "Pools:", ""];
  if (md) out.push("| pool | for | size | used | largest free | more that fit |", "|---|---|---|---|---|---|");
  for (const p of pools) {
    const fits = p.fits.map((f) => `${n(f.fits)} × /${f.prefixLength}`).join(", ");
    if (md) out.push(`| ${p.name} | ${p.for} | ${n(p.size)} | ${n(p.used)} | ${p.largestFree ?? "none"} | ${fits} |`);
    else
      out.push(
        `  ${p.name} (${p.for}, ${p.cidrs.join(" ")}): ${n(p.used)} of ${n(p.size)} addresses used; ` +
          `largest free ${p.largestFree ?? "none"}; room for ${fits}`,
      );
  }
  out.push("");
  return out;
}

export function renderFleetCheck(v: FleetCheckView, md: boolean): string {
  const r = v.result;
  const s = r.summary;
  const out: string[] = [];
  const title =
    `Fleet ${r.name ?? v.file}: ${n(r.counts.clusters)} cluster(s), ${n(r.counts.networks)} network(s), ` +
    `${n(r.counts.ranges)} range(s)`;
  out.push(md ? `# ${title}` : `${title}.`, "");
  out.push(
    `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s) — ` +
      `${n(v.findings.length)} in the fleet, ${n(r.clusters.reduce((a, c) => a + c.findings.length, 0))} in the ` +
      `clusters' own checks.`,
    "",
  );
  if (v.findings.length > 0) {
    out.push(md ? "## Fleet findings" : "Fleet findings:", "");
    for (const f of v.findings) {
      const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
      if (md)
        out.push(`- **${f.severity}** \`${f.ruleId}\` at \`${pathText(f)}\` (${where}): ${f.message} Fix: ${f.fix}`);
      else out.push(`  ${f.severity} ${f.ruleId} ${where} ${pathText(f)}`, `    ${f.message}`, `    fix: ${f.fix}`);
    }
    out.push("");
  }
  const withFindings = r.clusters.filter((c) => c.findings.length > 0);
  if (withFindings.length > 0) {
    out.push(md ? "## Clusters' own findings" : "Clusters' own findings (aksnet check on each plan):", "");
    for (const c of withFindings) {
      out.push(md ? `### ${c.name} (${c.plan})` : `  ${c.name} (${c.plan}):`);
      for (const f of c.findings) {
        const at = (f as { location?: { file: string; line: number; column: number } }).location;
        const where = at ? ` (${at.file}:${at.line}:${at.column})` : "";
        out.push(
          md
            ? `- **${f.severity}** \`${f.ruleId}\`${where}: ${f.message}`
            : `    ${f.severity} ${f.ruleId}${where}: ${f.message}`,
        );
      }
    }
    out.push("");
  }
  out.push(...poolLines(r.pools, md));
  if (r.assumptions.length > 0) {
    out.push(md ? "## Assumed" : "Assumed:", "");
    for (const a of r.assumptions) out.push(md ? `- ${a}` : `  ${a}`);
    out.push("");
  }
  for (const note of v.notes) out.push(md ? `> ${note}` : `Note: ${note}`);
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

export function renderFleetAllocate(v: FleetAllocateView, md: boolean): string {
  const r = v.result;
  const out: string[] = [];
  const placed = r.clusters.filter((c) => c.status === "allocated").length;
  const title =
    `Allocation for ${v.file}: ${n(placed)} cluster(s) placed, ${n(r.clusters.length - placed)} existing ` +
    `or not placed`;
  out.push(md ? `# ${title}` : `${title}.`, "");
  if (md)
    out.push("| cluster | status | pool | VNet | subnets | pod CIDR | service CIDR |", "|---|---|---|---|---|---|---|");
  for (const c of r.clusters) {
    const pods = c.podCidrs.join(" ") + (c.podCidrKind ? ` (${c.podCidrKind})` : "");
    if (md)
      out.push(
        `| ${c.name} | ${c.status} | ${c.pool ?? ""} | ${c.vnet.join(" ")} | ` +
          `${c.subnets.map((s) => `${s.name} ${s.cidr}`).join("<br>")} | ${pods} | ${c.serviceCidrs.join(" ")} |`,
      );
    else {
      out.push(
        `  ${c.name}: ${c.status}${c.pool ? ` from ${c.pool}` : ""} ${c.vnet.join(" ")}` +
          (c.reason ? ` — ${c.reason}` : "") +
          (pods ? `; pods ${pods}` : "") +
          (c.serviceCidrs.length ? `; services ${c.serviceCidrs.join(" ")}` : ""),
      );
      if (c.status === "allocated") for (const s of c.subnets) out.push(`    ${s.name.padEnd(20)} ${s.cidr}`);
    }
  }
  out.push("");
  if (r.problems.length > 0) {
    out.push(md ? "## Problems" : "Problems:", "");
    for (const p of r.problems) out.push(md ? `- \`${pathText(p)}\`: ${p.message}` : `  ${pathText(p)}: ${p.message}`);
    out.push("");
  }
  out.push(...poolLines(r.pools, md));
  if (r.assumptions.length > 0) {
    out.push(md ? "## Assumed" : "Assumed:", "");
    for (const a of r.assumptions) out.push(md ? `- ${a}` : `  ${a}`);
    out.push("");
  }
  if (v.wrote.length > 0) out.push(`Wrote ${v.wrote.length} file(s): ${v.wrote.join(", ")}`);
  else if (placed > 0)
    out.push(`Write the plans with: aksnet fleet allocate ${v.file} --out-dir clusters --write ${v.file}`);
  for (const note of v.notes) out.push(md ? `> ${note}` : `Note: ${note}`);
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
