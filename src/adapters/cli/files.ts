/**
 * Files the CLI writes. A file is written whole or not at all: the text goes to
 * a temporary file beside the target, which is renamed over it; when anything
 * fails the temporary file is removed, so no `*.tmp` is left behind and the
 * target keeps its old content.
 */
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

/** Why a write failed, in words (from the error code). */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "its directory does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the file system is read-only";
    default:
      return code ?? "it cannot be written";
  }
}

/**
 * Writes `text` to `file` (relative to `cwd`) through a temporary file. A failure
 * is a `UsageError` naming the file, the reason and `fix` (e.g. "give a writable path for --emit-plan").
 */
export async function writeTextFile(cwd: string, file: string, text: string, fix: string): Promise<void> {
  const path = resolve(cwd, file);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: "utf8", flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new UsageError(`cannot write ${file}: ${reason(e)}; ${fix}`);
  }
}
