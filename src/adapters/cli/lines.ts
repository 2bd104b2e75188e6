/**
 * Streaming line input and chunked output for commands that handle long lists
 * (a million CIDRs): lines are read chunk by chunk from a stream, never as one
 * giant string, and output is buffered into chunks whose writes honour the
 * back-pressure promise of `Io.out`.
 */
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import type { Io } from "./io.js";

/** One line of input: its text without the terminator (`\n` or `\r\n`) and its 1-based number. */
export interface Line {
  readonly text: string;
  readonly number: number;
}

/** The lines of one chunk of input: their texts, and the number of the first. */
export interface LineBatch {
  readonly texts: readonly string[];
  readonly firstNumber: number;
}

/** Thrown by `readLineBatches` when a line grows past `maxLineLength` (a binary file, a file without newlines). */
export class LineTooLongError extends Error {
  override readonly name = "LineTooLongError";
  constructor(
    readonly lineNumber: number,
    readonly maxLineLength: number,
  ) {
    super(`line ${lineNumber} is longer than ${maxLineLength} characters`);
  }
}

/**
 * Yields the lines of a UTF-8 stream in order, a batch per chunk read (one
 * await per chunk, not per line). A final line without a terminator is included;
 * an empty stream yields nothing. `\r\n` and `\n` both end a line. Memory use is
 * bounded by the chunk size and the longest line, which may be capped with
 * `maxLineLength` (then `LineTooLongError`).
 */
export async function* readLineBatches(
  stream: Readable | AsyncIterable<Buffer | string>,
  maxLineLength = Infinity,
): AsyncGenerator<LineBatch> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let number = 1;
  const batch = (texts: string[]) => {
    const b = { texts, firstNumber: number };
    number += texts.length;
    return b;
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    const texts: string[] = [];
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      texts.push(text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (texts.some((t) => t.length > maxLineLength))
      throw new LineTooLongError(number + texts.findIndex((t) => t.length > maxLineLength), maxLineLength);
    if (rest.length > maxLineLength) throw new LineTooLongError(number + texts.length, maxLineLength);
    if (texts.length) yield batch(texts);
  }
  rest += decoder.end();
  if (rest.length > maxLineLength) throw new LineTooLongError(number, maxLineLength);
  if (rest !== "") yield batch([rest.endsWith("\r") ? rest.slice(0, -1) : rest]);
}

/** Yields every line of a UTF-8 stream in order, numbered from 1 (see `readLineBatches`). */
export async function* readLines(stream: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<Line> {
  for await (const b of readLineBatches(stream)) {
    for (let i = 0; i < b.texts.length; i++) yield { text: b.texts[i] as string, number: b.firstNumber + i };
  }
}

/** The lines of an in-memory text, numbered like `readLines`. */
export function* splitLines(text: string): Generator<Line> {
  let number = 0;
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield { text: text.slice(start, end), number: ++number };
    start = nl + 1;
  }
  if (start < text.length)
    yield { text: text.endsWith("\r") ? text.slice(start, -1) : text.slice(start), number: ++number };
}

/** Output buffered into chunks of about `chunkSize` characters; each full chunk waits for `io.out`. */
export class ChunkedWriter {
  private buffer: string[] = [];
  private length = 0;

  constructor(
    private readonly io: Pick<Io, "out">,
    private readonly chunkSize = 1 << 16,
  ) {}

  /** Appends text; resolves once any chunk it completed has been accepted by the output. */
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.length += text.length;
    if (this.length >= this.chunkSize) await this.flush();
  }

  /** Writes whatever is buffered. */
  async flush(): Promise<void> {
    if (this.length === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.length = 0;
    await this.io.out(chunk);
  }
}
