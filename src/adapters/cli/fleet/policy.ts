/**
 * `aksnet fleet check` under the project's policy (docs/ci.md), as `aksnet check`: the config's rule
 * levels per path and `# aksnet-ignore` comments apply to the fleet's own findings (located in the fleet
 * file), `--baseline` takes a saved `fleet check -o json` or `-o sarif`. The clusters' own findings are
 * `aksnet check`'s on each plan: run check on the plan files for their policy.
 */
import { compareFindings, summarize } from "../../../engines/validate/index.js";
import type { FleetCheckResult } from "../../../engines/fleet/index.js";
import { configRuleIds } from "../check/policy.js";
import type { FailOn } from "../policy/levels.js";
import { policyFlags, projectPolicy } from "../policy/project.js";
import type { LoadedFleet } from "./load.js";
import type { FleetCheckView, LocatedFleetFinding, SuppressedFleetFinding } from "./view.js";

export async function fleetPolicy(
  result: FleetCheckResult,
  loaded: LoadedFleet,
  opts: Readonly<Record<string, unknown>>,
  cwd: string,
): Promise<{ view: Pick<FleetCheckView, "result" | "findings" | "suppressed">; failOn: FailOn }> {
  // One config serves every command: it may name check's rules and the fleet's.
  const known = await configRuleIds();
  const located: LocatedFleetFinding[] = result.findings.map((f) => ({ ...f, location: loaded.locate(f.path) }));
  const applied = await projectPolicy(
    located,
    [{ fileName: loaded.file, text: loaded.text }],
    policyFlags(opts, cwd),
    known,
  );
  const findings = applied.findings.sort(compareFindings);
  // The clusters' counts stay; the fleet's own are counted after the policy.
  const before = summarize(result.findings);
  const after = summarize(findings);
  const summary = {
    errors: result.summary.errors - before.errors + after.errors,
    warnings: result.summary.warnings - before.warnings + after.warnings,
    infos: result.summary.infos - before.infos + after.infos,
  };
  return {
    view: {
      result: { ...result, ok: summary.errors === 0, summary, findings },
      findings,
      suppressed: applied.suppressed as SuppressedFleetFinding[],
    },
    failOn: applied.failOn,
  };
}
