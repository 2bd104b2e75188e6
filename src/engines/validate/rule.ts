/**
 * What a rule is: one file holding all its meaning (id, severity, message
 * templates, fix hints, the AKS error code users would meet, sources) and a
 * check over the resolved plan that reports findings. Findings are data.
 */
import type { ResolvedPlan } from "../plan/index.js";

export type Severity = "error" | "warning" | "info";

/** The families of rules, after the reference's sections (validation-rules.md A–L). */
export type RuleFamily =
  | "allowed-values"
  | "combinations"
  | "cidr-syntax"
  | "service-cidr"
  | "dns-service-ip"
  | "pod-cidr"
  | "max-pods"
  | "node-counts"
  | "subnet-sizing"
  | "vnet-layout"
  | "dual-stack"
  | "names"
  | "retirement"
  | "internal";

/** One problem found in a plan. The JSON form is a public contract (docs/check.md). */
export interface Finding {
  /** The rule that found it (kebab-case, = docs/rules/<ruleId>.md). */
  readonly ruleId: string;
  readonly severity: Severity;
  /** One sentence naming the values involved. */
  readonly message: string;
  /** Field path in the plan, e.g. `network.podCidrs[0]`. */
  readonly path: string;
  /** What to change, with a concrete value when one can be computed. */
  readonly fix: string;
  /** The values the message was built from (strings and numbers), for machines. */
  readonly data: Readonly<Record<string, string | number>>;
  /** The AKS error code this would otherwise produce at create/scale/upgrade time. */
  readonly aksErrorCode?: string;
  /** Path of the rule's page, relative to the package root. */
  readonly docsUrl: string;
}

export interface RuleMeta {
  readonly id: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** One line: what the rule checks (used in the docs index). */
  readonly description: string;
  /** Message templates by message id; `{name}` placeholders are filled from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  /** Message ids reported at another severity than the rule's (e.g. a warning variant). */
  readonly severities?: Readonly<Record<string, Severity>>;
  /** Fix hint templates, one for every message id. */
  readonly fixes: Readonly<Record<string, string>>;
  readonly aksErrorCode?: string;
  /** Where the rule comes from (URLs or `repo:path`) and the date they were checked. */
  readonly sources: readonly string[];
  readonly checked: string;
  /** Where AKS's sources disagree, what the rule assumes (reference X1–X13), for the docs page. */
  readonly assumes?: string;
}

export interface Report {
  readonly messageId: string;
  readonly path: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface RuleContext {
  readonly plan: ResolvedPlan;
  report(r: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Identity helper for type inference. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{name}` placeholders from data; unknown placeholders stay visible so tests catch them. */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function docsUrlOf(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** Turns a report into a finding using the rule's templates. */
export function toFinding(meta: RuleMeta, r: Report): Finding {
  const data = r.data ?? {};
  const message = meta.messages[r.messageId];
  const fix = meta.fixes[r.messageId];
  if (message === undefined || fix === undefined)
    throw new Error(`rule ${meta.id} reported unknown message id "${r.messageId}"`);
  return {
    ruleId: meta.id,
    severity: meta.severities?.[r.messageId] ?? meta.severity,
    message: fillTemplate(message, data),
    path: r.path,
    fix: fillTemplate(fix, data),
    data,
    ...(meta.aksErrorCode ? { aksErrorCode: meta.aksErrorCode } : {}),
    docsUrl: docsUrlOf(meta.id),
  };
}
