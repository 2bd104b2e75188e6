/**
 * `aksnet migrate -o markdown`: the same report for a change request: the
 * status, the blockers and checks with their sources, the steps as shell blocks.
 */
import type { Migration, ModelState } from "../../../engines/migrate/index.js";
import { MODELS, formatCount } from "../../../kb/index.js";
import type { Formatter } from "../output/formats.js";
import { codeBlock, inlineCode } from "../output/markdown.js";
import { commandText } from "./migration-text.js";
import type { MigrateView } from "./view.js";

function state(s: ModelState): string {
  const dataplane = s.dataplane === "cilium" ? "Cilium" : "Azure";
  return `${MODELS[s.model].title} (${dataplane} dataplane, network policy ${s.policy})`;
}

function status(m: Migration): string {
  const hard = m.blockers.filter((b) => b.kind === "hard").length;
  const pre = m.blockers.length - hard;
  if (m.status === "nothing-to-do") return "nothing to do";
  if (m.status === "blocked") return `**blocked** (${hard} blocker${hard === 1 ? "" : "s"})`;
  return `ready${pre ? ` once the ${pre} prerequisite step${pre === 1 ? " is" : "s are"} done` : ""}`;
}

function sections(m: Migration): string[][] {
  const out: string[][] = [];
  if (m.blockers.length)
    out.push([
      "**Blockers**",
      "",
      ...m.blockers.map((b) => `- [${b.kind}] ${b.message}\n  Fix: ${b.fix}\n  Source: ${b.source}`),
    ]);
  if (m.checks.length)
    out.push([
      "**Check on the cluster first** (the input cannot tell)",
      "",
      ...m.checks.map((c) => `- ${c.message}\n\n${indent(codeBlock(commandText(c.command), "sh"))}`),
    ]);
  if (m.podCidr) out.push([`**Pod CIDR** ${inlineCode(m.podCidr.cidr)} (${m.podCidr.origin}): ${m.podCidr.reason}`]);
  if (m.nodeSubnetAddresses) {
    const { before, after } = m.nodeSubnetAddresses;
    out.push([
      `**Node subnet**: the pools reserve ${formatCount(before)} addresses at peak with surge now, ` +
        `${formatCount(after)} after the move (pods leave the subnet).`,
    ]);
  }
  if (m.steps.length)
    out.push([
      "**Steps**",
      "",
      ...m.steps.map((s, i) => {
        const lines = [`${i + 1}. ${s.title}${s.oneWay ? " (one-way)" : ""}`];
        if (s.command) lines.push("", indent(codeBlock(commandText(s.command), "sh")));
        if (s.note) lines.push("", `   ${s.note}`);
        return lines.join("\n");
      }),
    ]);
  if (m.warnings.length) out.push(["**Warnings**", "", ...m.warnings.map((w) => `- ${w.message}`)]);
  if (m.oneWay.length) out.push(["**One-way**", "", ...m.oneWay.map((o) => `- ${o}`)]);
  out.push(["**Reimage**", "", m.reimage]);
  return out;
}

function indent(block: string): string {
  return block
    .trimEnd()
    .split("\n")
    .map((l) => `   ${l}`)
    .join("\n");
}

const migrateMarkdown: Formatter<MigrateView> = ({ migration: m, cluster }) => {
  const target = m.target === "overlay" ? "Azure CNI Overlay" : "the Cilium dataplane";
  const head = [
    `**Cluster ${inlineCode(cluster.name)}: move to ${target}**`,
    "",
    `- from: ${state(m.from)}`,
    `- to: ${state(m.to)}`,
    `- status: ${status(m)}`,
  ];
  return [head, ...sections(m)].map((s) => s.join("\n")).join("\n\n") + "\n";
};
export default migrateMarkdown;
