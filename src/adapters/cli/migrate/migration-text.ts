/** Text and JSON forms of a `Migration` for `aksnet migrate`. */
import type { Migration, ModelState } from "../../../engines/migrate/index.js";
import { MODELS, formatCount } from "../../../kb/index.js";
import { shellQuote } from "../../generate/index.js";

/** A command line from argv, every word shell-quoted; `<placeholders>` stay readable. */
export function commandText(argv: readonly string[]): string {
  return argv.map((w) => (/^<[a-z-]+>$/.test(w) ? w : shellQuote(w))).join(" ");
}

function state(s: ModelState): string {
  return (
    `${MODELS[s.model].title} (${s.dataplane === "cilium" ? "Cilium" : "Azure"} dataplane, network policy ` +
    `${s.policy})`
  );
}

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line !== "" && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === "" ? w : `${line} ${w}`;
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}

function bullet(text: string): string {
  return wrap(text, "    ").replace(/^ {4}/, "  - ");
}

/** The report a person reads. */
export function renderMigrationText(m: Migration, clusterName: string): string {
  const out: string[] = [];
  out.push(`Cluster ${clusterName}: move to ${m.target === "overlay" ? "Azure CNI Overlay" : "the Cilium dataplane"}`);
  out.push(`  from: ${state(m.from)}`);
  out.push(`  to:   ${state(m.to)}`);
  out.push(`  status: ${statusText(m)}`, "");
  out.push(...blockersText(m));
  if (m.checks.length) {
    out.push("Check on the cluster first (the input cannot tell):");
    for (const c of m.checks) {
      out.push(bullet(c.message));
      out.push(`    $ ${commandText(c.command)}`);
    }
    out.push("");
  }
  if (m.podCidr) {
    out.push(`Pod CIDR: ${m.podCidr.cidr} (${m.podCidr.origin})`);
    out.push(wrap(m.podCidr.reason, "  "), "");
  }
  if (m.nodeSubnetAddresses) {
    const { before, after } = m.nodeSubnetAddresses;
    out.push(
      `Node subnet: the pools reserve ${formatCount(before)} addresses at peak with surge now, ${formatCount(after)} ` +
        `after the move (pods leave the subnet).`,
      "",
    );
  }
  out.push(...stepsText(m));
  if (m.warnings.length) out.push("Warnings:", ...m.warnings.map((w) => bullet(w.message)), "");
  if (m.oneWay.length) out.push("One-way:", ...m.oneWay.map((o) => bullet(o)), "");
  out.push("Reimage:", wrap(m.reimage, "  "));
  return out.join("\n") + "\n";
}

function statusText(m: Migration): string {
  const hard = m.blockers.filter((b) => b.kind === "hard").length;
  const pre = m.blockers.length - hard;
  return m.status === "nothing-to-do"
    ? "nothing to do"
    : m.status === "blocked"
      ? `BLOCKED (${hard} blocker${hard === 1 ? "" : "s"})`
      : `ready${pre ? ` once the ${pre} prerequisite step${pre === 1 ? " is" : "s are"} done` : ""}`;
}

function blockersText(m: Migration): string[] {
  if (!m.blockers.length) return [];
  const out = ["Blockers:"];
  for (const b of m.blockers) {
    out.push(bullet(`[${b.kind}] ${b.message}`));
    out.push(wrap(`fix: ${b.fix}`, "    "));
    out.push(wrap(`source: ${b.source}`, "    "));
  }
  out.push("");
  return out;
}

function stepsText(m: Migration): string[] {
  if (!m.steps.length) return [];
  const out = ["Steps:"];
  m.steps.forEach((s, i) => {
    out.push(`  ${i + 1}. ${s.title}${s.oneWay ? " [one-way]" : ""}`);
    if (s.command) out.push(`     $ ${commandText(s.command)}`);
    if (s.note) out.push(wrap(s.note, "     "));
  });
  out.push("");
  return out;
}

/** The JSON contract (docs/migrate.md): the migration, with each command also as text. */
export function migrationJson(m: Migration, cluster: { name: string; resourceGroup: string }): unknown {
  const withText = <T extends { command?: readonly string[] }>(x: T) => ({
    ...x,
    ...(x.command ? { commandText: commandText(x.command) } : {}),
  });
  return {
    cluster,
    target: m.target,
    status: m.status,
    from: m.from,
    to: m.to,
    blockers: m.blockers,
    checks: m.checks.map(withText),
    warnings: m.warnings,
    podCidr: m.podCidr ?? null,
    nodeSubnetAddresses: m.nodeSubnetAddresses ?? null,
    steps: m.steps.map(withText),
    oneWay: m.oneWay,
    reimage: m.reimage,
  };
}
