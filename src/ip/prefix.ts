/**
 * `Prefix`: an address and a prefix length (CIDR notation), an immutable value.
 *
 * Parsing keeps host bits as written (`10.0.0.5/16` stays `10.0.0.5/16`);
 * `masked()` gives the network, `isMasked()` tells whether they differ, and the
 * caller decides whether host bits are an error. Every range operation
 * (`first`, `last`, `contains`, `overlaps`, `subnets`) works on the masked network.
 */
import { Addr, parseAddrIn, type Family } from "./addr.js";
import { ParseError, describeValue, notText, shownInput, type ParseResult } from "./errors.js";
import { SCAN4, scanCidr4 } from "./internal/scan4.js";
import { keepShape } from "./internal/shapes.js";

/** Passed by the factories: `new X(…)` without it is a value from JavaScript, refused. */
const MADE: unique symbol = Symbol("made by a factory");

const SLASH_BITS = Array.from({ length: 129 }, (_, i) => `/${i}`);

/** The IPv4 netmask of a prefix length as an unsigned integer. */
export function mask4(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

const MASK6 = Array.from({ length: 129 }, (_, bits) =>
  bits === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - bits)) - 1n),
);

/** The IPv6 netmask of a prefix length. */
export function mask6(bits: number): bigint {
  return MASK6[bits] as bigint;
}

export class Prefix {
  private constructor(
    /** The address as written (host bits kept). */
    readonly addr: Addr,
    /** The prefix length: 0..32 for IPv4, 0..128 for IPv6. */
    readonly bits: number,
    made?: typeof MADE,
  ) {
    // `new Prefix(…)` from JavaScript (the constructor is private to TypeScript) would hold any value unchecked.
    if (made !== MADE)
      throw new RangeError(
        `a Prefix is made with prefixFrom(addr, bits) or parsePrefix(text), not new Prefix(${describeValue(addr)}, ` +
          `${describeValue(bits)})`,
      );
  }

  /** @internal Unchecked constructor; use `prefixFrom`. */
  static unchecked(addr: Addr, bits: number): Prefix {
    return new Prefix(addr, bits, MADE);
  }

  get family(): Family {
    return this.addr.family;
  }

  /** The prefix with host bits cleared. Returns `this` when already masked. */
  masked(): Prefix {
    const a = this.addr;
    if (a.family === 4) {
      const m = (a.v4 & mask4(this.bits)) >>> 0;
      return m === a.v4 ? this : new Prefix(Addr.of4(m), this.bits, MADE);
    }
    const m = a.v6 & mask6(this.bits);
    return m === a.v6 ? this : new Prefix(Addr.of6(m), this.bits, MADE);
  }

  /** Reports whether the address has no host bits set, so the prefix is exactly its network. */
  isMasked(): boolean {
    return this.masked() === this;
  }

  /** The first address of the network. */
  first(): Addr {
    return this.masked().addr;
  }

  /** The last address of the network (the broadcast address for IPv4). */
  last(): Addr {
    const a = this.addr;
    if (a.family === 4) return Addr.of4(((a.v4 & mask4(this.bits)) >>> 0) + hostCount4(this.bits) - 1);
    return Addr.of6((a.v6 & mask6(this.bits)) | ((1n << BigInt(128 - this.bits)) - 1n));
  }

  /** The netmask as an address of the prefix's family (`255.255.255.0` for a /24). */
  netmask(): Addr {
    return this.addr.family === 4 ? Addr.of4(mask4(this.bits)) : Addr.of6(mask6(this.bits));
  }

  /** The number of addresses in the network, as a bigint (2^(32−bits) or 2^(128−bits)). */
  size(): bigint {
    return 1n << BigInt(this.addr.bitLength - this.bits);
  }

  /**
   * Reports whether the address, prefix or range lies entirely inside this network. Different families never contain
   * each other.
   */
  contains(x: Addr | Prefix | { readonly from: Addr; readonly to: Addr }): boolean {
    if (x instanceof Addr) return this.containsAddr(x);
    if (x instanceof Prefix) return x.family === this.family && x.bits >= this.bits && this.containsAddr(x.addr);
    return this.containsAddr(x.from) && this.containsAddr(x.to);
  }

  /** Reports whether the address lies inside this network. */
  containsAddr(a: Addr): boolean {
    if (a.family !== this.addr.family) return false;
    if (a.family === 4) {
      const m = mask4(this.bits);
      return (a.v4 & m) >>> 0 === (this.addr.v4 & m) >>> 0;
    }
    const m = mask6(this.bits);
    return (a.v6 & m) === (this.addr.v6 & m);
  }

  /** Reports whether the two networks share at least one address (one contains the other). */
  overlaps(other: Prefix): boolean {
    if (other.family !== this.family) return false;
    const bits = Math.min(this.bits, other.bits);
    if (this.family === 4) {
      const m = mask4(bits);
      return (this.addr.v4 & m) >>> 0 === (other.addr.v4 & m) >>> 0;
    }
    const m = mask6(bits);
    return (this.addr.v6 & m) === (other.addr.v6 & m);
  }

  /**
   * The subnets of length `newBits` that partition this network, in order.
   * Lazy, since a /8 has 16,777,216 /32s. Throws RangeError when `newBits` is
   * shorter than this prefix or longer than the family allows.
   */
  *subnets(newBits: number): Generator<Prefix> {
    const max = this.addr.bitLength;
    if (!Number.isInteger(newBits) || newBits < this.bits || newBits > max) {
      throw new RangeError(
        `cannot split /${this.bits} into /${newBits}: the new length must be between ${this.bits} and ${max}`,
      );
    }
    const first = this.first();
    if (first.family === 4) {
      const step = hostCount4(newBits);
      const count = hostCount4(this.bits) / step;
      for (let i = 0; i < count; i++) yield new Prefix(Addr.of4(first.v4 + i * step), newBits, MADE);
      return;
    }
    const step = 1n << BigInt(128 - newBits);
    const count = 1n << BigInt(newBits - this.bits);
    for (let i = 0n; i < count; i++) yield new Prefix(Addr.of6(first.v6 + i * step), newBits, MADE);
  }

  /** The number of subnets of length `newBits` (2^(newBits − bits)). */
  subnetCount(newBits: number): bigint {
    return 1n << BigInt(newBits - this.bits);
  }

  /**
   * The enclosing network of length `newBits` (default: one bit shorter). Throws RangeError if `newBits` is not in
   * 0..bits.
   */
  supernet(newBits: number = this.bits - 1): Prefix {
    if (!Number.isInteger(newBits) || newBits < 0 || newBits > this.bits) {
      throw new RangeError(
        `/${this.bits} has no supernet of length /${newBits}: it must be between 0 and ${this.bits}`,
      );
    }
    return new Prefix(this.addr, newBits, MADE).masked();
  }

  /** Compares by family, then first address, then prefix length (shorter first), then the written address. */
  compare(other: Prefix): number {
    const a = this.first();
    const b = other.first();
    return a.compare(b) || this.bits - other.bits || this.addr.compare(other.addr);
  }

  /** Reports whether both prefixes are written identically (same address, same length). */
  equals(other: Prefix): boolean {
    return this.bits === other.bits && this.addr.equals(other.addr);
  }

  /** CIDR notation with the address as written: `10.0.0.0/16`, `fd12:3456:789a::/64`. */
  toString(): string {
    return this.addr.toString() + (SLASH_BITS[this.bits] as string);
  }

  toJSON(): string {
    return this.toString();
  }
}

keepShape(Prefix.unchecked(Addr.of4(0), 0));

/** 2^(32 − bits) as a number (exact for every IPv4 prefix length). */
export function hostCount4(bits: number): number {
  return HOST4[bits] as number;
}
const HOST4 = Float64Array.from({ length: 33 }, (_, bits) => 2 ** (32 - bits));

/** The prefix of the given address and length. Throws RangeError when the length is out of range for the family. */
export function prefixFrom(addr: Addr, bits: number): Prefix {
  if (!(addr instanceof Addr)) throw new RangeError(`prefixFrom takes an Addr, not ${describeValue(addr)}`);
  if (!Number.isInteger(bits) || bits < 0 || bits > addr.bitLength) {
    throw new RangeError(`prefix length ${bits} is out of range for IPv${addr.family}`);
  }
  return Prefix.unchecked(addr, bits);
}

/** Parses CIDR notation (`10.224.0.0/12`, `fd12::/64`). Host bits are kept. Throws `ParseError`. */
export function parsePrefix(s: string): Prefix {
  if (typeof s !== "string") throw new ParseError(shownInput(s), "prefix", notText(s));
  const r = parsePrefixIn(s, false);
  if (typeof r === "string") throw new ParseError(s, "prefix", r);
  return r;
}

/** Like `parsePrefix`, but returns a result instead of throwing. */
export function tryParsePrefix(s: string): ParseResult<Prefix> {
  if (typeof s !== "string") return { ok: false, error: new ParseError(shownInput(s), "prefix", notText(s)) };
  const r = parsePrefixIn(s, false);
  return typeof r === "string" ? { ok: false, error: new ParseError(s, "prefix", r) } : { ok: true, value: r };
}

/** Parses CIDR notation, or a bare address as a /32 or /128 (for list inputs such as `aksnet cidr merge`). */
export function parsePrefixOrAddr(s: string): Prefix {
  if (typeof s !== "string") throw new ParseError(shownInput(s), "prefix", notText(s));
  const r = parsePrefixIn(s, true);
  if (typeof r === "string") throw new ParseError(s, "prefix", r);
  return r;
}

function parsePrefixIn(s: string, allowBare: boolean): Prefix | string {
  const v = scanCidr4(s, allowBare);
  if (v >= 0) return Prefix.unchecked(Addr.of4(v), SCAN4.bits);
  return parsePrefixGeneral(s, allowBare);
}

/** @internal The general parser behind the IPv4 fast path: every family, every error reason. */
export function parsePrefixGeneral(s: string, allowBare: boolean): Prefix | string {
  const slash = s.indexOf("/");
  if (slash < 0) {
    if (!allowBare) {
      const a = parseAddrIn(s, 0, s.length);
      return typeof a === "string"
        ? a
        : `it has no prefix length (write ${a.toString()}/${a.bitLength} for a single address)`;
    }
    const a = parseAddrIn(s, 0, s.length);
    return typeof a === "string" ? a : Prefix.unchecked(a, a.bitLength);
  }
  if (slash === 0) return "the address before / is empty";
  const a = parseAddrIn(s, 0, slash);
  if (typeof a === "string") return a;
  const n = s.length - slash - 1;
  if (n === 0) return "the prefix length after / is empty";
  let bits = 0;
  for (let i = slash + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return /\s/.test(s[i] ?? "")
        ? "it contains whitespace"
        : `prefix length "${s.slice(slash + 1)}" is not a decimal number`;
    }
    bits = bits * 10 + (c - 48);
    if (bits > 1000) break;
  }
  if (n > 1 && s.charCodeAt(slash + 1) === 48) return `prefix length "${s.slice(slash + 1)}" has a leading zero`;
  if (bits > a.bitLength)
    return `prefix length ${s.slice(slash + 1)} is out of range for IPv${a.family} (0 to ${a.bitLength})`;
  return Prefix.unchecked(a, bits);
}

/** Compares two prefixes for sorting (see `Prefix.compare`). */
export function comparePrefix(a: Prefix, b: Prefix): number {
  if (!(a instanceof Prefix) || !(b instanceof Prefix))
    throw new RangeError(`comparePrefix takes two Prefix values, not ${describeValue(a instanceof Prefix ? b : a)}`);
  return a.compare(b);
}
