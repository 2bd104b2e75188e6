/** Draws the findings of `check` (with their fix hints) and the defaults the plan resolution assumed. */
import type { Assumption } from "../../../engines/plan/index.js";
import { pathText, type Finding } from "../../../engines/validate/index.js";
import { fill, h } from "./dom.js";

export function renderFindings(
  el: HTMLElement,
  findings: readonly Finding[] | undefined,
  problems: readonly string[],
): void {
  if (problems.length > 0) {
    return fill(
      el,
      h("p", { class: "problem" }, "The plan could not be read, so it was not checked:"),
      h("ul", { class: "problems" }, ...problems.map((p) => h("li", {}, p))),
    );
  }
  if (!findings) return fill(el);
  if (findings.length === 0) return fill(el, h("p", { class: "ok" }, "No findings: the plan passes every check."));
  const counts = ["error", "warning", "info"]
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  const seen = new Set<string>();
  const idOf = (ruleId: string) => (seen.has(ruleId) ? undefined : (seen.add(ruleId), `finding-${ruleId}`));
  fill(
    el,
    h("p", { class: "summary" }, counts.map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`).join(", ")),
    h(
      "ol",
      { class: "findings" },
      ...findings.map((f) =>
        h(
          "li",
          { class: `finding ${f.severity}`, "data-rule": f.ruleId, id: idOf(f.ruleId), tabindex: -1 },
          h(
            "p",
            {},
            h("span", { class: `severity ${f.severity}` }, f.severity),
            " ",
            h("code", { class: "path" }, pathText(f) || "plan"),
            " ",
            f.message,
          ),
          h("p", { class: "fix" }, h("strong", {}, "Fix: "), f.fix),
          h(
            "p",
            { class: "rule" },
            "rule ",
            h("code", {}, f.ruleId),
            f.aksErrorCode ? h("span", {}, " · AKS error ", h("code", {}, f.aksErrorCode)) : null,
          ),
        ),
      ),
    ),
  );
}

export function renderAssumptions(el: HTMLElement, assumptions: readonly Assumption[]): void {
  if (assumptions.length === 0)
    return fill(el, h("p", { class: "hint" }, "Nothing assumed: the plan states every value."));
  fill(
    el,
    h(
      "ul",
      { class: "assumptions" },
      ...assumptions.map((a) =>
        h(
          "li",
          {},
          h("code", {}, a.path),
          " = ",
          h("strong", {}, a.value),
          `: ${a.reason}`,
          a.alternatives?.length
            ? h("ul", {}, ...a.alternatives.map((alt) => h("li", {}, `or ${alt.value}: ${alt.meaning}`)))
            : null,
        ),
      ),
    ),
  );
}
