/**
 * The rule ids of the other commands (`fleet`, `inspect`, `scan`) that a project config may name: one config
 * serves every command. Check reads them only when there is a config to read, so the CLI's build bundles this
 * module on its own (dist/cli/lib/config-rule-ids.cjs, required on first use; scripts/build-cli.mjs): check's
 * bundle then holds neither the fleet engine nor inspect's (807 → 594 KB; callgrind on Node 22, instructions of
 * `aksnet check` of a small plan −12.8 M). Only strings leave it, so its own copies of shared modules do not matter.
 */
import { FLEET_RULES } from "../../../engines/fleet/index.js";
import { DRIFT_RULES } from "../../../engines/inspect/index.js";
import { INSPECT_RULE_IDS, SCAN_CHECK_RULE_IDS } from "../policy/resource-findings.js";

/** The fleet's and inspect's rule ids, and those of scan's and inspect's checks. */
export function otherCommandsRuleIds(): readonly string[] {
  return [
    ...FLEET_RULES.map((r) => r.meta.id),
    ...DRIFT_RULES.map((r) => r.meta.id),
    ...SCAN_CHECK_RULE_IDS,
    ...INSPECT_RULE_IDS,
  ];
}
