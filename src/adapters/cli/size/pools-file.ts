/**
 * Reads `--pools FILE`: YAML or JSON holding a list of node pools, or a plan
 * file whose `nodePools` it takes. Pool fields are the plan file's
 * (name, count, minCount, maxCount, maxPods, maxSurge, …). A pool reserves
 * addresses for its maxCount when it has one (AKS reserves it up front), else its count.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { NodePoolSection } from "../../../engines/plan/index.js";
import type { SizePool } from "../../../engines/capacity/index.js";
import { tryParseMaxSurge } from "../../../engines/capacity/index.js";
import { PLATFORM_LIMITS } from "../../../kb/index.js";
import { UsageError } from "../errors.js";

const PoolList = z.array(NodePoolSection).min(1);

function issueText(file: string, e: z.ZodError): string {
  const i = e.issues[0];
  const where = i ? i.path.map(String).join(".") : "";
  return `${file}: ${where ? `pool field ${where}: ` : ""}${i?.message ?? "not a list of node pools"}; each pool needs a name and a count or maxCount`;
}

/** Parses the text of a pools file (YAML or JSON) into size targets. */
export function parsePoolsText(file: string, text: string): SizePool[] {
  let data: unknown;
  try {
    data = parseYaml(text, { logLevel: "error" });
  } catch (e) {
    throw new UsageError(
      `${file} is not YAML or JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)}); give a list of node pools`,
    );
  }
  const list =
    data && typeof data === "object" && !Array.isArray(data) && "nodePools" in data
      ? (data as { nodePools: unknown }).nodePools
      : data;
  const parsed = PoolList.safeParse(list);
  if (!parsed.success) throw new UsageError(issueText(file, parsed.error));
  const names = new Set<string>();
  return parsed.data.map((p) => {
    if (names.has(p.name)) throw new UsageError(`${file}: two pools are named ${p.name}; give each pool its own name`);
    names.add(p.name);
    const nodes = p.maxCount ?? p.count;
    if (nodes === undefined)
      throw new UsageError(
        `${file}: pool ${p.name} has neither count nor maxCount; give the nodes to reserve addresses for`,
      );
    if (nodes < 1 || nodes > PLATFORM_LIMITS.nodesPerPool.value)
      throw new UsageError(
        `${file}: pool ${p.name} has ${nodes} nodes; a pool holds 1 to ${PLATFORM_LIMITS.nodesPerPool.value.toLocaleString("en-US")}`,
      );
    if (p.minCount !== undefined && p.maxCount !== undefined && p.minCount > p.maxCount)
      throw new UsageError(`${file}: pool ${p.name} has minCount ${p.minCount} above maxCount ${p.maxCount}`);
    const min = PLATFORM_LIMITS.minMaxPods.value;
    const max = PLATFORM_LIMITS.maxPodsPerNode.value;
    if (p.maxPods !== undefined && (p.maxPods < min || p.maxPods > max))
      throw new UsageError(`${file}: pool ${p.name} has maxPods ${p.maxPods}; it must be between ${min} and ${max}`);
    let maxSurge;
    if (p.maxSurge !== undefined) {
      maxSurge = tryParseMaxSurge(p.maxSurge);
      if (!maxSurge)
        throw new UsageError(
          `${file}: pool ${p.name} has maxSurge ${JSON.stringify(p.maxSurge)}; give a node count (1) or a percentage (10%)`,
        );
    }
    return { name: p.name, nodes, maxPods: p.maxPods, maxSurge };
  });
}

/** Reads and parses a pools file relative to `cwd`. */
export async function readPoolsFile(file: string, cwd: string): Promise<SizePool[]> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot read --pools ${file} (${code === "ENOENT" ? "no such file" : (code ?? "unreadable")}); give the path of a YAML or JSON list of node pools`,
    );
  }
  return parsePoolsText(file, text);
}
