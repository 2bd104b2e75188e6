/**
 * Bulk helpers for lists of CIDR strings: text in, text out, with no objects per
 * IPv4 item (the parsed values go straight into typed arrays). For the CLI and
 * benchmarks, where a million lines is a normal input. Every entry is one CIDR or
 * bare address, exactly as `parsePrefixOrAddr` reads it: no comments, no trimming.
 */
import { Addr } from "./addr.js";
import { GROUPS6, parseGroups6 } from "./internal/codec.js";
import { SCAN4, scanCidr4, scanLength } from "./internal/scan4.js";
import { AsciiLines } from "./internal/ascii.js";
import { ListParseError, ParseError, describeValue } from "./errors.js";
import { expectIterable, expectPrefix } from "./guard.js";
import { mask4, parsePrefixOrAddr, type Prefix } from "./prefix.js";
import { AddrSet, pushBounds, pushItem, touchesItem } from "./set.js";
import { pairsOf, type OverlapPairs } from "./overlap.js";
import { BlockBuf4, POW2, RunBuf4, bitsOfSize4, blockAt4, touches4, type Runs4 } from "./internal/runs4.js";
import { eachPrefix6, normalize6 } from "./internal/runs6.js";

/**
 * Reads one IPv4 CIDR or address into the buffer without objects; false when it is anything else (the slow path then
 * explains).
 */
function fastCidr4(s: string, buf: BlockBuf4): boolean {
  const a = scanCidr4(s, true);
  if (a < 0) return false;
  const bits = SCAN4.bits;
  buf.pushBlock((a & mask4(bits)) >>> 0, 32 - bits);
  return true;
}

/**
 * The set of addresses of CIDR strings (bare addresses allowed). Throws `ListParseError` naming the first bad entry's
 * position.
 */
export function addrSetOfText(lines: Iterable<string>): AddrSet {
  expectIterable(lines, "addrSetOfText's lines");
  const b4 = new BlockBuf4(Array.isArray(lines) ? lines.length : 4096);
  const lo6: bigint[] = [];
  const hi6: bigint[] = [];
  let index = 0;
  for (const s of lines) {
    if (!fastCidr4(s, b4)) {
      pushItem(parseEntry(s, index), b4, lo6, hi6);
    }
    index++;
  }
  return AddrSet.fromRuns(b4.normalize(), normalize6(lo6, hi6));
}

function parseEntry(s: string, index: number): Prefix {
  try {
    return parsePrefixOrAddr(s);
  } catch (e) {
    throw e instanceof ParseError ? new ListParseError(index, e) : e;
  }
}

/**
 * Each CIDR (or bare address) as its network in CIDR notation (`10.1.2.3/24` → `10.1.2.0/24`), in input order; objects
 * only for IPv6 the fast path declines.
 */
export function maskCidrText(lines: readonly string[]): string[] {
  expectIterable(lines, "maskCidrText's lines");
  const out = new Array<string>(lines.length);
  // Outputs that are not an input string as it is are written into `w`, and `at` says where they go.
  const w = new AsciiLines();
  const at: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i] as string;
    const a = scanCidr4(s, true);
    if (a >= 0) {
      const bits = SCAN4.bits;
      const net = (a & mask4(bits)) >>> 0;
      // The strict scanner accepts only canonical text, so a CIDR without host bits is its own output.
      // (A bare address has no slash: it gains "/32".)
      if (net === a && (bits < 32 || s.charCodeAt(s.length - 3) === 47)) out[i] = s;
      else {
        w.line();
        w.quad(net);
        w.byte(47);
        w.decimal(bits);
        at.push(i);
      }
    } else if (maskCidr6Text(s, w)) at.push(i);
    else out[i] = parseEntry(s, i).masked().toString();
  }
  const written = w.lines();
  for (let k = 0; k < at.length; k++) out[at[k] as number] = written[k] as string;
  return out;
}

/**
 * Writes an IPv6 CIDR (or bare address) as its network in RFC 5952 CIDR notation
 * as a new line of `w`, through 16-bit groups (no bigint, no objects); returns false,
 * writing nothing, when it is not one (the general parser then reads it or explains
 * the problem). It accepts exactly what that parser accepts as IPv6: the same group
 * reader, the same prefix-length rules.
 */
function maskCidr6Text(s: string, w: AsciiLines): boolean {
  const slash = s.indexOf("/");
  const bits = slash < 0 ? 128 : scanLength(s, slash + 1, 128);
  if (bits < 0) return false;
  const end = slash < 0 ? s.length : slash;
  if (end === 0 || parseGroups6(s, 0, end) !== undefined) return false;
  const g = GROUPS6;
  for (let k = 0; k < 8; k++) {
    const keep = bits - 16 * k;
    if (keep <= 0) g[k] = 0;
    else if (keep < 16) g[k] = (g[k] as number) & (0xffff << (16 - keep));
  }
  w.line();
  w.groups6(g);
  w.byte(47);
  w.decimal(bits);
  return true;
}

/**
 * For each query CIDR, whether it shares an address with any of the item CIDRs. A `ListParseError` index counts within
 * its own list (items are read first).
 */
export function overlapsAnyText(queries: readonly string[], items: Iterable<string>): boolean[] {
  expectIterable(items, "overlapsAnyText's items");
  expectIterable(queries, "overlapsAnyText's queries");
  const set = addrSetOfText(items);
  const out = new Array<boolean>(queries.length);
  for (let i = 0; i < queries.length; i++) {
    const s = queries[i] as string;
    const a = scanCidr4(s, true);
    if (a >= 0) {
      const bits = SCAN4.bits;
      const lo = (a & mask4(bits)) >>> 0;
      out[i] = touches4(set.runs4, lo, lo + (POW2[32 - bits] as number));
    } else out[i] = touchesItem(set.runs4, set.runs6, parseEntry(s, i));
  }
  return out;
}

/**
 * Every pair of positions (i < j) whose CIDRs share an address, sorted by i then j, as
 * two parallel arrays (no array per pair): the pairs of `findOverlappingPairs`.
 */
export function overlappingPairsText(lines: Iterable<string>): OverlapPairs {
  expectIterable(lines, "overlappingPairsText's lines");
  // `collect` with the scanner inlined: a direct loop, buffers sized once for an array.
  const b4 = new RunBuf4(Array.isArray(lines) ? lines.length : 16);
  const i4: number[] = [];
  const lo6: bigint[] = [];
  const hi6: bigint[] = [];
  const i6: number[] = [];
  let k = 0;
  for (const s of lines) {
    const a = scanCidr4(s, true);
    if (a >= 0) {
      const bits = SCAN4.bits;
      const lo = (a & mask4(bits)) >>> 0;
      b4.push(lo, lo + (POW2[32 - bits] as number));
      i4.push(k);
    } else if (pushBounds(parseEntry(s, k), b4, lo6, hi6) === 4) i4.push(k);
    else i6.push(k);
    k++;
  }
  return pairsOf({ b4, i4, lo6, hi6, i6, count: k });
}

/** The minimal prefixes of an IPv4 run list as CIDR strings. */
function prefixText4(r: Runs4): string[] {
  const w = new AsciiLines();
  for (let i = 0; i < r.n; i++) {
    let s = r.lo[i] as number;
    const e = r.hi[i] as number;
    while (s < e) {
      const size = blockAt4(s, e);
      w.line();
      w.quad(s);
      w.byte(47);
      w.decimal(bitsOfSize4(size));
      s += size;
    }
  }
  return w.lines();
}

/** The minimal prefixes of a set as CIDR strings, IPv4 first, in address order. */
export function prefixText(set: AddrSet): string[] {
  if (!(set instanceof AddrSet)) throw new RangeError(`prefixText takes an AddrSet, not ${describeValue(set)}`);
  const out = prefixText4(set.runs4);
  eachPrefix6(set.runs6, (s, bits) => out.push(`${Addr.of6(s).toString()}/${bits}`));
  return out;
}

/** Collapses CIDR strings into the minimal sorted list covering the same addresses (text in, text out). */
export function mergeCidrText(lines: Iterable<string>): string[] {
  return prefixText(addrSetOfText(lines));
}

/** The addresses of `from` not in `remove`, as minimal CIDR strings. */
export function excludeCidrText(from: Iterable<string>, remove: Iterable<string>): string[] {
  return prefixText(addrSetOfText(from).exclude(addrSetOfText(remove)));
}

/** The free space of `parent` once `used` is taken out, as minimal CIDR strings. */
export function freeSpaceText(parent: Prefix, used: Iterable<string>): string[] {
  expectPrefix(parent, "freeSpaceText's parent");
  return prefixText(addrSetOfText(used).complementIn(parent));
}
