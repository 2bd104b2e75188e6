/**
 * Reads the plan arguments of check, generate, recommend and migrate: an aksnet
 * plan, az aks show / ARM JSON, az network vnet JSON or terraform show -json,
 * one or several files merged by the importers (`-` is standard input). A file
 * that cannot be read, is not YAML/JSON or is no known format is a `UsageError`
 * (exit 2, one sentence naming the file and the fix).
 */
import { resolve } from "node:path";
import type { Plan } from "../../engines/plan/index.js";
import type { LoadedPlan, PlanFile } from "../importers/index.js";
import { UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { readBoundedStream, readFailure, readInputFile } from "./read-input.js";

async function readText(path: string, io: Io): Promise<PlanFile> {
  try {
    return path === "-"
      ? { text: await readBoundedStream(io.stdin()), fileName: "<stdin>" }
      : { text: await readInputFile(resolve(io.cwd, path)), fileName: path };
  } catch (e) {
    const shown = path === "-" ? "standard input" : path;
    throw new UsageError(`cannot read ${shown}: ${readFailure(e)}; give the path of a plan file (YAML or JSON)`);
  }
}

function pathList(paths: unknown): string[] {
  return (Array.isArray(paths) ? paths : [paths]).filter((p): p is string => typeof p === "string" && p !== "");
}

/**
 * Loads and merges the files; schema problems are returned, not thrown.
 * `missing` is the sentence for when no path was given.
 */
export async function loadPlanArgs(
  paths: unknown,
  io: Io,
  missing: string,
): Promise<LoadedPlan & { readonly sources: readonly PlanFile[] }> {
  const list = pathList(paths);
  if (list.length === 0) throw new UsageError(missing);
  const files = await Promise.all(list.map((p) => readText(p, io)));
  // Loaded here, not at the top: the importers are heavy and `recommend` without a plan never needs them.
  const { loadPlanFiles, PlanLoadError } = await import("../importers/index.js");
  try {
    return Object.assign(loadPlanFiles(files), { sources: files });
  } catch (e) {
    if (e instanceof PlanLoadError) throw new UsageError(e.message.replace(/\.$/, ""));
    throw e;
  }
}

export interface PlanFileResult {
  readonly plan: Plan;
  readonly loaded: LoadedPlan;
}

/** Like `loadPlanArgs`, but a plan with schema problems is a `UsageError` naming the first one. */
export async function readPlanFile(paths: unknown, io: Io): Promise<PlanFileResult> {
  const loaded = await loadPlanArgs(paths, io, "give the plan file to read, e.g. aksnet.yaml");
  const first = loaded.problems[0];
  if (!loaded.plan || first) {
    const path = pathList(paths).join(" ");
    const where = first
      ? `${first.file}:${first.line}:${first.column}: ${first.pathText || "the document"}: ${first.message}`
      : path;
    const more =
      loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more problems; run aksnet check ${path})` : "";
    throw new UsageError(`${where}${more}; fix the plan file`);
  }
  return { plan: loaded.plan, loaded };
}
