/** Parses the project config's text (aksnet.config.yaml or .json): every problem is one `UsageError` sentence. */
import { load as loadYaml, CORE_SCHEMA } from "js-yaml";
import { formatPath } from "../../../engines/plan/index.js";
import { UsageError } from "../errors.js";
import { ConfigSchema, type ProjectConfig } from "./config.js";

const KNOWN_FIELDS = "failOn, baseline, rules, overrides, suppressions";

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
}

/**
 * Parses config text. `knownRules` are the rule ids the command reports; an id
 * not among them is an error (a typo would otherwise silently do nothing).
 */
export function parseConfig(text: string, file: string, knownRules: ReadonlySet<string>): ProjectConfig {
  let raw: unknown;
  try {
    raw = text.trim() === "" ? {} : loadYaml(text, { schema: CORE_SCHEMA, filename: file });
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0]!.replace(/\s*\(\d+:\d+\)$/, "");
    throw new UsageError(`the config file ${file} is not valid YAML or JSON (${reason}); fix its syntax`);
  }
  if (raw === null || raw === undefined) raw = {};
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = formatPath(issue.path as (string | number)[]) || "the document";
    let value: unknown = raw;
    for (const k of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[k];
    const what =
      issue.code === "unrecognized_keys"
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")} (known: ${KNOWN_FIELDS})`
        : issue.code === "invalid_value"
          ? `expected one of ${issue.values.map(String).join(", ")}, got ${describe(value)}`
          : issue.code === "invalid_key"
            ? `${describe(issue.path[issue.path.length - 1])} is not a rule id`
            : `${issue.message.replace(/^Invalid input: /, "")}, got ${describe(value)}`;
    throw new UsageError(`the config file ${file}: ${where}: ${what}; fix it (docs/ci.md lists the fields)`);
  }
  const config = parsed.data;
  for (const [i, o] of (config.overrides ?? []).entries())
    if ((o.files === undefined) === (o.resources === undefined))
      throw new UsageError(
        `the config file ${file}: overrides[${i}]: give files (plan files) or resources (Azure resources), ` +
          "exactly one; fix it (docs/ci.md lists the fields)",
      );
  const levels = [
    ...Object.keys(config.rules ?? {}).map((id) => ({ id, where: `rules.${id}` })),
    ...(config.overrides ?? []).flatMap((o, i) =>
      Object.keys(o.rules).map((id) => ({ id, where: `overrides[${i}].rules.${id}` })),
    ),
    ...(config.suppressions ?? []).flatMap((o, i) =>
      o.rules.map((id, j) => ({ id, where: `suppressions[${i}].rules[${j}]` })),
    ),
  ];
  for (const { id, where } of levels)
    if (!knownRules.has(id))
      throw new UsageError(
        `the config file ${file}: ${where}: there is no rule "${id}"; use a rule id from docs/rules/README.md`,
      );
  return config;
}
