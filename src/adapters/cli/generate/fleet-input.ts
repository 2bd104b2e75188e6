/**
 * `aksnet generate FLEET.yaml`: the fleet file's clusters as plans — inline, or
 * read from the plan file each names (relative to the fleet file) — each with the
 * fleet's name and location for it. A cluster without a VNet yet is a usage
 * error: `aksnet fleet allocate` places it first.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { isFleetDocument, parseFleetPlan, type Plan } from "../../../engines/plan/index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";

export interface FleetInput {
  readonly file: string;
  readonly clusters: readonly { readonly name: string; readonly plan: Plan }[];
  /** The fleet file's value, and the plan files it names (for `checkFleet`). */
  readonly value: unknown;
  readonly plans: ReadonlyMap<string, Plan>;
}

/** The fleet in `path`, or undefined when the file is not a fleet file (then it is a cluster plan). */
export async function readFleetInput(paths: readonly string[], io: Io): Promise<FleetInput | undefined> {
  if (paths.length !== 1 || paths[0] === "-") return undefined;
  const file = paths[0]!;
  let value: unknown;
  try {
    value = parseYaml(await readFile(resolve(io.cwd, file), "utf8"));
  } catch {
    return undefined; // not readable or not YAML/JSON: the plan reader says why
  }
  if (!isFleetDocument(value)) return undefined;
  const parsed = parseFleetPlan(value);
  if (!parsed.fleet) {
    const p = parsed.problems[0]!;
    throw new UsageError(`${file}: ${p.path || "the document"}: ${p.message}; fix the fleet file`);
  }
  const { loadPlanFiles, PlanLoadError } = await import("../../importers/index.js");
  const clusters: { name: string; plan: Plan }[] = [];
  const plans = new Map<string, Plan>();
  for (const [i, c] of parsed.fleet.clusters.entries()) {
    let plan: Plan;
    if (c.plan === undefined)
      throw new UsageError(
        `${file}: clusters[${i}] (${c.name}) has no plan; run aksnet fleet allocate ${file} to write one`,
      );
    if (typeof c.plan === "string") {
      const at = resolve(dirname(resolve(io.cwd, file)), c.plan);
      let text: string;
      try {
        text = await readFile(at, "utf8");
      } catch {
        throw new UsageError(
          `${file}: clusters[${i}].plan ${c.plan} cannot be read; give a plan file path relative to the fleet file`,
        );
      }
      try {
        const loaded = loadPlanFiles([{ text, fileName: c.plan }]);
        const first = loaded.problems[0];
        if (!loaded.plan || first)
          throw new UsageError(
            `${c.plan}:${first?.line ?? 1}: ${first?.pathText || "the document"}: ${first?.message ?? "not a plan"}; fix the plan file`,
          );
        plan = loaded.plan;
        plans.set(c.plan, plan);
      } catch (e) {
        if (e instanceof PlanLoadError) throw new UsageError(e.message.replace(/\.$/, ""));
        throw e;
      }
    } else plan = c.plan as Plan;
    if (!plan.vnet || (plan.vnet.addressSpace ?? []).length === 0)
      throw new UsageError(
        `${file}: cluster ${c.name} has no VNet address space yet; run aksnet fleet allocate ${file} first, which places it`,
      );
    clusters.push({
      name: c.name,
      plan: { ...plan, name: plan.name ?? c.name, ...(c.location !== undefined ? { location: c.location } : {}) },
    });
  }
  if (clusters.length === 0) throw new UsageError(`${file} has no clusters; add them under clusters:`);
  return { file, clusters, value, plans };
}
