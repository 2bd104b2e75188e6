/**
 * Builds labelled inputs for form fields (../plan-edit.ts) and keeps them in
 * step with the plan: an edit calls `onEdit`; a new plan refreshes every input
 * except the one being typed in.
 */
import type { Plan, ResolvedPlan } from "../../../engines/plan/index.js";
import type { FieldDef } from "../plan-edit.js";
import { fill, h } from "./dom.js";

type Input = HTMLInputElement | HTMLSelectElement;

export interface FormBinding {
  sync(plan: Plan | undefined, resolved: ResolvedPlan | undefined): void;
  /** Shows the plan's value in one field again (its edit was refused), even while it has the focus. */
  revert(field: FieldDef, plan: Plan | undefined, resolved: ResolvedPlan | undefined): void;
}

/** The control for a field: a select, a checkbox or a text input (numeric keyboard for numbers). */
function inputFor(f: FieldDef, id: string, hintId: string | undefined): Input {
  if (f.kind === "select")
    return h(
      "select",
      { id, name: f.id, "aria-describedby": hintId },
      ...(f.options ?? []).map(([v, label]) => h("option", { value: v }, label)),
    );
  if (f.kind === "checkbox") return h("input", { id, name: f.id, type: "checkbox" });
  return h("input", {
    id,
    name: f.id,
    type: "text",
    inputmode: f.kind === "number" ? "numeric" : undefined,
    spellcheck: "false",
    autocomplete: "off",
    maxlength: f.maxLength ?? 200,
    "aria-describedby": hintId,
  });
}

export function buildForm(
  form: HTMLFormElement,
  fields: readonly FieldDef[],
  onEdit: (field: FieldDef, value: string) => void,
): FormBinding {
  const inputs = new Map<FieldDef, Input>();
  const hints = new Map<FieldDef, HTMLElement>();
  const rows = fields.map((f) => {
    const id = `field-${f.id}`;
    const hintId = f.hint || f.inapplicable ? `${id}-hint` : undefined;
    const input = inputFor(f, id, hintId);
    const read = () =>
      input instanceof HTMLInputElement && input.type === "checkbox" ? String(input.checked) : input.value;
    input.addEventListener(f.kind === "select" || f.kind === "checkbox" ? "change" : "input", () => onEdit(f, read()));
    inputs.set(f, input);
    const hint = hintId ? h("small", { id: hintId, class: "hint" }, f.hint ?? "") : null;
    if (hint) hints.set(f, hint);
    return h(
      "div",
      { class: `field ${f.kind}` },
      f.kind === "checkbox" ? [input, h("label", { for: id }, f.label)] : [h("label", { for: id }, f.label), input],
      hint,
    );
  });
  fill(form, ...rows);
  form.addEventListener("submit", (e) => e.preventDefault());
  const show = (f: FieldDef, input: Input, plan: Plan, resolved: ResolvedPlan | undefined) => {
    const v = f.read(plan, resolved);
    if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = v === "true";
    else if (input.value !== v) input.value = v;
  };
  return {
    revert(f, plan, resolved) {
      const input = inputs.get(f);
      if (input && plan) show(f, input, plan, resolved);
    },
    sync(plan, resolved) {
      for (const [f, input] of inputs) {
        // A field that does not apply to this plan is disabled, and its hint says why.
        const why = plan ? f.inapplicable?.(plan, resolved) : undefined;
        const disabled = plan === undefined || why !== undefined;
        if (input.disabled !== disabled) input.disabled = disabled;
        const hint = hints.get(f);
        const hintText = why ?? f.hint ?? "";
        // Written only when it changes: an unchanged form costs no style or layout.
        if (hint && hint.textContent !== hintText) hint.textContent = hintText;
        if (!plan || input === document.activeElement) continue;
        show(f, input, plan, resolved);
      }
    },
  };
}
