/**
 * Finds and reads the project config: `--config FILE`, else the first of
 * CONFIG_FILE_NAMES in the working directory or a parent. Every problem is one
 * `UsageError` sentence naming the file, the field and the fix (exit 2). The parser (zod, js-yaml) is loaded
 * only when there is a file to parse: most runs have none.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { CONFIG_FILE_NAMES } from "./config-files.js";
import type { ProjectConfig } from "./config.js";
import { readFailure, readInputFile } from "../read-input.js";

export interface LoadedConfig {
  readonly config: ProjectConfig;
  /** The file as the user would name it (relative to the working directory when inside it). */
  readonly file: string;
  /** Its directory (absolute): `files` patterns and `baseline` are relative to it. */
  readonly dir: string;
}

/** The config file's path: the one given, or the nearest one up from `cwd`; undefined when there is none. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads the config for a run: `explicit` (--config), else the nearest one up from the working directory. */
export async function loadConfig(
  explicit: string | undefined,
  cwd: string,
  knownRules: ReadonlySet<string>,
): Promise<LoadedConfig | undefined> {
  const path = explicit !== undefined ? resolve(cwd, explicit) : findConfig(cwd);
  if (path === undefined) return undefined;
  const shown = explicit ?? (path.startsWith(resolve(cwd) + "/") ? path.slice(resolve(cwd).length + 1) : path);
  let text: string;
  try {
    text = await readInputFile(path);
  } catch (e) {
    throw new UsageError(
      `cannot read the config file ${shown}: ${readFailure(e)}; give the path of an aksnet.config.yaml`,
    );
  }
  const { parseConfig } = await import("./parse-config.js");
  return { config: parseConfig(text, shown, knownRules), file: shown, dir: dirname(path) };
}
