/**
 * `aksnet generate FLEET.yaml`: the fleet file's clusters as plans — inline, or
 * read from the plan file each names (relative to the fleet file) — each with the
 * fleet's name and location for it, read by the one fleet loader `aksnet fleet`
 * uses (cli/fleet/load.ts). A cluster without a VNet yet is a usage error:
 * `aksnet fleet allocate` places it first.
 */
import type { FleetPlan, Plan } from "../../../engines/plan/index.js";
import type { FleetGenCluster } from "../../generate/index.js";
import { UsageError } from "../errors.js";
import { loadFleetIfAny } from "../fleet/load.js";
import type { Io } from "../io.js";

export interface FleetInput {
  readonly file: string;
  readonly clusters: readonly FleetGenCluster[];
  /** The parsed fleet, and the plan files it names (for `checkFleet`). */
  readonly value: FleetPlan;
  readonly plans: ReadonlyMap<string, Plan>;
}

/** The fleet in `path`, or undefined when the file is not a fleet file (then it is a cluster plan). */
export async function readFleetInput(paths: readonly string[], io: Io): Promise<FleetInput | undefined> {
  if (paths.length !== 1 || paths[0] === "-") return undefined;
  const file = paths[0]!;
  const loaded = await loadFleetIfAny(file, io);
  if (!loaded) return undefined;
  const fleet = loaded.fleet;
  if (!fleet) {
    const p = loaded.problems[0]!;
    const at = loaded.locate(p.path);
    throw new UsageError(
      `${at.file}:${at.line}:${at.column}: ${p.pathText || "the document"}: ${p.message}; fix the fleet file`,
    );
  }
  const clusters: FleetGenCluster[] = [];
  const plans = new Map<string, Plan>();
  for (const [i, c] of fleet.clusters.entries()) {
    let plan: Plan;
    if (c.plan === undefined)
      throw new UsageError(
        `${file}: clusters[${i}] (${c.name}) has no plan; run aksnet fleet allocate ${file} to write one`,
      );
    if (typeof c.plan === "string") {
      const got = loaded.plans.get(c.plan);
      if (got === undefined || "error" in got) {
        const why = got && "error" in got ? String(got.error) : "it was not read";
        if (why === "it does not exist" || why === "it cannot be read")
          throw new UsageError(
            `${file}: clusters[${i}].plan ${c.plan} cannot be read; give a plan file path relative to the fleet file`,
          );
        // `why` starts with the plan file's own `file:line:col` when it is a schema problem.
        throw new UsageError(`${file}: clusters[${i}].plan: ${why}; fix the plan file`);
      }
      plan = got as Plan;
      plans.set(c.plan, plan);
    } else plan = c.plan as Plan;
    if (!plan.vnet || (plan.vnet.addressSpace ?? []).length === 0)
      throw new UsageError(
        `${file}: cluster ${c.name} has no VNet address space yet; run aksnet fleet allocate ${file} first, which ` +
          `places it`,
      );
    clusters.push({
      name: c.name,
      plan: { ...plan, name: plan.name ?? c.name, ...(c.location !== undefined ? { location: c.location } : {}) },
      ipamPool: c.ipamPool ?? fleet.defaults.ipamPool,
      ipamPoolScope: c.ipamPoolScope ?? fleet.defaults.ipamPoolScope,
    });
  }
  if (clusters.length === 0) throw new UsageError(`${file} has no clusters; add them under clusters:`);
  return { file, clusters, value: fleet, plans };
}
