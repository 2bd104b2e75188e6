/**
 * `Addr`: one IPv4 or IPv6 address, an immutable value with a family tag.
 *
 * IPv4 addresses are held as an unsigned 32-bit integer in a `number`, IPv6 as a
 * `bigint` below 2^128: IPv4 math stays in fast small-integer arithmetic, IPv6
 * math in exact bigint arithmetic. Addresses of different families are never
 * equal and never contain each other; in the total order every IPv4 address
 * sorts before every IPv6 address. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`)
 * is an IPv6 address; `unmap()` converts it.
 */
import { ParseError, describeValue, notText, shownInput, type ParseResult } from "./errors.js";
import { format4, format6, parse4, parse6 } from "./internal/codec.js";
import { keepShape } from "./internal/shapes.js";

/** Passed by the factories: `new X(…)` without it is a value from JavaScript, refused. */
const MADE: unique symbol = Symbol("made by a factory");

export type Family = 4 | 6;

const MAX6 = (1n << 128n) - 1n;

export class Addr {
  private constructor(
    /** 4 or 6. */
    readonly family: Family,
    /** IPv4: the address as an unsigned 32-bit integer; 0 for IPv6. */
    readonly v4: number,
    /** IPv6: the address as an unsigned 128-bit integer; 0n for IPv4. */
    readonly v6: bigint,
    made?: typeof MADE,
  ) {
    // `new Addr(…)` from JavaScript (the constructor is private to TypeScript) would hold any value unchecked.
    if (made !== MADE)
      throw new RangeError(
        `an Addr is made with parseAddr(text), addrFrom4(bytes) or addrFromBigInt(n, family), not new Addr(` +
          `${describeValue(family)}, …)`,
      );
  }

  /** @internal Use `addrFrom4` / `addrFromBigInt`. */
  static of4(n: number): Addr {
    return new Addr(4, n, 0n, MADE);
  }
  /** @internal Use `addrFrom16` / `addrFromBigInt`. */
  static of6(n: bigint): Addr {
    return new Addr(6, 0, n, MADE);
  }

  /** The number of bits in an address of this family: 32 or 128. */
  get bitLength(): 32 | 128 {
    return this.family === 4 ? 32 : 128;
  }

  /** Reports whether this is an IPv4 address. */
  is4(): boolean {
    return this.family === 4;
  }

  /** Reports whether this is an IPv6 address. */
  is6(): boolean {
    return this.family === 6;
  }

  /** Reports whether this is an IPv4-mapped IPv6 address (`::ffff:0:0/96`). */
  is4In6(): boolean {
    return this.family === 6 && this.v6 >> 32n === 0xffffn;
  }

  /** The IPv4 address inside an IPv4-mapped IPv6 address; any other address is returned unchanged. */
  unmap(): Addr {
    return this.is4In6() ? Addr.of4(Number(this.v6 & 0xffffffffn)) : this;
  }

  /** The address as an unsigned integer. */
  toBigInt(): bigint {
    return this.family === 4 ? BigInt(this.v4) : this.v6;
  }

  /** Compares by family (IPv4 first), then numerically: negative, zero or positive. */
  compare(other: Addr): number {
    if (this.family !== other.family) return this.family - other.family;
    if (this.family === 4) return this.v4 - other.v4;
    return this.v6 < other.v6 ? -1 : this.v6 > other.v6 ? 1 : 0;
  }

  /** Reports whether both addresses are the same family and value. */
  equals(other: Addr): boolean {
    return this.family === other.family && this.v4 === other.v4 && this.v6 === other.v6;
  }

  /** The next address, or undefined after the last address of the family. */
  next(): Addr | undefined {
    if (this.family === 4) return this.v4 === 0xffffffff ? undefined : Addr.of4(this.v4 + 1);
    return this.v6 === MAX6 ? undefined : Addr.of6(this.v6 + 1n);
  }

  /** The previous address, or undefined before the first address of the family. */
  prev(): Addr | undefined {
    if (this.family === 4) return this.v4 === 0 ? undefined : Addr.of4(this.v4 - 1);
    return this.v6 === 0n ? undefined : Addr.of6(this.v6 - 1n);
  }

  /** The address `n` places after this one (negative: before), or undefined outside the family. */
  add(n: bigint | number): Addr | undefined {
    if (this.family === 4) {
      const v = this.v4 + Number(n);
      return v < 0 || v > 0xffffffff ? undefined : Addr.of4(v);
    }
    const v = this.v6 + BigInt(n);
    return v < 0n || v > MAX6 ? undefined : Addr.of6(v);
  }

  /**
   * Dotted quad for IPv4; RFC 5952 for IPv6 (lower case, longest zero run compressed, IPv4-mapped in mixed notation).
   */
  toString(): string {
    return this.family === 4 ? format4(this.v4) : format6(this.v6);
  }

  toJSON(): string {
    return this.toString();
  }
}

// Both families share this shape. Not a v4 above 2^31 - 1: that would make the v4 field a
// boxed double, and every IPv6 address would then allocate a box for its v4 of 0.
keepShape(Addr.of6(1n));

/** The IPv4 address of an unsigned 32-bit integer. Throws RangeError outside 0..2^32-1. */
export function addrFrom4(n: number): Addr {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new RangeError(`IPv4 address value ${describeValue(n)} is out of range`);
  return Addr.of4(n);
}

/** The address of an unsigned integer in the given family. Throws RangeError when out of range. */
export function addrFromBigInt(n: bigint, family: Family): Addr {
  if (typeof n !== "bigint" || (family !== 4 && family !== 6))
    throw new RangeError(
      `addrFromBigInt takes a bigint and the family 4 or 6, not ${describeValue(n)}, ${describeValue(family)}`,
    );
  if (n < 0n || n > (family === 4 ? 0xffffffffn : MAX6))
    throw new RangeError(`IPv${family} address value ${n} is out of range`);
  return family === 4 ? Addr.of4(Number(n)) : Addr.of6(n);
}

/** Compares two addresses for sorting (IPv4 before IPv6, then numerically). */
export function compareAddr(a: Addr, b: Addr): number {
  if (!(a instanceof Addr) || !(b instanceof Addr))
    throw new RangeError(`compareAddr takes two Addr values, not ${describeValue(a instanceof Addr ? b : a)}`);
  return a.compare(b);
}

/** Parses an IPv4 or IPv6 address. Throws `ParseError` quoting the input and the problem. */
export function parseAddr(s: string): Addr {
  if (typeof s !== "string") throw new ParseError(shownInput(s), "address", notText(s));
  const r = parseAddrIn(s, 0, s.length);
  if (typeof r === "string") throw new ParseError(s, "address", r);
  return r;
}

/** Like `parseAddr`, but returns a result instead of throwing. */
export function tryParseAddr(s: string): ParseResult<Addr> {
  if (typeof s !== "string") return { ok: false, error: new ParseError(shownInput(s), "address", notText(s)) };
  const r = parseAddrIn(s, 0, s.length);
  return typeof r === "string" ? { ok: false, error: new ParseError(s, "address", r) } : { ok: true, value: r };
}

/** @internal Parses s[start, end) as an address; returns the reason on failure. */
export function parseAddrIn(s: string, start: number, end: number): Addr | string {
  if (start >= end) return "it is empty";
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (s.indexOf("%", start) >= 0 && s.indexOf("%", start) < end) return "zones (%) are not allowed";
      const r = parse6(s, start, end);
      return typeof r === "string" ? r : Addr.of6(r);
    }
    if (c === 46) break;
  }
  const r = parse4(s, start, end);
  return typeof r === "string" ? r : Addr.of4(r);
}
