/**
 * The validator: `validate(plan) → Finding[]`, the rule catalog, the rule type
 * and the runner other rule sets (e.g. drift against a running cluster) reuse.
 * @module
 */
export { validate, runRule, runRules, compareFindings, summarize, isDay, type ValidateOptions } from "./validate.js";
export {
  defineRule,
  ruleDefiner,
  fillTemplate,
  toFinding,
  docsUrlOf,
  rulePageName,
  pathText,
  type Edit,
  type Finding,
  type FindingData,
  type MessageSpec,
  type PlanInputs,
  type Severity,
  type Rule,
  type RuleMeta,
  type RuleFamily,
  type RuleContext,
  type Report,
} from "./rule.js";
export {
  MAX_FINDINGS_PER_MESSAGE,
  INTERNAL_ERROR_META,
  PLAN_SCHEMA_META,
  internalErrorFinding,
  schemaFinding,
} from "./builtin-findings.js";
export { RULES } from "./rules/index.js";
