/**
 * Reads the FILE arguments of `aksnet check` through the importers. A file that
 * cannot be read, is not YAML/JSON or is no known format is a `UsageError`
 * (exit 2, one sentence); schema problems are returned for the report.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadPlanFiles, PlanLoadError, type LoadedPlan, type PlanFile } from "../../importers/index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";

async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin()) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function readText(path: string, io: Io): Promise<PlanFile> {
  if (path === "-") return { text: await readStdin(io), fileName: "<stdin>" };
  try {
    return { text: await readFile(resolve(io.cwd, path), "utf8"), fileName: path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "it does not exist" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : "it cannot be read";
    throw new UsageError(`cannot read ${path}: ${why}; give the path of a plan file (YAML or JSON)`);
  }
}

export async function readPlanFiles(paths: unknown, io: Io): Promise<LoadedPlan> {
  const list = (Array.isArray(paths) ? paths : [paths]).filter((p): p is string => typeof p === "string" && p !== "");
  if (list.length === 0) throw new UsageError("give the plan file to check, e.g. aksnet check aksnet.yaml");
  const files = await Promise.all(list.map((p) => readText(p, io)));
  try {
    return loadPlanFiles(files);
  } catch (e) {
    if (e instanceof PlanLoadError) throw new UsageError(e.message.replace(/\.$/, ""));
    throw e;
  }
}
