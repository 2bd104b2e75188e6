/**
 * What a project decides about findings: `--fail-on`, the config file
 * (aksnet.config.yaml), inline suppressions and the baseline. docs/ci.md.
 * @module
 */
export { FAIL_ON_LEVELS, failsAt, severityOf, type FailOn } from "./levels.js";
export { failOnOption, parseFailOn } from "./fail-on.js";
export { ConfigSchema, CONFIG_FILE_NAMES, configJsonSchema, type ProjectConfig } from "./config.js";
export { loadConfig, findConfig, type LoadedConfig } from "./load-config.js";
export { parseConfig } from "./parse-config.js";
export {
  parseSuppressions,
  SUPPRESSION_RULE,
  type InlineSuppression,
  type SuppressionProblem,
} from "./suppressions.js";
export { readBaseline, baselineFingerprints, fingerprint, type Baseline } from "./baseline.js";
export { applyPolicy, runFile, type Policy, type Suppression, type SuppressedFinding } from "./apply.js";
