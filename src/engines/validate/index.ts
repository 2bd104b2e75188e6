/**
 * The validator: `validate(plan) → Finding[]`, the rule catalog and the rule type.
 * @module
 */
export { validate, runRule, compareFindings, summarize, type ValidateOptions } from "./validate.js";
export {
  defineRule,
  fillTemplate,
  toFinding,
  docsUrlOf,
  type Finding,
  type Severity,
  type Rule,
  type RuleMeta,
  type RuleFamily,
  type RuleContext,
  type Report,
} from "./rule.js";
export { RULES } from "./rules/index.js";
