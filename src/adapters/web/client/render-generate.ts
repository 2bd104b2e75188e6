/**
 * Shows `aksnet generate --format az|bicep|terraform` for the plan, with copy
 * and download. A plan with error findings gets no code, as on the CLI.
 */
import type { GenerateResult } from "../../generate/index.js";
import type { GenerateFormat } from "../state.js";
import { fill, h } from "./dom.js";

export const FILE_NAMES: Readonly<Record<GenerateFormat, string>> = {
  az: "create-cluster.sh",
  bicep: "main.bicep",
  terraform: "main.tf",
};

export function renderGenerate(
  el: HTMLElement,
  result: GenerateResult | undefined,
  errors: number,
  planRead: boolean,
): void {
  if (!planRead) return fill(el, h("p", { class: "hint" }, "No plan to generate from."));
  if (!result) {
    return fill(
      el,
      h(
        "p",
        { class: "problem" },
        `The plan has ${errors} error finding${errors === 1 ? "" : "s"} (see Check); like aksnet generate, the page ` +
          `writes no code AKS would reject. Fix them first.`,
      ),
    );
  }
  if (!result.ok) {
    return fill(
      el,
      h(
        "p",
        { class: "problem" },
        result.problems.some((p) => p.format !== undefined)
          ? "These values cannot be written in this format:"
          : "These values cannot be written safely:",
      ),
      h(
        "ul",
        { class: "problems" },
        ...result.problems.map((p) => h("li", {}, h("code", {}, p.path), ` ${JSON.stringify(p.value)}: ${p.reason}`)),
      ),
    );
  }
  fill(
    el,
    result.notes.length ? h("ul", { class: "assumptions" }, ...result.notes.map((n) => h("li", {}, n))) : null,
    h(
      "pre",
      { class: "code", tabindex: 0, "aria-label": `generated ${FILE_NAMES[result.format]}` },
      h("code", { id: "generated-code" }, result.text),
    ),
  );
}

/** Copy (saying whether the clipboard took it) and Download of the generated code. */
export function bindGenerateButtons(generated: () => GenerateResult | undefined, format: () => GenerateFormat): void {
  const byId = (id: string) => document.getElementById(id)!;
  const generateStatus = byId("generate-status");
  byId("copy-code").addEventListener(
    "click",
    () =>
      void (async () => {
        const g = generated();
        if (g?.ok !== true) return;
        try {
          await navigator.clipboard.writeText(g.text);
          fill(generateStatus, h("p", { class: "ok" }, `Copied ${FILE_NAMES[format()]} to the clipboard.`));
        } catch {
          fill(
            generateStatus,
            h(
              "p",
              { class: "problem" },
              "The browser refused the clipboard; select the code and copy it, or download it.",
            ),
          );
        }
      })(),
  );
  byId("download-code").addEventListener("click", () => {
    const g = generated();
    if (g?.ok !== true) return;
    const url = URL.createObjectURL(new Blob([g.text], { type: "text/plain;charset=utf-8" }));
    const a = h("a", { href: url, download: FILE_NAMES[format()] });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}
