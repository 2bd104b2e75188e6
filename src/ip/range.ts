/**
 * `AddrRange`: an inclusive range of addresses of one family, `from ≤ to`.
 * Any set of addresses is a union of disjoint ranges; any range is a union of
 * at most 2·(bits−1) aligned prefixes (`toPrefixes`).
 */
import { Addr, parseAddrIn } from "./addr.js";
import { ParseError, describeValue, notText, shownInput, type ParseResult } from "./errors.js";
import { Prefix, hostCount4 } from "./prefix.js";

export class AddrRange {
  private constructor(
    readonly from: Addr,
    readonly to: Addr,
  ) {}

  /** @internal Unchecked constructor; use `rangeFrom`. */
  static unchecked(from: Addr, to: Addr): AddrRange {
    return new AddrRange(from, to);
  }

  get family(): 4 | 6 {
    return this.from.family;
  }

  /** The number of addresses in the range. */
  size(): bigint {
    return this.to.toBigInt() - this.from.toBigInt() + 1n;
  }

  /** Reports whether the address, prefix or range lies entirely inside this range. */
  contains(x: Addr | Prefix | AddrRange): boolean {
    if (x instanceof Addr) return x.family === this.family && this.from.compare(x) <= 0 && x.compare(this.to) <= 0;
    const r = x instanceof Prefix ? rangeOfPrefix(x) : x;
    return r.family === this.family && this.from.compare(r.from) <= 0 && r.to.compare(this.to) <= 0;
  }

  /** Reports whether the two share at least one address. */
  overlaps(x: Prefix | AddrRange): boolean {
    const r = x instanceof Prefix ? rangeOfPrefix(x) : x;
    return r.family === this.family && this.from.compare(r.to) <= 0 && r.from.compare(this.to) <= 0;
  }

  /** The minimal list of aligned prefixes that covers exactly this range, in order. */
  toPrefixes(): Prefix[] {
    const out: Prefix[] = [];
    if (this.family === 4) {
      let start = this.from.v4;
      const end = this.to.v4;
      while (start <= end) {
        // Largest aligned block starting at `start` that does not pass `end`.
        let bits = start === 0 ? 0 : 32 - ctz32(start);
        while (start + hostCount4(bits) - 1 > end) bits++;
        out.push(Prefix.unchecked(Addr.of4(start), bits));
        start += hostCount4(bits);
      }
      return out;
    }
    let start = this.from.v6;
    const end = this.to.v6;
    while (start <= end) {
      let bits = start === 0n ? 0 : 128 - ctz128(start);
      while (start + (1n << BigInt(128 - bits)) - 1n > end) bits++;
      out.push(Prefix.unchecked(Addr.of6(start), bits));
      start += 1n << BigInt(128 - bits);
    }
    return out;
  }

  /** The single prefix equal to this range, or undefined when the range is not one aligned block. */
  toPrefix(): Prefix | undefined {
    const p = this.toPrefixes();
    return p.length === 1 ? p[0] : undefined;
  }

  /** Reports whether both ranges have the same ends. */
  equals(other: AddrRange): boolean {
    return this.from.equals(other.from) && this.to.equals(other.to);
  }

  /** Compares by start, then end. */
  compare(other: AddrRange): number {
    return this.from.compare(other.from) || this.to.compare(other.to);
  }

  /** `from-to`, e.g. `10.0.0.5-10.0.0.9`. */
  toString(): string {
    return `${this.from.toString()}-${this.to.toString()}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Number of trailing zero bits of a non-zero unsigned 32-bit integer. */
function ctz32(n: number): number {
  let c = 0;
  while (c < 32 && n % 2 === 0) {
    n /= 2;
    c++;
  }
  return c;
}

function ctz128(n: bigint): number {
  let c = 0;
  while (c < 128 && (n & 1n) === 0n) {
    n >>= 1n;
    c++;
  }
  return c;
}

/** The range from `from` to `to`. Throws RangeError on mixed families or `from > to`. */
export function rangeFrom(from: Addr, to: Addr): AddrRange {
  if (!(from instanceof Addr) || !(to instanceof Addr))
    throw new RangeError(`rangeFrom takes two Addr values, not ${describeValue(from instanceof Addr ? to : from)}`);
  if (from.family !== to.family) throw new RangeError(`range ${from}-${to} mixes IPv4 and IPv6`);
  if (from.compare(to) > 0) throw new RangeError(`range ${from}-${to} ends before it starts`);
  return AddrRange.unchecked(from, to);
}

/** The range of addresses of a prefix's network. */
export function rangeOfPrefix(p: Prefix): AddrRange {
  if (!(p instanceof Prefix)) throw new RangeError(`rangeOfPrefix takes a Prefix, not ${describeValue(p)}`);
  return AddrRange.unchecked(p.first(), p.last());
}

/** Parses `from-to` (`10.0.0.5-10.0.0.9`). Throws `ParseError`. */
export function parseRange(s: string): AddrRange {
  const r = tryParseRange(s);
  if (!r.ok) throw r.error;
  return r.value;
}

/** Like `parseRange`, but returns a result instead of throwing. */
export function tryParseRange(s: string): ParseResult<AddrRange> {
  if (typeof s !== "string") return { ok: false, error: new ParseError(shownInput(s), "range", notText(s)) };
  const dash = s.indexOf("-");
  const fail = (reason: string): ParseResult<AddrRange> => ({ ok: false, error: new ParseError(s, "range", reason) });
  if (dash < 0) return fail("it has no '-' between the first and last address");
  const a = parseAddrIn(s, 0, dash);
  if (typeof a === "string") return fail(`first address: ${a}`);
  const b = parseAddrIn(s, dash + 1, s.length);
  if (typeof b === "string") return fail(`last address: ${b}`);
  if (a.family !== b.family) return fail("it mixes IPv4 and IPv6");
  if (a.compare(b) > 0) return fail("the last address is before the first");
  return { ok: true, value: AddrRange.unchecked(a, b) };
}
