/**
 * `aksnet scan --from FILE…`: saved `az graph query` (the scan's own queries,
 * `--show-queries`), `az aks list/show`, `az network vnet list/show` and
 * `az network vnet list-usage` JSON, in any order and mix, read into the same
 * estate snapshot as the live read. Runs on any Node.js (no SDK).
 */
import { open, stat } from "node:fs/promises";
import { EstateBuilder, type BuiltEstate } from "./estate.js";
import { isObj, kindOf } from "./records.js";

/** A file that cannot be read as estate JSON: one sentence naming the file and what to give instead. */
export class EstateFileError extends Error {
  override readonly name = "EstateFileError";
}

/** The largest file read (bytes). */
export const MAX_FILE_BYTES = 512 * 1048576;

const GIVE =
  "give the -o json output of az graph query (aksnet scan --show-queries), az aks list, " +
  "az network vnet list or az network vnet list-usage";

function rowsOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isObj(v) && Array.isArray(v["data"])) return v["data"] as unknown[];
  if (isObj(v) && Array.isArray(v["value"])) return v["value"] as unknown[];
  return [v];
}

/** Parses one file's text and adds its rows; throws `EstateFileError` naming the file. */
export function addFileText(builder: EstateBuilder, text: string, name: string): number {
  if (text.slice(0, 64).includes("\u0000"))
    throw new EstateFileError(`${name} looks like UTF-16 text; save it as UTF-8.`);
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new EstateFileError(`${name} is empty; ${GIVE}.`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new EstateFileError(`${name} is not JSON (${(e as Error).message.replace(/\.$/, "")}); ${GIVE}.`);
  }
  const rows = rowsOf(value);
  rows.forEach((row, i) => {
    if (!builder.add(row, kindOf(row)))
      throw new EstateFileError(
        `${name}: item ${i + 1} is not a managed cluster, a VNet, a subnet row or a usage entry; ${GIVE}.`,
      );
  });
  return rows.length;
}

/**
 * The bytes of `path`, refused past `limit` while they are read: a pipe (`--from <(az …)`, a FIFO) has no size to
 * check first, and an endless one (`<(yes)`) filled the heap.
 */
async function readBounded(path: string, shown: string, limit: number): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(1048576), 0, 1048576, null);
      if (bytesRead === 0) return Buffer.concat(parts, size);
      size += bytesRead;
      if (size > limit)
        throw new EstateFileError(
          `${shown} is larger than ${limit / 1048576} MiB; split the query (--first/--skip-token).`,
        );
      parts.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
}

/** @internal The text of one --from file (`limit`: the most bytes read). */
export async function readText(path: string, shown: string, limit = MAX_FILE_BYTES): Promise<string> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new EstateFileError(`${shown} is a directory; give the JSON files in it.`);
    if (!s.isFile() && !s.isFIFO())
      throw new EstateFileError(`${shown} is a device, not a file; give the JSON files of the estate to --from.`);
    if (s.size > limit)
      throw new EstateFileError(
        `${shown} is larger than ${limit / 1048576} MiB; split the query (--first/--skip-token).`,
      );
    const buf = await readBounded(path, shown, limit);
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
      throw new EstateFileError(`${shown} is UTF-16 text; save it as UTF-8.`);
    return buf.toString("utf8");
  } catch (e) {
    if (e instanceof EstateFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new EstateFileError(
      `cannot read ${shown}: ${
        code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message
      }; check the path given to --from.`,
    );
  }
}

/** Reads the files (paths resolved by the caller, `shown` as the user wrote them) into an estate. */
export async function readEstateFiles(files: readonly { path: string; shown: string }[]): Promise<BuiltEstate> {
  const builder = new EstateBuilder();
  for (const f of files) addFileText(builder, await readText(f.path, f.shown), f.shown);
  if (builder.counts.cluster === 0)
    throw new EstateFileError(
      `no managed cluster in ${files.map((f) => f.shown).join(", ")}; ` +
        "add az aks list -o json (or the clusters query of --show-queries).",
    );
  return builder.build();
}
