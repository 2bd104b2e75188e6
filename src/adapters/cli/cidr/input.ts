/**
 * CIDR lists for `aksnet cidr`: from arguments, from a file (`-` = standard
 * input) or from standard input when neither is given. One CIDR or address per
 * line; `#` starts a comment (whole line or trailing); blank lines are skipped;
 * whitespace around a line's CIDR is trimmed, whitespace inside it is an error.
 * The first bad line stops the read with a `UsageError` naming the file, the
 * line and the IP core's reason, before anything is written to standard output.
 */
import { formatCount } from "../../../kb/index.js";
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { ParseError, parsePrefixOrAddr, type Prefix } from "../../../ip/index.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { LineTooLongError, readLineBatches } from "../lines.js";
import { readFailure, readInputFile, regularFilesOnly } from "../read-input.js";

/** Longer lines are not CIDR lists (the longest CIDR with a comment fits many times over). */
const MAX_LINE = 4096;

/** The most bytes one list file or pipe is read for (as scan --from): an endless pipe of comments ends. */
export const MAX_LIST_BYTES = 512 * 1048576;

/** The most CIDRs one list holds: each takes ~170 bytes of memory, so 10,000,000 is ~1.7 GB. */
export const MAX_LIST_ENTRIES = 10_000_000;

const IN_PARTS = "or merge the list in parts (aksnet cidr merge)";

/** Prefixes in input order, each with where it came from (kept in flat arrays: a million entries are common). */
export class PrefixList {
  readonly prefixes: Prefix[] = [];
  private readonly sourceIds: number[] = [];
  private readonly lineNumbers: number[] = [];
  private readonly sourceNames: string[] = [];
  /** How many entries had host bits set (they are used as their network). */
  hostBitCount = 0;
  /** The first entry with host bits set, as an index into `prefixes`. */
  firstHostBits = -1;

  /** @internal */
  addSource(name: string): number {
    this.sourceNames.push(name);
    return this.sourceNames.length - 1;
  }

  /** @internal */
  add(prefix: Prefix, source: number, line: number): void {
    if (!prefix.isMasked()) {
      if (this.hostBitCount === 0) this.firstHostBits = this.prefixes.length;
      this.hostBitCount++;
    }
    this.prefixes.push(prefix);
    this.sourceIds.push(source);
    this.lineNumbers.push(line);
  }

  get length(): number {
    return this.prefixes.length;
  }

  /** The source file (or `argument`, `standard input`) of entry `i`. */
  source(i: number): string {
    return this.sourceNames[this.sourceIds[i] ?? 0] ?? "";
  }

  /** The line (or argument position) of entry `i`, 1-based. */
  line(i: number): number {
    return this.lineNumbers[i] ?? 0;
  }

  /** Where entry `i` came from, for messages: `nets.txt line 3`, `argument 2`. */
  where(i: number): string {
    return describe(this.source(i), this.line(i));
  }

  /** A note about host bits, or undefined when every entry was a network address. */
  hostBitsNote(): string | undefined {
    const i = this.firstHostBits;
    const p = this.prefixes[i];
    if (this.hostBitCount === 0 || p === undefined) return undefined;
    if (this.hostBitCount === 1)
      return (
        `note: ${p.toString()} (${this.where(i)}) has host bits set; it was read as its network ` +
        `${p.masked().toString()}.`
      );
    return (
      `note: ${formatCount(this.hostBitCount)} CIDRs have host bits set and were read as their networks, ` +
      `the first ${p.toString()} (${this.where(i)}) as ${p.masked().toString()}.`
    );
  }
}

const ARGUMENTS = "arguments";
const OPTION_PREFIX = "--";
const STDIN = "standard input";

function describe(source: string, line: number): string {
  if (source === ARGUMENTS) return `argument ${line}`;
  if (source.startsWith(OPTION_PREFIX)) return `${source} value ${line}`;
  return `${source} line ${line}`;
}

/** Where a list comes from: positional arguments and/or a file (`-` = standard input). */
export interface ListSpec {
  readonly args: readonly string[];
  readonly file?: string | undefined;
  /** Read standard input when neither arguments nor a file are given (default true). */
  readonly stdinFallback?: boolean;
  /** Names the list in the "nothing given" error, e.g. "CIDRs" or "CIDRs to remove". */
  readonly what?: string;
  /** How the list is passed besides a file, for that error (default "as arguments"). */
  readonly argsHint?: string;
  /** The option the `args` came from (`--remove`), when they are not positional arguments. */
  readonly argsOption?: string;
  /** When nothing is given and standard input is a terminal, the list is empty instead of an error. */
  readonly emptyFromTerminal?: boolean;
  /** @internal The most bytes read from the file or standard input (default MAX_LIST_BYTES). */
  readonly maxBytes?: number;
  /** @internal The most CIDRs the list holds (default MAX_LIST_ENTRIES). */
  readonly maxEntries?: number;
}

/**
 * Reads every entry of the list, validating all of it. Throws `UsageError` for the
 * first bad line, an unreadable file, or when nothing was given and standard input
 * is a terminal.
 */
export async function readPrefixList(spec: ListSpec, io: Io, into = new PrefixList()): Promise<PrefixList> {
  const what = spec.what ?? "CIDRs";
  if (spec.args.length > 0) {
    const name = spec.argsOption ?? ARGUMENTS;
    const id = into.addSource(name);
    spec.args.forEach((a, i) => {
      addLine(into, id, a, i + 1, name, io.cwd);
    });
  }
  if (spec.file !== undefined) {
    await readStreamInto(into, spec.file === "-" ? STDIN : spec.file, await openInput(spec.file, io), spec);
  } else if (spec.args.length === 0 && (spec.stdinFallback ?? true)) {
    const stdin = io.stdin();
    if ((stdin as Readable & { isTTY?: boolean }).isTTY) {
      if (spec.emptyFromTerminal) return into;
      throw new UsageError(
        `no ${what} given: pass them ${spec.argsHint ?? "as arguments"}, with -f FILE, or pipe them on standard input.`,
      );
    }
    await readStreamInto(into, STDIN, stdin, spec);
  }
  return into;
}

/** Opens a file for reading (`-` = standard input); a missing or unreadable file is a `UsageError`. */
export async function openInput(file: string, io: Io): Promise<Readable> {
  if (file === "-") return io.stdin();
  const path = resolve(io.cwd, file);
  if (regularFilesOnly()) {
    // A long-running server (aksnet mcp): a regular file only, read with a bound; a FIFO would block it.
    try {
      return Readable.from([await readInputFile(path)]);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${readFailure(e)}; check the path.`);
    }
  }
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new UsageError(`${file} is a directory; give a file with one CIDR per line.`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read ${file}: ` +
        `${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}; check the path.`,
    );
  }
  return createReadStream(path);
}

/** The chunks of `stream`, refused with a sentence once past `limit` bytes. */
async function* bounded(stream: Readable, name: string, limit: number): AsyncGenerator<Buffer | string> {
  let size = 0;
  for await (const c of stream as AsyncIterable<Buffer | string>) {
    size += c.length;
    if (size > limit) {
      const much = limit >= 1048576 ? `${limit / 1048576} MiB` : `${formatCount(limit)} bytes`;
      throw new UsageError(`${name} is larger than ${much}; give at most that much, ${IN_PARTS}.`);
    }
    yield c;
  }
}

type Bounds = Pick<ListSpec, "maxBytes" | "maxEntries">;

async function readStreamInto(into: PrefixList, name: string, stream: Readable, bounds: Bounds): Promise<void> {
  const id = into.addSource(name);
  const most = bounds.maxEntries ?? MAX_LIST_ENTRIES;
  try {
    for await (const b of readLineBatches(bounded(stream, name, bounds.maxBytes ?? MAX_LIST_BYTES), MAX_LINE)) {
      for (let i = 0; i < b.texts.length; i++) addLine(into, id, b.texts[i] as string, b.firstNumber + i, name);
      if (into.length > most)
        throw new UsageError(`${name} has more than ${formatCount(most)} CIDRs; give at most that many, ${IN_PARTS}.`);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof LineTooLongError) {
      throw new UsageError(
        `${describe(name, e.lineNumber)} is longer than ${formatCount(e.maxLineLength)} characters; give a text file ` +
          `with one CIDR per line.`,
      );
    }
    throw new UsageError(`cannot read ${name}: ${(e as Error).message}; check the path and permissions.`);
  }
}

/** Parses one input line into the list; comments and blank lines are skipped. */
function addLine(into: PrefixList, source: number, line: string, number: number, name: string, argsCwd?: string): void {
  const text = cidrText(line);
  if (text === "") return;
  let p: Prefix;
  try {
    p = parsePrefixOrAddr(text);
  } catch (e) {
    if (e instanceof ParseError) {
      // A file name where CIDRs were expected is an easy slip (`--used used.txt`): say how to read a file.
      const isFile = argsCwd !== undefined && existsSync(resolve(argsCwd, text));
      throw new UsageError(
        `${describe(name, number)}: ${e.message}; ` +
          `${isFile ? `to read CIDRs from the file ${text}, use -f ${text}` : "fix or remove it"}.`,
      );
    }
    throw e;
  }
  into.add(p, source, number);
}

/** The CIDR part of a line: before any `#`, without surrounding whitespace; "" for a blank or comment line. */
export function cidrText(line: string): string {
  const hash = line.indexOf("#");
  return (hash >= 0 ? line.slice(0, hash) : line).trim();
}
