/** `aksnet generate -o json`: the public JSON contract (docs/generate.md): the text with its notes. */
import type { GenerateResult } from "../../generate/index.js";

/** What the generator wrote for a plan it accepted. */
export type Generated = Extract<GenerateResult, { ok: true }>;

export function generateJson(r: Generated): unknown {
  return { format: r.format, notes: r.notes, aksDefaults: r.aksDefaults, text: r.text };
}
