/** Text and JSON forms of a `Recommendation` for `aksnet recommend`. */
import type { Recommendation } from "../../../engines/recommend/index.js";
import { SCORERS } from "../../../engines/recommend/index.js";
import { targetText } from "../../../engines/views/index.js";
import { renderMarkdownTable } from "../output/markdown.js";
import { renderTable, type CellLike } from "../output/table.js";

const SHORT: Readonly<Record<string, string>> = {
  guidance: "guidance",
  "address-economy": "addresses",
  dataplane: "dataplane",
  future: "future",
  "scale-headroom": "headroom",
  latency: "latency",
};
const date = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/** One line describing the target (the words live in engines/views, shared with the web page). */
export const describeTarget = targetText;

/** The report a person reads: the ranking table, the top candidates in detail, the rejected ones. */
export function renderRecommendationText(r: Recommendation, options: { color: boolean; details: number }): string {
  const out: string[] = [];
  out.push(`Requirements: ${describeTarget(r)}.`);
  for (const a of r.target.assumptions) out.push(`Assumed: ${a}.`);
  out.push("");
  const scorers = SCORERS.filter((s) => s.id !== "latency" || r.target.requirements.latencySensitive);
  if (r.ranked.length === 0) {
    out.push("No model meets every requirement.", "");
  } else {
    const columns = [
      { header: "#", align: "right" as const },
      { header: "model" },
      { header: "score", align: "right" as const },
      ...scorers.map((s) => ({ header: SHORT[s.id] ?? s.id, align: "right" as const })),
    ];
    const rows: CellLike[][] = r.ranked.map((c, i) => [
      String(c.rank),
      i === 0 ? { text: c.title, mark: "good" } : c.title,
      String(c.total),
      ...scorers.map((s) => String(c.scores.find((x) => x.scorer === s.id)?.score ?? "")),
    ]);
    out.push(renderTable(columns, rows, { color: options.color }).trimEnd());
    const weighted = scorers
      .filter((s) => s.weight !== 1)
      .map((s) => `${SHORT[s.id] ?? s.id} counted ${s.weight === 2 ? "twice" : `${s.weight} times`}`);
    out.push(`Each column scores 0-10; score is their sum${weighted.length ? `, with ${weighted.join(", ")}` : ""}.`);
    out.push(`${scorers.map((s) => `${SHORT[s.id] ?? s.id}: ${s.title}`).join("; ")}.`, "");
    for (const c of r.ranked.slice(0, options.details)) {
      out.push(`${c.rank}. ${c.title} (${c.total})`);
      for (const f of c.for) out.push(`   + ${f}`);
      for (const a of c.against) out.push(`   - ${a}`);
      for (const l of c.lockIns) out.push(`   locks in: ${l.text}`);
      for (const x of c.retirements) out.push(`   retires: ${x.title} on ${date(x.date)}`);
      out.push("");
    }
  }
  if (r.rejected.length) {
    out.push("Ruled out:");
    for (const x of r.rejected) {
      out.push(`  ${x.title}:`);
      for (const reason of x.reasons) out.push(`    - ${reason.reason} [${reason.filter}; ${reason.source}]`);
      for (const d of x.defaults) out.push(`    ! ${d.text}`);
    }
  }
  return out.join("\n").trimEnd() + "\n";
}

/** Markdown for a design document or an architecture decision record. */
export function renderRecommendationMarkdown(r: Recommendation): string {
  const out: string[] = ["## Network model", "", `Requirements: ${describeTarget(r)}.`, ""];
  for (const a of r.target.assumptions) out.push(`- Assumed: ${a}.`);
  if (r.target.assumptions.length) out.push("");
  const scorers = SCORERS.filter((s) => s.id !== "latency" || r.target.requirements.latencySensitive);
  if (r.ranked.length === 0) out.push("No model meets every requirement.", "");
  else {
    const columns = [
      { header: "#", align: "right" as const },
      { header: "model" },
      { header: "score", align: "right" as const },
      ...scorers.map((s) => ({
        header: `${SHORT[s.id] ?? s.id}${s.weight !== 1 ? ` ×${s.weight}` : ""}`,
        align: "right" as const,
      })),
    ];
    out.push(
      renderMarkdownTable(
        columns,
        r.ranked.map((c) => [
          String(c.rank),
          c.title,
          String(c.total),
          ...scorers.map((s) => String(c.scores.find((x) => x.scorer === s.id)?.score ?? "")),
        ]),
      ),
    );
    for (const c of r.ranked.slice(0, 3)) {
      out.push(`### ${c.rank}. ${c.title}`, "");
      for (const f of c.for) out.push(`- ✔ ${f}`);
      for (const a of c.against) out.push(`- ✘ ${a}`);
      for (const l of c.lockIns) out.push(`- Locks in: ${l.text} (${l.source})`);
      for (const x of c.retirements) out.push(`- Retires: ${x.title} on ${date(x.date)} (${x.source})`);
      out.push("");
    }
  }
  if (r.rejected.length) {
    out.push("### Ruled out", "");
    for (const x of r.rejected)
      out.push(
        `- **${x.title}**: ${x.reasons.map((y) => `${y.reason} (${y.source})`).join("; ")}` +
          x.defaults.map((d) => `. Note: ${d.text}`).join(""),
      );
  }
  return out.join("\n").trimEnd() + "\n";
}

/** The JSON contract (docs/recommend.md). */
export function recommendationJson(r: Recommendation, emitted?: { file: string; candidate: string }): unknown {
  const t = r.target;
  return {
    requirements: t.requirements,
    target: {
      nodes: t.nodes,
      peakNodes: t.peakNodes,
      maxPods: t.maxPods,
      maxPodsAssumed: t.maxPodsAssumed,
      pools: t.pools,
      maxSurge: t.maxSurge.kind === "percent" ? `${t.maxSurge.percent}%` : String(t.maxSurge.count),
      kubernetesVersion: t.kubernetesVersionText ?? null,
      addressSpace: t.addressSpace.map((p) => p.toString()),
    },
    assumptions: t.assumptions,
    ranked: r.ranked,
    rejected: r.rejected,
    emittedPlan: emitted ?? null,
  };
}
