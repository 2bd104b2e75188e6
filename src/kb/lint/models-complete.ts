/**
 * Every model declares every fact as a sourced value, under its own id, and agrees with the dataplanes about where they
 * run.
 */
import type { DataplaneFacts } from "../dataplanes.js";
import { MODEL_FACT_KEYS, type ModelFacts } from "../model.js";
import { isSourced } from "../source.js";

export function modelsComplete(
  models: Readonly<Record<string, ModelFacts>>,
  dataplanes: readonly DataplaneFacts[],
): string[] {
  const problems: string[] = [];
  for (const [key, m] of Object.entries(models)) {
    if (m.id !== key) problems.push(`MODELS["${key}"] has id "${m.id}"`);
    for (const k of MODEL_FACT_KEYS) {
      if (!isSourced((m as unknown as Record<string, unknown>)[k]))
        problems.push(`${key}: ${k} is missing or not a sourced value`);
    }
    for (const d of dataplanes) {
      const modelSays = m.dataplanes.value.includes(d.id);
      const dataplaneSays = d.models.value.includes(m.id);
      if (modelSays !== dataplaneSays)
        problems.push(
          `${key}: the model says dataplane ${d.id} is ${modelSays ? "" : "not "}supported, the dataplane says the ` +
            `opposite`,
        );
    }
  }
  return problems;
}
