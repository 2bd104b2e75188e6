/**
 * The headline above everything (engines/views/verdict.ts): fits or fails and why, the headroom in
 * nodes, and the first thing to do, as a link to where it is done. While the editor text cannot be
 * read, the last verdict stays, marked stale, and the headline says why.
 */
import type { PlanVerdict } from "../../../engines/views/index.js";
import { pathText } from "../../../engines/validate/index.js";
import { byId, fill, h } from "./dom.js";

export function renderVerdict(verdict: PlanVerdict | undefined, problems: readonly string[], stale: boolean): void {
  const box = byId("verdict");
  const headline = byId("verdict-headline");
  const action = byId("verdict-action");
  box.dataset["status"] = stale ? "stale" : (verdict?.status ?? "none");
  if (!verdict) {
    fill(headline, h("strong", {}, "No plan yet. "), problems[0] ?? "Pick a preset or paste a plan.");
    fill(action, h("a", { href: "#plan-text" }, "Edit the plan text"));
    return;
  }
  if (stale) {
    fill(
      headline,
      h("strong", {}, "Stale: "),
      `the text cannot be read (${problems[0] ?? "see above the editor"}). Last readable plan: ${verdict.headline}`,
    );
    fill(
      action,
      "First: ",
      h("a", { href: "#input-status" }, "fix the text"),
      " (the problem is shown above the editor).",
    );
    return;
  }
  const [word, ...rest] = verdict.headline.split(": ");
  fill(headline, h("strong", { class: `word ${verdict.status}` }, `${word}:`), ` ${rest.join(": ")}`);
  const finding = verdict.action.finding;
  fill(
    action,
    h("strong", {}, "First: "),
    verdict.action.text,
    " ",
    finding
      ? h(
          "a",
          { href: `#finding-${finding.ruleId}`, "data-rule": finding.ruleId },
          `see ${pathText(finding) || "the plan"} under Check`,
        )
      : h(
          "a",
          { href: verdict.warnings ? "#findings-view" : "#generate-view" },
          verdict.warnings ? "Check" : "Generated code",
        ),
  );
}
