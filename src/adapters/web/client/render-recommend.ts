/**
 * Shows `aksnet recommend` for the plan's requirements: the ranking with its
 * scores, the reasons for and against the leading candidates, what they lock in,
 * and why the others were ruled out.
 */
import type { Recommendation } from "../../../engines/recommend/index.js";
import { SCORERS } from "../../../engines/recommend/index.js";
import { targetText } from "../../../engines/views/index.js";
import { formatDay } from "../../../kb/index.js";
import { fill, h } from "./dom.js";

/** Candidates shown with their reasons; the rest only in the table. */
const DETAILS = 3;
const date = formatDay;

/** The candidates ranked, with each scorer's score. */
function rankedTable(r: Recommendation, scorers: readonly (typeof SCORERS)[number][]): HTMLElement {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      // On a phone each model is a card of "column value" lines (class stack): no sideways scrolling.
      { id: "recommend-table", class: "stack" },
      h("caption", { class: "visually-hidden" }, "Models ranked for the requirements"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "#"),
          h("th", { scope: "col" }, "Model"),
          h("th", { scope: "col" }, "Score"),
          ...scorers.map((s) => h("th", { scope: "col", title: s.title }, s.id)),
        ),
      ),
      h(
        "tbody",
        {},
        ...r.ranked.map((c, i) =>
          h(
            "tr",
            { "data-candidate": c.id, class: i === 0 ? "best" : undefined },
            h("td", { "data-label": "Rank" }, c.rank),
            h("th", { scope: "row" }, c.title),
            h("td", { "data-label": "Score" }, c.total),
            ...scorers.map((s) =>
              h("td", { "data-label": s.id }, c.scores.find((x) => x.scorer === s.id)?.score ?? ""),
            ),
          ),
        ),
      ),
    ),
  );
}

/** For the first few candidates: what speaks for and against them, what they lock in, what they retire. */
function reasonsList(r: Recommendation): HTMLElement {
  return h(
    "ol",
    { class: "reasons" },
    ...r.ranked
      .slice(0, DETAILS)
      .map((c) =>
        h(
          "li",
          {},
          h("strong", {}, `${c.title} (${c.total})`),
          h(
            "ul",
            {},
            ...c.for.map((f) => h("li", { class: "for" }, h("span", { "aria-label": "for" }, "+ "), f)),
            ...c.against.map((a) => h("li", { class: "against" }, h("span", { "aria-label": "against" }, "− "), a)),
            ...c.lockIns.map((l) => h("li", {}, `locks in: ${l.text}`)),
            ...c.retirements.map((x) => h("li", { class: "against" }, `retires: ${x.title} on ${date(x.date)}`)),
          ),
        ),
      ),
  );
}

export function renderRecommend(el: HTMLElement, r: Recommendation | undefined, problem: string | undefined): void {
  if (!r) return fill(el, h("p", { class: problem ? "problem" : "hint" }, problem ?? "No plan to recommend for."));
  const scorers = SCORERS.filter((s) => s.id !== "latency" || r.target.requirements.latencySensitive);
  fill(
    el,
    h("p", {}, h("strong", {}, "Requirements: "), `${targetText(r)}.`),
    r.target.assumptions.length
      ? h("ul", { class: "assumptions" }, ...r.target.assumptions.map((a) => h("li", {}, `Assumed: ${a}.`)))
      : null,
    r.ranked.length === 0 ? h("p", { class: "problem" }, "No model meets every requirement.") : rankedTable(r, scorers),
    reasonsList(r),
    r.rejected.length
      ? h(
          "details",
          {},
          h("summary", {}, `Ruled out: ${r.rejected.length}`),
          h(
            "ul",
            { class: "rejected" },
            ...r.rejected.map((x) =>
              h(
                "li",
                {},
                h("strong", {}, x.title),
                h("ul", {}, ...x.reasons.map((reason) => h("li", {}, reason.reason))),
              ),
            ),
          ),
        )
      : null,
  );
}
