/**
 * The ways to put a whole plan in the editor besides typing: the presets, a file (chosen or dropped), the example,
 * and the link that holds the plan (Copy link). Each replaces the plan through the page's `replacePlan`, a history
 * entry; problems go to the input status line.
 */
import { PRESETS } from "../presets.js";
import { DEFAULT_STATE, MAX_PLAN_TEXT } from "../state.js";
import { byId, fill, h } from "./dom.js";
import { onFileDrop } from "./drop.js";

export interface PlanInputs {
  /** The input status line. */
  readonly status: HTMLElement;
  /** Replaces the plan text, saying what with. */
  replacePlan(text: string, what: string): void;
  /** The plan text now. */
  planText(): string;
  /** Writes the address now (Copy link copies it). */
  writeAddress(): Promise<void>;
}

/** Wires the presets, Load file…, a dropped file, Load the example and Copy link. */
export function bindPlanInputs({ status, replacePlan, planText, writeAddress }: PlanInputs): void {
  const problem = (text: string) => fill(status, h("p", { class: "problem" }, text));

  const presets = byId<HTMLSelectElement>("preset");
  for (const p of PRESETS) presets.append(h("option", { value: p.id }, p.title));
  presets.addEventListener("change", () => {
    const p = PRESETS.find((x) => x.id === presets.value);
    presets.value = "";
    if (p) replacePlan(p.text, `the preset "${p.title}"`);
  });

  async function readFile(file: File): Promise<void> {
    if (file.size > MAX_PLAN_TEXT) {
      problem(
        `${file.name} is ${Math.ceil(file.size / 1024)} KiB; the page reads at most ${MAX_PLAN_TEXT / 1024} KiB.`,
      );
      return;
    }
    replacePlan(await file.text(), file.name);
  }

  // A file dropped anywhere on the page is read like one chosen with "Load file…".
  onFileDrop((file) => void readFile(file));

  byId<HTMLInputElement>("plan-file").addEventListener(
    "change",
    (e) =>
      void (async () => {
        const input = e.currentTarget as HTMLInputElement;
        const file = input.files?.[0];
        input.value = "";
        if (file) await readFile(file);
      })(),
  );

  byId("load-example").addEventListener("click", () => replacePlan(DEFAULT_STATE.planText, "the example"));

  byId("copy-link").addEventListener(
    "click",
    () =>
      void (async () => {
        if (planText().length > MAX_PLAN_TEXT) {
          problem(`The plan is over ${MAX_PLAN_TEXT / 1024} KiB, too large for a link; save it as a file instead.`);
          return;
        }
        await writeAddress();
        try {
          await navigator.clipboard.writeText(location.href);
          fill(
            status,
            h("p", { class: "ok" }, "Link copied: it holds the whole plan; nothing is stored anywhere else."),
          );
        } catch {
          problem("The browser refused the clipboard; copy the address bar instead.");
        }
      })(),
  );
}
