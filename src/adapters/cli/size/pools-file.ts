/**
 * Reads `--pools FILE`: YAML or JSON holding a list of node pools, or a whole plan file. Pool fields are the
 * plan file's (name, count, minCount, maxCount, maxPods, maxSurge, maxUnavailable, priority, …). The file is
 * resolved as a plan and sized with `sizeTargetOfPlan`, so each pool counts exactly as `check` counts it: its
 * peak (the autoscaler maximum, or the count when larger), and a plan's `reserved` addresses, Kubernetes
 * version and tier come along. Limits a pool breaks (more than 1,000 nodes, …) are answered by `size` as
 * problems, as `check` reports them; only what cannot be sized at all is a usage error.
 */
import { resolve } from "node:path";
import type { CapacityAssumption, SizeInput } from "../../../engines/capacity/index.js";
import { tryParseMaxSurge } from "../../../engines/capacity/index.js";
import {
  automaticNetwork,
  napSizeAssumption,
  napSizePools,
  type AutomaticNetwork,
} from "../../../engines/layout/index.js";
import { parsePlan, resolvePlan, sizeTargetOfPlan, type Plan } from "../../../engines/plan/index.js";
import { PLATFORM_LIMITS } from "../../../kb/index.js";
import { parseText, PlanLoadError, refuseDuplicateKey } from "../../importers/index.js";
import { UsageError } from "../errors.js";
import { InputError, readInputFile } from "../read-input.js";

/** What a pools file holds: the pools, and from a plan its tenants, version and tier. */
export type SizeFileTarget = Omit<SizeInput, "models">;

/**
 * The file's value, read as plan files are (importers' parseText): aliases, nesting depth and encoding are bounded
 * there with one sentence each, and plain YAML takes the fast parser (a 9 MB file took over 20 s through `yaml`).
 */
function readText(file: string, text: string): unknown {
  try {
    const parsed = parseText(text, file);
    refuseDuplicateKey(parsed, file);
    return parsed.value;
  } catch (e) {
    if (e instanceof PlanLoadError) throw new UsageError(e.message.replace(/\.$/, ""));
    throw e;
  }
}

function planOf(file: string, data: unknown): Plan {
  const isPlan = data !== null && typeof data === "object" && !Array.isArray(data) && "nodePools" in data;
  if (!isPlan && !Array.isArray(data))
    throw new UsageError(`${file}: not a list of node pools; each pool needs a name and a count or maxCount`);
  const r = parsePlan(isPlan ? data : { nodePools: data });
  const first = r.problems[0];
  if (!r.plan || first)
    throw new UsageError(
      `${file}: ${first?.pathText ? `${first.pathText}: ` : ""}${first?.message ?? "not a plan"}; each pool needs a ` +
        `name and a count or maxCount`,
    );
  if (r.plan.nodePools.length === 0 && !r.plan.nodeProvisioning?.pools.length)
    throw new UsageError(
      r.plan.sku?.name === "Automatic"
        ? `${file}: an AKS Automatic plan has no node pools, and it names no node auto-provisioning NodePools to ` +
            "size; give nodeProvisioning.pools with each NodePool's maxNodes, or size from counts with --nodes N " +
            "--api-server-clusters 1 --nap-nodes N"
        : `${file}: no node pools; give at least one pool`,
    );
  return r.plan;
}

function checkPools(file: string, plan: Plan): void {
  const names = new Set<string>();
  const min = PLATFORM_LIMITS.minMaxPods.value;
  const max = PLATFORM_LIMITS.maxPodsPerNode.value;
  for (const p of plan.nodePools) {
    if (names.has(p.name)) throw new UsageError(`${file}: two pools are named ${p.name}; give each pool its own name`);
    names.add(p.name);
    if (p.count === undefined && p.maxCount === undefined)
      throw new UsageError(
        `${file}: pool ${p.name} has neither count nor maxCount; give the nodes to reserve addresses for`,
      );
    for (const [field, v] of [
      ["count", p.count],
      ["minCount", p.minCount],
      ["maxCount", p.maxCount],
    ] as const)
      if (v !== undefined && v < 0)
        throw new UsageError(`${file}: pool ${p.name} has ${field} ${v}; a node count is 0 or more`);
    if (p.minCount !== undefined && p.maxCount !== undefined && p.minCount > p.maxCount)
      throw new UsageError(`${file}: pool ${p.name} has minCount ${p.minCount} above maxCount ${p.maxCount}`);
    if (p.maxPods !== undefined && (p.maxPods < min || p.maxPods > max))
      throw new UsageError(`${file}: pool ${p.name} has maxPods ${p.maxPods}; it must be between ${min} and ${max}`);
    for (const [field, v] of [
      ["maxSurge", p.maxSurge],
      ["maxUnavailable", p.maxUnavailable],
    ] as const)
      if (v !== undefined && !tryParseMaxSurge(v))
        throw new UsageError(
          `${file}: pool ${p.name} has ${field} ${JSON.stringify(v)}; give a node count (1) or a percentage (10%)`,
        );
  }
  for (const [field, v] of Object.entries(plan.reserved))
    if (typeof v === "number" && v > 2 ** 32)
      throw new UsageError(`${file}: reserved.${field} ${v} is more addresses than IPv4 has`);
}

/** Parses the text of a pools or plan file (YAML or JSON) into a sizing target. */
export function parsePoolsText(file: string, text: string): SizeFileTarget {
  return parsePoolsFile(file, text).target;
}

/** What a pools file sizes: the target, the plan it was read as, and what was assumed beyond the size engine. */
export interface PoolsFile {
  readonly target: SizeFileTarget;
  readonly plan: Plan;
  /**
   * `nodeAutoProvisioning` when the plan has no node pools and its node auto-provisioning NodePools were sized
   * instead; `network` for an AKS Automatic plan, which has one model and dataplane only.
   */
  readonly assumptions: Readonly<Record<string, CapacityAssumption>>;
  /** An AKS Automatic plan's one model and dataplane: the only row `size` lists for it. */
  readonly automatic?: AutomaticNetwork;
}

/**
 * The sizing target and the plan it was read as (a list of pools becomes a plan of only those pools). A plan
 * without node pools (AKS Automatic) is sized from its node auto-provisioning NodePools, with that assumption.
 */
export function parsePoolsFile(file: string, text: string): PoolsFile {
  const plan = planOf(file, readText(file, text));
  checkPools(file, plan);
  const resolved = resolvePlan(plan);
  const target = sizeTargetOfPlan(resolved);
  const automatic = automaticNetwork(resolved);
  const only: Pick<PoolsFile, "automatic" | "assumptions"> = automatic
    ? { automatic, assumptions: { network: automatic.assumption } }
    : { assumptions: {} };
  if (plan.nodePools.length > 0) return { target, plan, ...only };
  return {
    // An Automatic cluster is Standard tier when the plan names none (the resolver's assumption, as check's).
    target: { ...target, pools: napSizePools(resolved), tier: resolved.tier },
    plan,
    ...only,
    assumptions: { nodeAutoProvisioning: napSizeAssumption(resolved), ...only.assumptions },
  };
}

/** Reads and parses a pools file relative to `cwd`. */
export async function readPoolsFile(file: string, cwd: string): Promise<PoolsFile> {
  let text: string;
  try {
    text = await readInputFile(resolve(cwd, file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = e instanceof InputError ? e.message : code === "ENOENT" ? "no such file" : (code ?? "unreadable");
    throw new UsageError(
      `cannot read --pools ${file} (${why}); give the path ` + `of a YAML or JSON list of node pools`,
    );
  }
  return parsePoolsFile(file, text);
}
