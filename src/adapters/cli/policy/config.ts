/**
 * The project config file (`aksnet.config.yaml`): turn rules off, change their
 * severity, per path, and the default `--fail-on` and baseline. Its JSON Schema
 * (schema/aksnet-config.schema.json) is generated from `ConfigSchema`.
 *
 * ```yaml
 * failOn: warning
 * baseline: aksnet-baseline.json
 * rules:
 *   max-pods-invalid: warning        # error | warning | note | off
 * overrides:
 *   - files: ["plans/dev/**"]
 *     rules: { subnet-too-small: off }
 *   - resources: ["aks-dev-*"]            # inspect, scan: cluster names or resource IDs
 *     rules: { scan/scale-out: warning }
 * suppressions:                            # inspect, scan
 *   - resources: ["aks-lab-*"]
 *     rules: [scan/next-upgrade]
 *     reason: lab clusters are rebuilt, never upgraded
 * ```
 */
import { z } from "zod";
import { schemaUrl } from "../../../engines/plan/index.js";

export { CONFIG_FILE_NAMES } from "./config-files.js";

const RuleLevel = z
  .enum(["error", "warning", "note", "info", "off"])
  .describe("the rule's severity in this project (note and info are the same), or off: the rule is not reported");

const RuleId = z
  .string()
  .regex(/^[a-z0-9]+(?:[-/][a-z0-9]+)*$/)
  .describe("a rule id, as in docs/rules/ (scan/… and inspect/… for the checks of scan and inspect)");

const RuleLevels = z.record(RuleId, RuleLevel).describe("rule id → error | warning | note | off");

const Resources = z
  .array(z.string().min(1))
  .min(1)
  .describe(
    "glob patterns of Azure resource IDs (/subscriptions/*/resourceGroups/rg-dev-*/**, any case) " +
      "or of cluster names (aks-dev-*): a cluster's pattern covers its pools",
  );

export const ConfigSchema = z
  .object({
    $schema: z.string().optional().describe("the schema of this file (editors)"),
    failOn: z
      .enum(["error", "warning", "note", "never"])
      .optional()
      .describe("the lowest level that makes a check exit 1 (default error); --fail-on overrides it"),
    baseline: z
      .string()
      .min(1)
      .optional()
      .describe(
        "a saved aksnet check -o json (or -o sarif) output, relative to this file: only findings not in it are " +
          "reported",
      ),
    rules: RuleLevels.optional(),
    overrides: z
      .array(
        z
          .object({
            files: z
              .array(z.string().min(1))
              .min(1)
              .optional()
              .describe("glob patterns of plan files, relative to this file (plans/dev/**, **/*.json)"),
            resources: Resources.optional(),
            rules: RuleLevels,
          })
          .strict(),
      )
      .optional()
      .describe(
        "rule levels for some files (check, fleet check) or Azure resources (inspect, scan); " +
          "a later entry wins over an earlier one and over rules",
      ),
    suppressions: z
      .array(
        z
          .object({
            resources: Resources,
            rules: z.array(RuleId).min(1).describe("the rule ids whose findings on those resources are suppressed"),
            reason: z
              .string()
              .trim()
              .min(1)
              .describe("why the findings are accepted: SARIF's justification, listed in the JSON output"),
          })
          .strict(),
      )
      .optional()
      .describe(
        "findings of inspect and scan (live data: no file to write a comment in) suppressed by resource, with a reason",
      ),
  })
  .strict();

export type ProjectConfig = z.output<typeof ConfigSchema>;
export type RuleLevelName = z.output<typeof RuleLevel>;

/** The JSON Schema of the config file (draft 2020-12). */
export function configJsonSchema(id = schemaUrl("aksnet-config.schema.json")): Record<string, unknown> {
  const s = z.toJSONSchema(ConfigSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: s["$schema"],
    $id: id,
    title: "aksnet project config (aksnet.config.yaml)",
    description:
      "Which aksnet rules a project reports and at what severity, per path; the default --fail-on level and " +
      "baseline. Reference: docs/ci.md.",
    ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$schema")),
  };
}

/** The schema file's text: two-space JSON with a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
