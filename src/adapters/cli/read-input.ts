/**
 * Reading an input file, pipe or standard input with a bound: a device (/dev/zero), an endless pipe (<(yes)) or a
 * file of gigabytes is refused after at most `limit` bytes instead of filling the heap. A refusal is an
 * `InputError` whose `code` callers map like Node's (`message` is the phrase after "cannot read FILE: ").
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** The largest input file a command reads (a `terraform show -json` of a large estate is tens of MiB). */
export const MAX_INPUT_BYTES = 64 * 1048576;

/** An input refused by its size or kind; `message` is a phrase ("it is larger than 64 MiB"). */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    readonly code: "AKSNET_TOO_LARGE" | "AKSNET_NOT_A_FILE",
    message: string,
  ) {
    super(message);
  }
}

const mib = (bytes: number) => (bytes < 1048576 ? `${bytes} bytes` : `${Math.round((bytes / 1048576) * 10) / 10} MiB`);

/** Collects `chunks` until they end, refusing more than `limit` bytes. */
export async function readBoundedStream(chunks: AsyncIterable<unknown>, limit = MAX_INPUT_BYTES): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of chunks) {
    const b = typeof c === "string" ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > limit) throw new InputError("AKSNET_TOO_LARGE", `it is larger than ${mib(limit)}`);
    parts.push(b);
  }
  return Buffer.concat(parts).toString("utf8");
}

/**
 * The text of `path` (UTF-8), read through one file descriptor: a directory is Node's EISDIR, a device or socket is
 * refused at once, a regular file over `limit` before it is read, and a pipe once it has sent more than `limit`.
 * Read with node:fs's synchronous calls: node:fs/promises and a read stream would load ~15 of Node's own modules
 * (readline, streams) on every start of the commands that read a file, more than reading a plan costs.
 */
export function readInputFile(path: string, limit = MAX_INPUT_BYTES): Promise<string> {
  return new Promise((done) => done(readBounded(path, limit)));
}

const CHUNK = 65536;

let regularOnly = false;

/**
 * From now on, in this process, only regular files are read (readInputFile, and `cidr -f`/`--against`): a long-running
 * server (`aksnet mcp`) calls it, since opening a named pipe (FIFO) waits for a writer, so a FIFO given as an input
 * path would block the server (a synchronous open blocks its event loop) forever. A one-shot command keeps reading
 * pipes: `-f <(command)` is one.
 */
export function readRegularFilesOnly(): void {
  regularOnly = true;
}

/** Whether readRegularFilesOnly() was called. */
export function regularFilesOnly(): boolean {
  return regularOnly;
}

function readBounded(path: string, limit: number): string {
  // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer; fstat then refuses it.
  const fd = openSync(path, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : "r");
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: "EISDIR" });
    if (regularOnly && !st.isFile())
      throw new InputError("AKSNET_NOT_A_FILE", "it is not a regular file (a pipe, device or socket); give a file");
    if (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket())
      throw new InputError("AKSNET_NOT_A_FILE", "it is a device, not a file");
    if (st.isFile() && st.size > limit)
      throw new InputError("AKSNET_TOO_LARGE", `it is ${mib(st.size)}, larger than ${mib(limit)}`);
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) return Buffer.concat(parts, size).toString("utf8");
      size += n;
      if (size > limit) throw new InputError("AKSNET_TOO_LARGE", `it is larger than ${mib(limit)}`);
      parts.push(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** The phrase for a failed read: ours as it is, Node's common codes in words. */
export function readFailure(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT"
    ? "it does not exist"
    : code === "EISDIR"
      ? "it is a directory"
      : code === "EACCES"
        ? "permission denied"
        : "it cannot be read";
}
