/**
 * The rule catalog as documentation: one Markdown page per rule
 * (`docs/rules/<id>.md`) and an index (`docs/rules/README.md`), generated from
 * the rules' metadata by `scripts/gen-rule-docs.ts` and checked for drift.
 */
import { INTERNAL_ERROR_META, MAX_FINDINGS_PER_MESSAGE, PLAN_SCHEMA_META, TRUNCATED } from "./builtin-findings.js";
import { docsUrlOf, rulePageName, type MessageSpec, type Rule, type RuleMeta } from "./rule.js";

const FAMILY_TITLES: Record<RuleMeta["family"], string> = {
  "allowed-values": "Allowed values",
  combinations: "Plugin, mode, policy, dataplane and OS combinations",
  "cidr-syntax": "CIDR syntax",
  "service-cidr": "Service CIDR",
  "dns-service-ip": "DNS service IP",
  "pod-cidr": "Pod CIDR",
  "max-pods": "Max pods per node",
  "node-counts": "Node counts, autoscaler and upgrades",
  "subnet-sizing": "Subnet sizing",
  "vnet-layout": "VNet and subnets",
  outbound: "Outbound and routing",
  "dual-stack": "Dual-stack",
  names: "Names",
  retirement: "Retirements",
  drift: "Configuration against the running cluster",
  headroom: "A running cluster's room to grow (aksnet inspect)",
  fleet: "Between the clusters of a fleet (aksnet fleet check)",
  internal: "Internal",
};

const code = (s: string) => "`" + s + "`";
/** A message template as a table cell: `{name:count}` shown as `{name}` (how it is written is not the reader's). */
const cell = (s: string) => s.replace(/\{(\w+):count\}/g, "{$1}").replace(/\|/g, "\\|");

/** The AKS errors a rule prevents: the rule's, or its messages' own. */
function aksErrors(meta: RuleMeta): string[] {
  const own = Object.values<MessageSpec>(meta.messages).flatMap((m) => (m.aksErrorCode ? [m.aksErrorCode] : []));
  return [...new Set([...(meta.aksErrorCode ? [meta.aksErrorCode] : []), ...own])];
}

/** The messages and fixes; an AKS error column when a message prevents its own. */
function messageTable(meta: RuleMeta): string[] {
  const specs = Object.entries<MessageSpec>(meta.messages);
  const ownErrors = specs.some(([, m]) => m.aksErrorCode !== undefined);
  const error = (m: MessageSpec) => {
    const e = m.aksErrorCode ?? meta.aksErrorCode;
    return e ? code(e) : "";
  };
  return ownErrors
    ? [
        "| message id | severity | AKS error | message | fix |",
        "|---|---|---|---|---|",
        ...specs.map(
          ([id, m]) =>
            `| ${code(id)} | ${m.severity ?? meta.severity} | ${error(m)} | ${cell(m.message)} | ${cell(m.fix)} |`,
        ),
      ]
    : [
        "| message id | severity | message | fix |",
        "|---|---|---|---|",
        ...specs.map(
          ([id, m]) => `| ${code(id)} | ${m.severity ?? meta.severity} | ${cell(m.message)} | ${cell(m.fix)} |`,
        ),
      ];
}

/** The page of one rule. */
export function renderRulePage(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    "",
    "<!-- Generated from the rule's metadata by scripts/gen-rule-docs.ts; do not edit. -->",
    "",
    meta.description,
    "",
    `- Severity: **${meta.severity}**`,
    `- Family: ${FAMILY_TITLES[meta.family]}`,
    ...(meta.aksErrorCode ? [`- AKS error it prevents: ${code(meta.aksErrorCode)}`] : []),
    `- Rule file: ${code(meta.file ?? `src/engines/validate/rules/${meta.id}.ts`)}`,
    "",
    "## Messages and fixes",
    "",
    ...messageTable(meta),
    "",
    "Words in braces are filled from the plan; the JSON output carries them in `data`.",
    "",
  ];
  if (meta.assumes) lines.push("## Where sources disagree", "", meta.assumes, "");
  lines.push(
    "## Sources",
    "",
    `Checked ${meta.checked}.`,
    "",
    ...meta.sources.map((s) => `- ${s.startsWith("http") ? `<${s}>` : code(s)}`),
    "",
  );
  return lines.join("\n");
}

/** The index of every rule, grouped by family. */
export function renderRuleIndex(rules: readonly Pick<Rule, "meta">[]): string {
  const metas = [PLAN_SCHEMA_META, ...rules.map((r) => r.meta), INTERNAL_ERROR_META];
  const lines = [
    "# Rules of `aksnet check`",
    "",
    "<!-- Generated from the rules' metadata by scripts/gen-rule-docs.ts; do not edit. -->",
    "",
    `${metas.length - 2} rules, one file each under \`src/engines/validate/rules/\` (the drift rules \`aksnet ` +
      `inspect\` runs, ` +
      "comparing a configuration with the running cluster, under `src/engines/inspect/rules/`, and the fleet rules " +
      "`aksnet fleet check` runs, under `src/engines/fleet/rules/`), each with a case table of valid and invalid " +
      "cases. " +
      "Severity is the rule's default; a page lists the messages reported at another severity.",
    "",
    `Each message is listed at most ${MAX_FINDINGS_PER_MESSAGE} times in one run; the rest are counted in one ` +
      `finding ` +
      `with message id ${code(TRUNCATED.messageId)} ("${TRUNCATED.message}"), so no plan makes the output grow ` +
      `without bound.`,
    "",
  ];
  for (const family of Object.keys(FAMILY_TITLES) as RuleMeta["family"][]) {
    const inFamily = metas.filter((m) => m.family === family);
    if (inFamily.length === 0) continue;
    lines.push(`## ${FAMILY_TITLES[family]}`, "", "| rule | severity | AKS error | checks |", "|---|---|---|---|");
    for (const m of inFamily)
      lines.push(
        `| [${m.id}](${rulePageName(m.id)}.md) | ${m.severity} | ${aksErrors(m).map(code).join(", ")} | ` +
          `${cell(m.description)} |`,
      );
    lines.push("");
  }
  return lines.join("\n");
}

/** Every generated file: path relative to the repository root → content. */
export function ruleDocs(rules: readonly Pick<Rule, "meta">[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) out.set(docsUrlOf(r.meta.id), renderRulePage(r.meta));
  out.set("docs/rules/internal-error.md", renderRulePage(INTERNAL_ERROR_META));
  out.set("docs/rules/plan-schema.md", renderRulePage(PLAN_SCHEMA_META));
  out.set("docs/rules/README.md", renderRuleIndex(rules));
  return out;
}
