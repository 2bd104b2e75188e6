/**
 * Reads the PLAN argument of generate, migrate and recommend: an aksnet plan,
 * az aks show / ARM JSON or terraform show -json, through the importers. Any
 * problem is a `UsageError`: one sentence naming the file and the fix.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Plan } from "../../../engines/plan/index.js";
import type { LoadedPlan, PlanFile } from "../../importers/index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";

export interface PlanFileResult {
  readonly plan: Plan;
  readonly loaded: LoadedPlan;
}

async function readText(path: string, io: Io): Promise<PlanFile> {
  try {
    return { text: await readFile(resolve(io.cwd, path), "utf8"), fileName: path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "it does not exist" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : "it cannot be read";
    throw new UsageError(`cannot read ${path}: ${why}; give the path of a plan file (YAML or JSON)`);
  }
}

/**
 * Loads the plan at `path` (relative to the working directory), or merges several
 * files (e.g. az aks show JSON plus az network vnet show JSON).
 */
export async function readPlanFile(paths: unknown, io: Io): Promise<PlanFileResult> {
  const list = (Array.isArray(paths) ? paths : [paths]).filter((p): p is string => typeof p === "string" && p !== "");
  if (list.length === 0) throw new UsageError("give the plan file to read, e.g. aksnet.yaml");
  const path = list.join(" ");
  const files = await Promise.all(list.map((p) => readText(p, io)));
  // Loaded here, not at the top: the importers are heavy and `recommend` without a plan never needs them.
  const { loadPlanFiles, PlanLoadError } = await import("../../importers/index.js");
  let loaded: LoadedPlan;
  try {
    loaded = loadPlanFiles(files);
  } catch (e) {
    if (e instanceof PlanLoadError) throw new UsageError(e.message.replace(/\.$/, ""));
    throw e;
  }
  const first = loaded.problems[0];
  if (!loaded.plan || first) {
    const where = first ? `${first.file}:${first.line}:${first.column}: ${first.pathText || "the document"}: ${first.message}` : path;
    const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more problems; run aksnet check ${path})` : "";
    throw new UsageError(`${where}${more}; fix the plan file`);
  }
  return { plan: loaded.plan, loaded };
}
