/**
 * A piece of text the IP core could not read. `input` is the text as given,
 * `reason` is short, lower case and specific ("octet 256 is greater than 255"),
 * and `message` quotes both, so it can be shown to a user as it is.
 */
export class ParseError extends Error {
  override readonly name = "ParseError";
  constructor(
    readonly input: string,
    readonly kind: "address" | "prefix" | "range",
    readonly reason: string,
  ) {
    super(
      `${JSON.stringify(input)} is not a valid ` +
        `${kind === "address" ? "IP address" : kind === "prefix" ? "CIDR prefix" : "address range"}: ${reason}`,
    );
  }
}

/** The result of a `tryParseX` function: the value, or the error that `parseX` would throw. */
export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };

/** A `ParseError` in a list of inputs; `index` is the item's 0-based position in the list as given. */
export class ListParseError extends ParseError {
  constructor(
    readonly index: number,
    error: ParseError,
  ) {
    super(error.input, error.kind, error.reason);
  }
}

/** A value as a sentence names it: `undefined`, `null`, `the number NaN`, `an array`, `an object`. */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null) return String(v);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return `the ${typeof v} ${String(v)}`;
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (Array.isArray(v)) return "an array";
  return typeof v === "function" ? "a function" : typeof v === "symbol" ? "a symbol" : "an object";
}

/** The input a `ParseError` quotes for a value that is not text. */
export const shownInput = (v: unknown): string =>
  typeof v === "object" && v !== null ? describeValue(v) : typeof v === "symbol" ? "symbol" : String(v);

/** The reason a `ParseError` gives for a value that is not text. */
export const notText = (v: unknown): string => `it is ${describeValue(v)}, not text`;

/** The error for a list item that is neither an address, a prefix nor a range. */
export const notAnItem = (x: unknown): RangeError =>
  new RangeError(`${describeValue(x)} is not an address, a prefix or a range (read text with parsePrefix first)`);
