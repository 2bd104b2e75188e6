/**
 * Importers: plan files and foreign JSON (az aks show, ARM, az network vnet,
 * terraform show -json) → one `Plan`, with a source map for line/column.
 * @module
 */
export {
  loadPlanText,
  loadPlanFiles,
  loadPlanSet,
  splitPath,
  PlanLoadError,
  type LoadedPlan,
  type LocatedProblem,
  type Location,
  type PlanFile,
  type PlanFormat,
  type PlanSetEntry,
} from "./load.js";
export { parseAzureId, type AzureId } from "./builder.js";
export { parseText, refuseDuplicateKey, type ParsedText, type Position } from "./source-map.js";
export {
  readUsedSpace,
  detectUsedFormat,
  USED_FORMATS,
  UsedSpaceError,
  type ReadUsedOptions,
  type UsedFormat,
} from "./used/index.js";
