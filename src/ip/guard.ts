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

/*
 * Functions that take values built in code (a snapshot, a fleet model, a resolved plan): `guardArgs` runs the
 * function and, only when it throws, checks each argument against the shape it needs; the first that does not fit
 * is a RangeError sentence naming the function, the argument and what to give. An error from arguments that fit is
 * rethrown as it was (a bug, not a bad value). Nothing is checked on the way a function reads values it can use.
 */

/** What an argument must be: a kind, a list whose every item is `[what]`, or an object with these fields. */
export type Want =
  "object" | "list" | "text" | "number" | "function" | "any" | readonly [Want] | { readonly [field: string]: Want };

export interface Param {
  readonly name: string;
  readonly want: Want;
  /** What to give, for the message ("a cluster snapshot (readDumps or readLive)"). */
  readonly words: string;
  /** Whether undefined is allowed (an optional parameter). */
  readonly optional?: boolean;
}

function fits(v: unknown, want: Want): boolean {
  switch (want) {
    case "any":
      return true;
    case "object":
      return typeof v === "object" && v !== null;
    case "list":
      return Array.isArray(v);
    case "text":
      return typeof v === "string";
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "function":
      return typeof v === "function";
    default:
      if (Array.isArray(want)) return Array.isArray(v) && v.every((x) => fits(x, (want as readonly [Want])[0]));
      return (
        typeof v === "object" &&
        v !== null &&
        Object.entries(want).every(([k, w]) => fits((v as Record<string, unknown>)[k], w))
      );
  }
}

/** `fn` with its arguments checked when it throws (see above). */
export function guardArgs<F extends (...args: never[]) => unknown>(name: string, params: readonly Param[], fn: F): F {
  if (typeof fn !== "function" || !Array.isArray(params))
    throw new RangeError(`guardArgs takes a name, the parameters and a function, not ${describeValue(fn)}`);
  return function guarded(this: unknown, ...args: Parameters<F>) {
    try {
      return fn.apply(this, args);
    } catch (e) {
      params.forEach((p, i) => {
        const v: unknown = args[i];
        if ((p.optional && v === undefined) || fits(v, p.want)) return;
        throw new RangeError(`${name}'s ${p.name} must be ${p.words}, not ${describeValue(v)}`);
      });
      throw e;
    }
  } as F;
}
