/**
 * A streaming reader for Kubernetes `List` JSON (`kubectl get … -o json`): it
 * scans bytes as they arrive and yields each element of the top-level `items`
 * array as soon as it is complete, holding at most one item in memory. A file
 * may hold several top-level values one after another (several `kubectl get`
 * outputs concatenated); a top-level array is read as a list of items.
 *
 * Only the structure outside items is checked (brackets, strings); each item
 * is parsed by `JSON.parse`, which checks it fully.
 */

/** A problem with the bytes of a dump; `offset` is the byte position where it was noticed. */
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

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Yields the items of every `List` (or top-level array) in the byte stream.
 * Throws `DumpSyntaxError` for broken structure, a non-object item or a
 * stream without any list.
 */
export async function* listItems(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<unknown> {
  /** Open containers: true for an object, false for an array. */
  const stack: boolean[] = [];
  let inString = false;
  let escape = false;
  /** At depth 1 inside an object: the next string is a key. */
  let expectKey = false;
  let key = "";
  let keyBytes: number[] | undefined;
  let pendingKey: string | undefined;
  /** Depth of the items array when inside one (its elements sit at this depth). */
  let itemsDepth = -1;
  let sawList = false;
  /** Parts of the item being captured, and where it started in the current chunk. */
  let parts: Uint8Array[] = [];
  let captureStart = -1;
  let offset = 0;

  const finishItem = (chunk: Uint8Array, end: number): unknown => {
    parts.push(chunk.subarray(captureStart, end));
    const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts);
    parts = [];
    captureStart = -1;
    try {
      return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    } catch (e) {
      throw new DumpSyntaxError(`an item of the list is not valid JSON: ${(e as Error).message}`, offset + end);
    }
  };

  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    const items: unknown[] = [];
    for (let i = 0; i < chunk.length; i++) {
      if (inString) {
        if (escape) {
          escape = false;
          continue;
        }
        if (!keyBytes) {
          // Fast path: jump to the next quote (native search), then look for an escape before it.
          const q = chunk.indexOf(QUOTE, i);
          const end = q < 0 ? chunk.length : q;
          let bs = -1;
          for (let j = i; j < end; j++) {
            if (chunk[j] === BACKSLASH) {
              bs = j;
              break;
            }
          }
          if (bs >= 0) {
            i = bs;
            escape = true;
            continue;
          }
          i = end;
          if (q >= 0) inString = false;
          continue;
        }
        const b = chunk[i] as number;
        if (b === BACKSLASH) escape = true;
        else if (b === QUOTE) {
          inString = false;
          key = String.fromCharCode(...keyBytes);
          keyBytes = undefined;
        } else if (keyBytes.length <= ITEMS.length) keyBytes.push(b);
        continue;
      }
      const b = chunk[i] as number;
      if (isSpace(b)) continue;
      const depth = stack.length;
      // An element of an items array starts here.
      if (depth === itemsDepth && captureStart < 0 && b !== COMMA && b !== RBRACKET) {
        if (b !== LBRACE) throw new DumpSyntaxError("an element of the list's items is not an object", offset + i);
        captureStart = i;
      }
      if (b === QUOTE) {
        inString = true;
        if (depth === 1 && stack[0] === true && expectKey) {
          keyBytes = [];
          expectKey = false;
        }
        continue;
      }
      if (b === LBRACE || b === LBRACKET) {
        if (depth === 0 && b === LBRACKET) {
          itemsDepth = 1;
          sawList = true;
        } else if (depth === 1 && pendingKey === ITEMS && b === LBRACKET) {
          itemsDepth = 2;
          sawList = true;
        }
        pendingKey = undefined;
        stack.push(b === LBRACE);
        if (stack.length === 1 && b === LBRACE) expectKey = true;
        continue;
      }
      if (b === RBRACE || b === RBRACKET) {
        const open = stack.pop();
        if (open === undefined || open !== (b === RBRACE))
          throw new DumpSyntaxError(`unexpected '${String.fromCharCode(b)}'`, offset + i);
        if (stack.length === itemsDepth && captureStart >= 0) items.push(finishItem(chunk, i + 1));
        else if (stack.length === itemsDepth - 1) itemsDepth = -1;
        continue;
      }
      if (depth === 1 && stack[0] === true) {
        if (b === COMMA) expectKey = true;
        else if (b === COLON) pendingKey = key;
        else pendingKey = undefined;
      }
      if (depth === 0)
        throw new DumpSyntaxError(`unexpected '${String.fromCharCode(b)}' outside any JSON object`, offset + i);
    }
    if (captureStart >= 0) {
      // Copy: the stream may reuse its buffer.
      parts.push(chunk.slice(captureStart));
      captureStart = 0;
    }
    offset += chunk.length;
    for (const item of items) yield item;
  }
  if (stack.length > 0 || inString)
    throw new DumpSyntaxError("the JSON ends in the middle of a value (is the file truncated?)", offset);
  if (!sawList)
    throw new DumpSyntaxError(
      'no Kubernetes List found (expected the output of "kubectl get … -o json", an object with "items")',
      offset,
    );
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
