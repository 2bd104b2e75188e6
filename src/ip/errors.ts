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
