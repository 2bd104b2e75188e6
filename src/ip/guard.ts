/**
 * The IP core's answer to values its types exclude, passed from JavaScript (undefined, null, a number where text
 * belongs, a plain object where a Prefix belongs): a `ParseError` (text expected, errors.ts) or a `RangeError` (a
 * value expected, here) with one sentence naming what was given, never a TypeError from deep inside (issue #12).
 */
import { describeValue } from "./errors.js";
import { Prefix } from "./prefix.js";

/** Throws RangeError unless `p` is a Prefix. */
export function expectPrefix(p: unknown, where: string): asserts p is Prefix {
  if (!(p instanceof Prefix))
    throw new RangeError(
      `${typeof where === "string" ? where : "the value"} must be a Prefix (parsePrefix("10.0.0.0/16")), ` +
        `not ${describeValue(p)}`,
    );
}

/** Throws RangeError unless `v` can be iterated. */
export function expectIterable(v: unknown, where: string): void {
  if (typeof (v as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== "function")
    throw new RangeError(`${where} must be a list (an array or another iterable), not ${describeValue(v)}`);
}

/** Throws RangeError unless `n` is a whole number. */
export function expectWhole(n: unknown, where: string): asserts n is number {
  if (!Number.isInteger(n)) throw new RangeError(`${where} must be a whole number, not ${describeValue(n)}`);
}
