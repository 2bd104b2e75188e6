/**
 * The process boundary of the CLI: everything a command may read or write.
 * Commands receive an `Io` so tests can run them without spawning a process.
 */
import { Readable } from "node:stream";

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

/** The real process streams. A reader that goes away (`aksnet … | head`) ends the process quietly. */
export function processIo(): Io {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    out(text) {
      if (process.stdout.write(text)) return;
      return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
    },
    err(text) {
      process.stderr.write(text);
    },
    stdin: () => process.stdin,
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    nodeVersion: process.versions.node,
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
