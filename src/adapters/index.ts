/**
 * Adapters: the code that does I/O or produces text for other tools
 * (CLI, generators, importers, inspect, web).
 * @module
 */
export { run as runCli } from "./cli/index.js";
export * from "./importers/index.js";
export * from "./inspect/index.js";
export {
  generate,
  GENERATE_FORMATS,
  toGenPlan,
  type GenerateFormat,
  type GenerateResult,
  type GenPlan,
  type GenProblem,
} from "./generate/index.js";
export {
  startServer,
  CONTENT_SECURITY_POLICY,
  layoutAddressMap,
  type RunningServer,
  type ServeOptions,
  type AddressMap,
  type MapPanel,
  type MapLane,
  type MapItem,
  type MapKind,
} from "./web/index.js";
export * from "./azure/index.js";
