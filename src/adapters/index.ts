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
export { startServer, CONTENT_SECURITY_POLICY, type RunningServer, type ServeOptions } from "./web/index.js";
export * from "./azure/index.js";
