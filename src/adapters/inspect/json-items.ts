/**
 * A streaming reader for Kubernetes `List` JSON (`kubectl get … -o json`, or
 * one page of a list call): it scans bytes as they arrive and hands out each
 * element of the top-level `items` array as soon as it is complete, holding at
 * most one item in memory. A stream may hold several top-level values one
 * after another (several `kubectl get` outputs concatenated); a top-level
 * array is read as a list of items. The top-level `kind`, `apiVersion` and
 * `metadata` (where the `continue` token is) are kept as `fields`.
 *
 * Only the structure outside items is checked (brackets, strings); each item
 * and each kept field is parsed by `JSON.parse`, which checks it fully.
 */

/** A problem with the bytes of a list; `offset` is the byte position where it was noticed. */
export class DumpSyntaxError extends Error {
  override readonly name = "DumpSyntaxError";
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (at byte ${offset})`);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const ITEMS = "items";
/** The top-level fields kept (small by nature; a response's size cap bounds a hostile one). */
const KEPT = new Set(["kind", "apiVersion", "metadata"]);
/** Key bytes collected: enough for every kept name; longer keys are never kept. */
const KEY_BYTES = 16;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** What the capture in progress is: an item, or a kept top-level field (string, other scalar, or container). */
type Capture = { readonly kind: "item" } | { readonly kind: "field"; readonly name: string; readonly scalar: boolean };

/**
 * The scanner. `write` takes the next chunk and returns the items completed in
 * it; `end` checks that the stream ended between values and held a list.
 */
export class ListScanner {
  /** Top-level `kind`, `apiVersion`, `metadata` of the last top-level object that had them. */
  readonly fields: Record<string, unknown> = {};
  /** Open containers: true for an object, false for an array. */
  private readonly stack: boolean[] = [];
  private inString = false;
  private escape = false;
  /** At depth 1 inside an object: the next string is a key. */
  private expectKey = false;
  private key = "";
  private keyBytes: number[] | undefined;
  private pendingKey: string | undefined;
  /** Depth of the items array when inside one (its elements sit at this depth). */
  private itemsDepth = -1;
  private sawList = false;
  private parts: Uint8Array[] = [];
  private captureStart = -1;
  private capture: Capture | undefined;
  private offset = 0;

  /** Bytes read so far. */
  get bytes(): number {
    return this.offset;
  }

  write(chunk: Uint8Array): unknown[] {
    const out: unknown[] = [];
    const stack = this.stack;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString) {
        i = this.stringByte(chunk, i);
        continue;
      }
      const b = chunk[i] as number;
      if (isSpace(b)) continue;
      const depth = stack.length;
      // A scalar field (number, true, false, null) ends at the next comma or closing brace of the object.
      if (this.capture?.kind === "field" && this.capture.scalar && depth === 1 && (b === COMMA || b === RBRACE))
        this.finish(chunk, i);
      // An element of an items array starts here.
      if (depth === this.itemsDepth && this.captureStart < 0 && b !== COMMA && b !== RBRACKET) {
        if (b !== LBRACE) throw new DumpSyntaxError("an element of the list's items is not an object", this.offset + i);
        this.start({ kind: "item" }, i);
      }
      // A kept top-level field's value starts here.
      if (depth === 1 && stack[0] === true && this.pendingKey !== undefined && this.captureStart < 0) {
        const name = this.pendingKey;
        if (KEPT.has(name)) this.start({ kind: "field", name, scalar: b !== LBRACE && b !== LBRACKET }, i);
      }
      if (b === QUOTE) {
        this.inString = true;
        if (depth === 1 && stack[0] === true && this.expectKey) {
          this.keyBytes = [];
          this.expectKey = false;
        }
        this.pendingKey = undefined;
        continue;
      }
      if (b === LBRACE || b === LBRACKET) {
        this.open(b, depth);
        continue;
      }
      if (b === RBRACE || b === RBRACKET) {
        this.close(b, chunk, i, out);
        continue;
      }
      if (depth === 1 && stack[0] === true) {
        if (b === COMMA) this.expectKey = true;
        else if (b === COLON) this.pendingKey = this.key;
        else this.pendingKey = undefined;
      }
      if (depth === 0)
        throw new DumpSyntaxError(`unexpected '${String.fromCharCode(b)}' outside any JSON object`, this.offset + i);
    }
    if (this.captureStart >= 0) {
      // Copy: the stream may reuse its buffer.
      this.parts.push(chunk.slice(this.captureStart));
      this.captureStart = 0;
    }
    this.offset += chunk.length;
    return out;
  }

  /** One byte inside a string (a fast jump to its end outside keys); returns the index of the last byte consumed. */
  private stringByte(chunk: Uint8Array, i: number): number {
    if (this.escape) {
      this.escape = false;
      return i;
    }
    if (!this.keyBytes) {
      // Fast path: jump to the next quote (native search), then look for an escape before it.
      const q = chunk.indexOf(QUOTE, i);
      const end = q < 0 ? chunk.length : q;
      for (let j = i; j < end; j++) {
        if (chunk[j] === BACKSLASH) {
          this.escape = true;
          return j;
        }
      }
      if (q >= 0) {
        this.inString = false;
        // A kept string field ends with its closing quote.
        if (this.capture?.kind === "field" && this.capture.scalar && this.stack.length === 1)
          this.finish(chunk, end + 1);
      }
      return end;
    }
    const b = chunk[i] as number;
    if (b === BACKSLASH) this.escape = true;
    else if (b === QUOTE) {
      this.inString = false;
      this.key = this.keyBytes.length > KEY_BYTES ? "" : String.fromCharCode(...this.keyBytes);
      this.keyBytes = undefined;
    } else if (this.keyBytes.length <= KEY_BYTES) this.keyBytes.push(b);
    return i;
  }

  /** An object or array opens: the list's items array is noted. */
  private open(b: number, depth: number): void {
    if (depth === 0 && b === LBRACKET) {
      this.itemsDepth = 1;
      this.sawList = true;
    } else if (depth === 1 && this.pendingKey === ITEMS && b === LBRACKET) {
      this.itemsDepth = 2;
      this.sawList = true;
    }
    this.pendingKey = undefined;
    this.stack.push(b === LBRACE);
    if (this.stack.length === 1 && b === LBRACE) this.expectKey = true;
  }

  /** An object or array closes: a captured item or field that ends here goes to `out`. */
  private close(b: number, chunk: Uint8Array, i: number, out: unknown[]): void {
    const stack = this.stack;
    const open = stack.pop();
    if (open === undefined || open !== (b === RBRACE))
      throw new DumpSyntaxError(`unexpected '${String.fromCharCode(b)}'`, this.offset + i);
    if (this.captureStart >= 0 && this.capture && !(this.capture.kind === "field" && this.capture.scalar)) {
      const home = this.capture.kind === "item" ? this.itemsDepth : 1;
      if (stack.length === home) {
        const value = this.finish(chunk, i + 1);
        if (value !== NONE) out.push(value);
      }
    } else if (stack.length === this.itemsDepth - 1) this.itemsDepth = -1;
  }

  /** Checks the end of the stream. */
  end(): void {
    if (this.stack.length > 0 || this.inString)
      throw new DumpSyntaxError("the JSON ends in the middle of a value (is the file truncated?)", this.offset);
    if (!this.sawList)
      throw new DumpSyntaxError(
        'no Kubernetes List found (expected the output of "kubectl get … -o json", an object with "items")',
        this.offset,
      );
  }

  private start(capture: Capture, at: number): void {
    this.capture = capture;
    this.captureStart = at;
  }

  /** Ends the capture at `end` (exclusive) in `chunk`: an item is returned, a field is kept. */
  private finish(chunk: Uint8Array, end: number): unknown {
    const capture = this.capture;
    this.parts.push(chunk.subarray(this.captureStart, end));
    const bytes = this.parts.length === 1 ? (this.parts[0] as Uint8Array) : concat(this.parts);
    this.parts = [];
    this.captureStart = -1;
    this.capture = undefined;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    } catch (e) {
      const what = capture?.kind === "field" ? `the list's ${capture.name}` : "an item of the list";
      throw new DumpSyntaxError(`${what} is not valid JSON: ${(e as Error).message}`, this.offset + end);
    }
    if (capture?.kind === "field") {
      this.fields[capture.name] = value;
      return NONE;
    }
    return value;
  }
}

const NONE = Symbol("none");

/**
 * Yields the items of every `List` (or top-level array) in the byte stream.
 * Throws `DumpSyntaxError` for broken structure, a non-object item or a
 * stream without any list.
 */
export async function* listItems(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<unknown> {
  const scanner = new ListScanner();
  const encoder = new TextEncoder();
  for await (const raw of chunks) {
    const items = scanner.write(typeof raw === "string" ? encoder.encode(raw) : raw);
    for (const item of items) yield item;
  }
  scanner.end();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
