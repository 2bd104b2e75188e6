/**
 * What a rule is: one file holding all its meaning (id, severity, each message
 * with its fix, the AKS error code users would meet, sources) and a check over
 * its inputs that reports findings. Findings are data: a field path as keys
 * and indexes, filled-in message and fix, the values behind them.
 */
import { formatCount } from "../../kb/index.js";
import { formatPath, type FieldPath, type ResolvedPlan } from "../plan/index.js";
import type { FixSpace } from "./fix-space.js";
import { guardArgs } from "../../ip/index.js";

export type Severity = "error" | "warning" | "info";

/** The families of rules, after the sections of the validation reference (allowed values … retirements). */
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
  | "outbound"
  | "dual-stack"
  | "names"
  | "retirement"
  | "drift"
  | "headroom"
  | "fleet"
  | "internal";

/** The values a message was built from: what `{name}` placeholders are filled with. */
export type FindingData = Readonly<Record<string, string | number>>;

/** One message of a rule and its fix; a message cannot exist without a fix. */
export interface MessageSpec {
  /** One sentence naming the values involved; `{name}` placeholders are filled from the report's data. */
  readonly message: string;
  /** What to change, with the same placeholders. */
  readonly fix: string;
  /** When this message is reported at another severity than the rule's. */
  readonly severity?: Severity;
  /** The AKS error this message prevents, when it is not the rule's (or the rule has none). */
  readonly aksErrorCode?: string;
}

/** A concrete change a fix suggests: set the field at `path` to `value`. */
export interface Edit {
  readonly path: FieldPath;
  readonly value: string;
}

/** One problem found in a plan. Its JSON form is a public contract (docs/check.md). */
export interface Finding {
  /** The rule that found it (kebab-case, = docs/rules/<ruleId>.md). */
  readonly ruleId: string;
  /** Which of the rule's messages (stable; the text may be reworded). */
  readonly messageId: string;
  readonly severity: Severity;
  /** One sentence naming the values involved. */
  readonly message: string;
  /** The field of the plan, as keys and indexes (empty: the whole plan); formatters render it as text. */
  readonly path: FieldPath;
  /** What to change, with a concrete value when one can be computed. */
  readonly fix: string;
  /** The concrete values the fix suggests, when it names some; all edits of one run fit together. */
  readonly edits?: readonly Edit[];
  /** The values the message was built from (strings and numbers), for machines. */
  readonly data: FindingData;
  /** The AKS error code this would otherwise produce at create/scale/upgrade time. */
  readonly aksErrorCode?: string;
  /** Path of the rule's page, relative to the package root. */
  readonly docsUrl: string;
}

export interface RuleMeta<M extends string = string> {
  readonly id: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** One line: what the rule checks (used in the docs index). */
  readonly description: string;
  /** Every message the rule reports, by message id, each with its fix. */
  readonly messages: { readonly [K in M]: MessageSpec };
  readonly aksErrorCode?: string;
  /** Where the rule comes from (URLs or `owner/repo:path`). */
  readonly sources: readonly string[];
  /** The date the sources were checked (YYYY-MM-DD). */
  readonly checked: string;
  /** Where AKS's sources disagree, what the rule assumes, for the docs page. */
  readonly assumes?: string;
  /** The rule's file relative to the package root, when not `src/engines/validate/rules/<id>.ts`. */
  readonly file?: string;
}

export interface Report<M extends string = string> {
  readonly messageId: M;
  readonly path: FieldPath;
  readonly data?: FindingData;
  readonly edits?: readonly Edit[];
}

/** What a plan rule checks: the resolved plan, and the run's one free-space search for suggested ranges. */
export interface PlanInputs {
  readonly plan: ResolvedPlan;
  readonly fixes: FixSpace;
  /**
   * YYYY-MM-DD: the day the rules that depend on the date judge the plan on (the Kubernetes support calendar).
   * Absent, they report nothing: only the CLI edge (`check --as-of`) knows what day it is.
   */
  readonly asOf?: string;
}

/** What a rule's check receives: its inputs and `report`. */
export type RuleContext<M extends string = string, I extends object = PlanInputs> = I & {
  report(r: Report<M>): void;
};

export interface Rule<M extends string = string, I extends object = PlanInputs> {
  readonly meta: RuleMeta<M>;
  check(ctx: RuleContext<M, I>): void;
}

/**
 * Defines a plan rule. The message ids are inferred from `meta.messages`, so
 * `report` accepts only those ids and every message carries its fix.
 */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** `defineRule` for rules over other inputs (e.g. a plan and a running cluster): `ruleDefiner<MyInputs>()`. */
export function ruleDefiner<I extends object>(): <M extends string>(rule: Rule<M, I>) => Rule<M, I> {
  return (rule) => rule;
}

/**
 * Fills `{name}` placeholders from data; unknown placeholders stay visible so tests catch them. `{name:count}`
 * writes a whole number as the other outputs count (1,581; `formatCount`), for counts in prose, never in commands.
 */
export function fillTemplate(template: string, data: FindingData): string {
  if (typeof template !== "string") return ""; // a value from JavaScript
  const has = (key: string) => typeof data === "object" && data !== null && Object.hasOwn(data, key);
  return template.replace(/\{(\w+)(:count)?\}/g, (whole, key: string, count?: string) => {
    if (!has(key)) return whole;
    const v = data[key];
    return count && typeof v === "number" && Number.isSafeInteger(v) ? formatCount(v) : clipped(textOf(v));
  });
}

/** A value longer than this is quoted by its head and length: a plan's value of megabytes, once per message. */
const MAX_QUOTED = 4096;
const clipped = (t: string): string => (t.length > MAX_QUOTED ? `${t.slice(0, 200)}… (${t.length} characters)` : t);

/** A value as text; an object without a prototype (no String()) as "". */
const textOf = (v: unknown): string =>
  typeof v === "string"
    ? v
    : typeof v === "object" && v !== null && !(Symbol.toPrimitive in v || "toString" in v)
      ? ""
      : String(v);

export function docsUrlOf(ruleId: string): string {
  return `docs/rules/${rulePageName(ruleId)}.md`;
}

/** The name of a rule's page under docs/rules/: its id, a `/` written as `-` (`inspect/headroom`). */
export function rulePageName(ruleId: string): string {
  return textOf(ruleId).replace(/\//g, "-");
}

/** The text form of a finding's path, e.g. `nodePools[1].maxPods` (empty for the whole plan). */
export function pathText(f: { readonly path: FieldPath }): string {
  return formatPath((f as Partial<typeof f> | null | undefined)?.path ?? []);
}

/** Turns a report into a finding using the rule's message and fix. */
export const toFinding = guardArgs(
  "toFinding",
  [
    { name: "meta", want: { id: "text", messages: "object" }, words: "a rule's meta" },
    { name: "report", want: { messageId: "text" }, words: "a report ({ messageId, data })" },
  ],
  function toFinding<M extends string>(meta: RuleMeta<M>, r: Report<M>): Finding {
    const data = r.data ?? {};
    const spec = (meta.messages as Readonly<Record<string, MessageSpec>>)[r.messageId];
    if (spec === undefined) throw new Error(`rule ${meta.id} reported unknown message id "${r.messageId}"`);
    return {
      ruleId: meta.id,
      messageId: r.messageId,
      severity: spec.severity ?? meta.severity,
      message: fillTemplate(spec.message, data),
      path: r.path,
      fix: fillTemplate(spec.fix, data),
      ...(r.edits && r.edits.length > 0 ? { edits: r.edits } : {}),
      data,
      ...((spec.aksErrorCode ?? meta.aksErrorCode) ? { aksErrorCode: spec.aksErrorCode ?? meta.aksErrorCode } : {}),
      docsUrl: docsUrlOf(meta.id),
    };
  },
);
