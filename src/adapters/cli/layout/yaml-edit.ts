/**
 * Writes a layout into the plan's own text (engines/layout `applyEditsToText`), and plans read from
 * other formats as fresh YAML.
 */
import { stringify } from "yaml";
export { applyEditsToText as editPlanText } from "../../../engines/layout/index.js";

/** A plan read from another format (an ARM or az export): written as a fresh YAML plan. */
export function planYaml(plan: unknown, header: string): string {
  return header + stringify(plan, { lineWidth: 0 });
}
