/**
 * The verdicts and the lab's questions as lines of text, shared by the table
 * and Markdown outputs: each answer with its proof, or why it is unknown and
 * the command that settles it.
 */
import { formatCount } from "../../../kb/index.js";
import type { InspectReport, Lab, Verdict } from "../../../engines/inspect/index.js";

/** A titled block of lines (rendered indented for a terminal, as a list in Markdown). */
export interface LineSection {
  readonly title: string;
  readonly lines: readonly string[];
}

/**
 * The proof of a verdict in one clause (objects that say the same thing grouped), or why it is unknown and what settles
 * it.
 */
export function proofText(v: Verdict<string>, max = 3): string {
  if (v.unknown) return `${v.unknown.why}; settle with: ${v.unknown.settle}`;
  const groups: { objects: string[]; says: string }[] = [];
  for (const p of v.proof.slice(0, max)) {
    const last = groups.at(-1);
    if (last?.says === p.says) last.objects.push(p.object);
    else groups.push({ objects: [p.object], says: p.says });
  }
  const more = v.proofTotal - Math.min(max, v.proof.length);
  return (
    groups.map((g) => `${g.objects.join(", ")}: ${g.says}`).join("; ") +
    (more > 0 ? ` (and ${formatCount(more)} more)` : "")
  );
}

const VERDICTS: readonly [keyof InspectReport["verdicts"], string][] = [
  ["model", "model"],
  ["dataplane", "dataplane"],
  ["ciliumRuns", "Cilium runs"],
  ["kubeProxyRuns", "kube-proxy runs"],
  ["networkPolicy", "network policy"],
  ["podRangeSeparate", "pods in another range"],
  ["nodePodRanges", "nodes hold pod ranges"],
];

/** One line per verdict: its value, then its proof or what would settle it. */
export function verdictLines(r: InspectReport): LineSection {
  const width = Math.max(...VERDICTS.map(([, label]) => label.length));
  return {
    title: "Verdicts (each with its proof, or what would settle it)",
    lines: VERDICTS.map(([key, label]) => {
      const v = r.verdicts[key] as Verdict<string>;
      const proof = proofText(v);
      return `${label.padEnd(width)}  ${v.value}${proof ? `: ${proof}` : ""}${v.note ? `. ${v.note}` : ""}`;
    }),
  };
}

/** The lab's five questions, answered in its words. `nodeLimit` bounds the per-node list of question 5. */
export function labLines(lab: Lab, nodeLimit: number): LineSection {
  const answers = [lab.nodeAndPodRanges, lab.ciliumRunning, lab.kubeProxyAbsent, lab.networkMonitor, lab.nodePodCidrs];
  const lines: string[] = [];
  answers.forEach((a, i) => {
    lines.push(`${i + 1}. ${a.question}`);
    if (a.unknown) {
      lines.push(`   unknown: ${a.unknown.why}.${a.note ? ` ${a.note}` : ""}`);
      lines.push(`   settle with: ${a.unknown.settle}`);
    } else lines.push(`   ${a.value}${a.note ? `. ${a.note}` : "."}`);
    // Question 5 lists every node's range below, so its proof would only repeat it.
    const listed = a === lab.nodePodCidrs && lab.nodePodCidrs.nodes.some((n) => n.podCidrs.length > 0);
    if (!listed) {
      for (const p of a.proof.slice(0, 3)) lines.push(`   - ${p.object}: ${p.says}`);
      if (a.proofTotal > 3) lines.push(`   - and ${formatCount(a.proofTotal - 3)} more`);
    }
    if (a === lab.networkMonitor) lines.push(...monitorLines(lab.networkMonitor));
    if (a === lab.nodePodCidrs) lines.push(...nodeRangeLines(lab, nodeLimit));
    lines.push(`   lab command: ${a.command}`);
  });
  return { title: "The lab's questions", lines };
}

function monitorLines(m: Lab["networkMonitor"]): string[] {
  const out: string[] = [];
  if (m.configMap)
    for (const [k, v] of Object.entries(m.configMap))
      out.push(`   data ${k}: ${v.length > 120 ? `${v.slice(0, 120)}…` : v}`.replace(/\n/g, "\\n"));
  out.push(
    m.annotations.length
      ? `   node annotations: ` +
          m.annotations
            .map((a) => `${a.key} (${formatCount(a.nodes)} node${a.nodes === 1 ? "" : "s"}, e.g. ${a.values[0] ?? ""})`)
            .join("; ")
      : "   node annotations: none",
  );
  return out;
}

function nodeRangeLines(lab: Lab, nodeLimit: number): string[] {
  const nodes = lab.nodePodCidrs.nodes.filter((n) => n.podCidrs.length > 0);
  if (nodes.length === 0) return [];
  const shown = nodes.slice(0, nodeLimit);
  const width = Math.max(...shown.map((n) => n.node.length));
  const out = shown.map((n) => `   ${n.node.padEnd(width)}  ${n.podCidrs.join(", ")} (${n.from})`);
  if (nodes.length > shown.length)
    out.push(`   … ${formatCount(nodes.length - shown.length)} more nodes (--all-nodes lists them)`);
  return out;
}
