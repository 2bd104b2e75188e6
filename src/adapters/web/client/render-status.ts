/**
 * The status line above the editor: what the text was read as (an aksnet plan, az aks show output,
 * a fleet file …) with its pools and subnets, or why it cannot be read, and the link's problems.
 */
import type { PlanPart } from "../compute.js";
import { fill, h } from "./dom.js";

/** How the status line names an input format; a format the importers add later shows by its id. */
const KIND_WORDS: Readonly<Partial<Record<PlanPart["input"]["kind"], string>>> = {
  aksnet: "an aksnet plan",
  "arm-template": "an ARM template",
  "az-aks-show": "az aks show output",
  arm: "an ARM managed cluster",
  "az-vnet": "az network vnet output",
  "terraform-plan": "terraform show -json output",
  empty: "nothing",
  fleet: "a fleet file",
  scan: "aksnet scan output",
  inspect: "aksnet inspect output",
};

export function renderStatus(
  status: HTMLElement,
  convert: HTMLButtonElement,
  v: PlanPart,
  linkProblems: readonly string[],
): void {
  const problems = [...linkProblems, ...v.input.problems];
  convert.hidden = !(v.plan && v.input.kind !== "aksnet");
  if (problems.length === 0 && v.fleet) {
    const n = v.fleet.counts.clusters;
    return fill(
      status,
      h(
        "p",
        { class: "ok" },
        `Read a fleet file: ${n} cluster${n === 1 ? "" : "s"}, ${v.fleet.pools.length} ` +
          `pool${v.fleet.pools.length === 1 ? "" : "s"}; see Fleet below.`,
      ),
    );
  }
  if (problems.length === 0 && v.scan)
    return fill(
      status,
      h("p", { class: "ok" }, `Read aksnet scan output: ${v.scan.count} used prefixes; see Used space below.`),
    );
  if (problems.length === 0 && v.inspect) {
    const n = v.inspect.cluster.pools.length;
    const said = `Read aksnet inspect output: ${n} node pool${n === 1 ? "" : "s"}; see Pools and parts below.`;
    return fill(status, h("p", { class: "ok" }, said));
  }
  if (problems.length === 0) {
    const pools = v.plan?.nodePools.length ?? 0;
    const subnets = v.plan?.vnet?.subnets.length ?? 0;
    return fill(
      status,
      h(
        "p",
        { class: "ok" },
        `Read ${KIND_WORDS[v.input.kind] ?? v.input.kind}: ${pools} node pool${pools === 1 ? "" : "s"}, ${subnets} ` +
          `subnet${subnets === 1 ? "" : "s"}${v.resolved ? `, model ${v.resolved.model}` : ""}.`,
      ),
      v.input.notes?.length ? h("ul", { class: "hint" }, ...v.input.notes.map((n) => h("li", {}, n))) : null,
      v.input.kind !== "aksnet"
        ? h("p", { class: "hint" }, "The form edits aksnet plans: convert to edit this one with it.")
        : null,
    );
  }
  fill(status, h("ul", { class: "problems" }, ...problems.map((p) => h("li", {}, p))));
}
