/**
 * The address text codec behind \`Addr\`: dotted quads and RFC 5952 IPv6 text, both
 * ways, on numbers and 16-bit groups with lookup tables and scratch arrays (no
 * object per address). Serves every IP benchmark figure (W1 parse + format most
 * directly: docs/performance.md); \`Addr.toString\`, \`parseAddr\` and the bulk
 * text readers and writers are its only callers.
 */

// Lookup tables: concatenating interned strings beats number-to-string conversions.
const OCTET = Array.from({ length: 256 }, (_, i) => String(i));
const OCTET_DOT = Array.from({ length: 256 }, (_, i) => `${i}.`);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX_PAD = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A 16-bit group in lower-case hex without leading zeros. */
function hexGroup(g: number): string {
  return g < 256 ? (HEX[g] as string) : (HEX[g >>> 8] as string) + (HEX_PAD[g & 255] as string);
}

/** Formats an unsigned 32-bit integer as a dotted quad. */
export function format4(n: number): string {
  return (
    (OCTET_DOT[n >>> 24] as string) +
    (OCTET_DOT[(n >>> 16) & 255] as string) +
    (OCTET_DOT[(n >>> 8) & 255] as string) +
    (OCTET[n & 255] as string)
  );
}

/** Scratch for `format6` and `parse6` (neither re-enters). */
const FORMAT6 = new Uint16Array(8);
const VIEW6 = new DataView(new ArrayBuffer(16));

/** Formats a 128-bit integer per RFC 5952, with IPv4-mapped addresses as `::ffff:a.b.c.d`. */
export function format6(n: bigint): string {
  // Split into groups through a DataView: two native 64-bit stores instead of bigint shifts and masks.
  VIEW6.setBigUint64(0, n >> 64n);
  VIEW6.setBigUint64(8, n); // stores n mod 2^64
  const groups = FORMAT6;
  for (let k = 0; k < 8; k++) groups[k] = VIEW6.getUint16(2 * k);
  return formatGroups6(groups);
}

/**
 * @internal Reports whether eight groups are an IPv4-mapped address (`::ffff:0:0/96`), which RFC 5952 §5 writes as
 * `::ffff:a.b.c.d`.
 */
export function isMapped6(groups: Uint16Array): boolean {
  return (
    groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff
  );
}

/**
 * @internal The run of zero groups that RFC 5952 compresses to `::` (§4.2.2, §4.2.3):
 * the longest of length 2 or more, the first on ties. Returns start × 16 + length
 * (read back as `run >> 4` and `run & 15`); with no such run, start is −1 (−15).
 */
export function longestZeroRun(groups: Uint16Array): number {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  return bestStart * 16 + bestLen;
}

/** Formats eight 16-bit groups (`groups[0..8)`) per RFC 5952. */
function formatGroups6(groups: Uint16Array): string {
  if (isMapped6(groups)) {
    return `::ffff:${format4((((groups[6] as number) << 16) | (groups[7] as number)) >>> 0)}`;
  }
  const run = longestZeroRun(groups);
  const bestStart = run >> 4;
  const bestLen = run & 15;
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += "::";
      i += bestLen - 1;
      continue;
    }
    if (out.length > 0 && !out.endsWith(":")) out += ":";
    out += hexGroup(groups[i] as number);
  }
  return out;
}

/**
 * Parses an IPv4 dotted quad into an unsigned integer, or returns a reason string.
 * Strict: exactly four decimal octets, no leading zeros, no signs or spaces.
 */
export function parse4(s: string, start = 0, end = s.length): number | string {
  let value = 0;
  let octets = 0;
  let i = start;
  while (true) {
    if (i >= end) return octets === 0 ? "it is empty" : "it has an empty part";
    const first = s.charCodeAt(i);
    if (first === 46) return "it has an empty part";
    let octet = 0;
    let digits = 0;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (c === 46) break;
      if (c < 48 || c > 57) return describeBadChar(s, i);
      octet = octet * 10 + (c - 48);
      digits++;
      i++;
      if (digits > 3) {
        const text = s.slice(i - digits, scanOctetEnd(s, i, end));
        return first === 48 ? `octet "${text}" has a leading zero` : `octet "${text}" is greater than 255`;
      }
    }
    if (digits > 1 && first === 48) return `octet "${s.slice(i - digits, i)}" has a leading zero`;
    if (octet > 255) return `octet ${octet} is greater than 255`;
    value = value * 256 + octet;
    octets++;
    if (i >= end) break;
    i++; // the dot
    if (octets === 4) return "it has more than four octets";
    if (i >= end) return "it has an empty part";
  }
  if (octets !== 4) return `it has ${octets} octet${octets === 1 ? "" : "s"} instead of four`;
  return value;
}

function scanOctetEnd(s: string, i: number, end: number): number {
  while (i < end && s.charCodeAt(i) !== 46) i++;
  return i;
}

function describeBadChar(s: string, i: number): string {
  const ch = s[i] ?? "";
  if (/\s/.test(ch)) return "it contains whitespace";
  if (ch === "%") return "zones (%) are not allowed";
  if (ch === "/") return "it is a prefix, not an address";
  return `unexpected character ${JSON.stringify(ch)} at position ${i + 1}`;
}

/** @internal The groups read by the last successful `parseGroups6` are `GROUPS6[0..8)`. */
export const GROUPS6 = new Uint16Array(10);

/**
 * Parses an IPv6 address into a 128-bit integer, or returns a reason string. Accepts upper case and an embedded IPv4
 * tail.
 */
export function parse6(s: string, start = 0, end = s.length): bigint | string {
  const problem = parseGroups6(s, start, end);
  if (problem !== undefined) return problem;
  const groups = GROUPS6;
  for (let k = 0; k < 8; k++) VIEW6.setUint16(2 * k, groups[k] as number);
  return (VIEW6.getBigUint64(0) << 64n) | VIEW6.getBigUint64(8);
}

/**
 * @internal Reads an IPv6 address into `GROUPS6[0..8)` (a scratch array: parsing never
 * re-enters, so a parse allocates nothing); returns the reason when it is not one.
 */
export function parseGroups6(s: string, start: number, end: number): string | undefined {
  if (start >= end) return "it is empty";
  const groups = GROUPS6;
  let count = 0;
  let ellipsis = -1;
  let i = start;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return "it starts with a single colon";
    ellipsis = 0;
    i += 2;
    if (i === end) {
      groups.fill(0, 0, 8);
      return undefined;
    }
  }
  while (i < end) {
    let group = 0;
    let digits = 0;
    const groupStart = i;
    while (i < end) {
      const c = s.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      else break;
      group = group * 16 + d;
      digits++;
      i++;
    }
    const c = i < end ? s.charCodeAt(i) : -1;
    if (c === 46) {
      // Embedded IPv4 in the last 32 bits.
      if (count > 6 || (ellipsis < 0 && count !== 6)) return "an embedded IPv4 address must be the last 32 bits";
      const v4 = parse4(s, groupStart, end);
      if (typeof v4 === "string") return `embedded IPv4 address: ${v4}`;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (digits === 0) {
      if (c === 58) return "it has an empty group (a single colon where two are needed, or more than one ::)";
      return c < 0 ? "it ends with a single colon" : describeBadChar(s, i);
    }
    if (digits > 4) return `group "${s.slice(groupStart, i)}" has more than four hex digits`;
    groups[count++] = group;
    if (count > 8) return "it has more than eight groups";
    if (i === end) break;
    if (c !== 58) return describeBadChar(s, i);
    i++;
    if (i < end && s.charCodeAt(i) === 58) {
      if (ellipsis >= 0) return "it has more than one ::";
      ellipsis = count;
      i++;
      if (i === end) break;
    } else if (i === end) return "it ends with a single colon";
  }
  return expandEllipsis(groups, count, ellipsis);
}

/** Moves the groups after :: (at `ellipsis`; -1 when none) to the end of the eight and zeroes the gap. */
function expandEllipsis(groups: Uint16Array, count: number, ellipsis: number): string | undefined {
  if (ellipsis < 0) return count === 8 ? undefined : `it has ${count} groups instead of eight`;
  if (count > 7) return "it has :: but already eight groups";
  const fill = 8 - count;
  for (let k = count - 1; k >= ellipsis; k--) groups[k + fill] = groups[k] as number;
  for (let k = ellipsis; k < ellipsis + fill; k++) groups[k] = 0;
  return undefined;
}
