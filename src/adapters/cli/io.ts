/**
 * The process boundary of the CLI: everything a command may read or write.
 * Commands receive an `Io` so tests can run them without spawning a process.
 */
import { fstatSync, writeSync } from "node:fs";
import { Readable } from "node:stream";
import type * as Tty from "node:tty";

export interface Io {
  /** Writes text to standard output. Returns a promise that settles when the chunk is flushed (back-pressure). */
  out(text: string): void | Promise<void>;
  /** Writes text to standard error. */
  err(text: string): void;
  /** Standard input as a stream (only read by commands that take `-` or no file). */
  stdin(): Readable;
  /** Whether standard output is a terminal (decides colour). */
  readonly isTTY: boolean;
  /** Environment variables (NO_COLOR, KUBECONFIG, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory for relative paths. */
  readonly cwd: string;
  /** The Node.js version running the CLI (`process.versions.node`), for commands that need a newer one. */
  readonly nodeVersion?: string;
}

/** Reports whether colour may be used: a terminal, and NO_COLOR unset or empty (https://no-color.org). */
export function colorEnabled(io: Io): boolean {
  const noColor = io.env["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  if (io.env["FORCE_COLOR"] && io.env["FORCE_COLOR"] !== "0") return true;
  return io.isTTY;
}

/**
 * The real process streams. Output is written with `writeSync` on the file descriptor, which is what Node's
 * `process.stdout` does on Linux for files, pipes and terminals, without creating it: creating it loads Node's
 * stream and socket modules, ~8 ms of every start (bench/startup.bench.mjs). A descriptor that would block
 * (`EAGAIN`, non-blocking pipes) goes on through `process.stdout`/`process.stderr`, which waits for it to drain.
 * A reader that goes away (`aksnet … | head`) ends the process quietly.
 */
export function processIo(): Io {
  const out = descriptorWriter(1, () => process.stdout);
  const err = descriptorWriter(2, () => process.stderr);
  return {
    out,
    err(text) {
      void err(text);
    },
    stdin: () => process.stdin,
    get isTTY() {
      return isTerminal(1);
    },
    env: process.env,
    cwd: process.cwd(),
    nodeVersion: process.versions.node,
  };
}

/**
 * Whether descriptor `fd` is a terminal, read only when asked (NO_COLOR set: never). Node's `tty` module loads
 * its `net` and stream modules (callgrind, Node 22: `aksnet compare` into a pipe 134 M → 149 M instructions,
 * ~5 ms): a descriptor that is not a character device (a file, a pipe) is no terminal, told by one `fstat`;
 * only a character device (a terminal, /dev/null) is asked of `tty`.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    // A closed or odd descriptor: as before, tty says.
  }
  const tty = process.getBuiltinModule?.("node:tty") as typeof Tty | undefined;
  return tty ? tty.isatty(fd) : Boolean(process.stdout.isTTY);
}

function descriptorWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void | Promise<void> {
  let streamed = false;
  const viaStream = (chunk: string | Uint8Array): void | Promise<void> => {
    const s = stream();
    if (!streamed) {
      streamed = true;
      s.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
    if (s.write(chunk)) return;
    return new Promise((resolve) => s.once("drain", () => resolve()));
  };
  return (text) => {
    if (streamed) return viaStream(text);
    const bytes = Buffer.from(text, "utf8");
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") return viaStream(bytes.subarray(done));
      if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    }
  };
}

/** An in-memory Io for tests: collects output, serves the given stdin text. */
export function memoryIo(
  options: { stdin?: string; env?: Record<string, string>; isTTY?: boolean; cwd?: string; nodeVersion?: string } = {},
): Io & {
  readonly stdout: string;
  readonly stderr: string;
} {
  let stdout = "";
  let stderr = "";
  return {
    out(text) {
      stdout += text;
    },
    err(text) {
      stderr += text;
    },
    stdin: () => Readable.from([Buffer.from(options.stdin ?? "", "utf8")]),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    nodeVersion: options.nodeVersion ?? process.versions.node,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}
