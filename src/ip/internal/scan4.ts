/**
 * The IPv4 CIDR scanner of the bulk text readers: one pass, no allocation, the
 * length left in the \`SCAN4\` scratch object. Anything it does not read (IPv6,
 * errors) falls back to the general parser, which explains the problem. Serves
 * the input side of every IPv4 benchmark figure (W1 v4 to W5, docs/performance.md).
 */

/** @internal The prefix length read by the last successful `scanCidr4`. */
export const SCAN4 = { bits: 0 };

/**
 * @internal Reads a strict IPv4 CIDR (or, with `allowBare`, a bare IPv4 address) in
 * one pass without allocating: returns the address and leaves the length in
 * `SCAN4.bits`, or returns −1 for anything else, valid or not (the general parser
 * then reads it or explains the problem).
 */
export function scanCidr4(s: string, allowBare: boolean): number {
  // Unrolled per octet (one to three digits, no leading zero): about 20 % faster than a
  // character loop with a state machine, because an octet's end is known from its digits.
  if (typeof s !== "string") return -1; // the slow path says what it is (a value from JavaScript)
  const n = s.length;
  let i = 0;
  let v = 0;
  for (let k = 0; k < 4; k++) {
    if (k > 0) {
      if (i >= n || s.charCodeAt(i) !== 46) return -1;
      i++;
    }
    if (i >= n) return -1;
    let c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    let octet = c;
    i++;
    if (octet !== 0 && i < n) {
      c = s.charCodeAt(i) - 48;
      if (c >= 0 && c <= 9) {
        octet = octet * 10 + c;
        i++;
        if (i < n) {
          c = s.charCodeAt(i) - 48;
          if (c >= 0 && c <= 9) {
            octet = octet * 10 + c;
            i++;
            if (octet > 255) return -1;
          }
        }
      }
    }
    v = v * 256 + octet;
  }
  let bits: number;
  if (i === n) {
    if (!allowBare) return -1;
    bits = 32;
  } else {
    if (s.charCodeAt(i) !== 47) return -1;
    bits = scanLength(s, i + 1, 32);
    if (bits < 0) return -1;
  }
  SCAN4.bits = bits;
  return v;
}

/**
 * @internal Reads `s` from `from` to its end as a prefix length up to `max` written
 * as the general parser accepts it (decimal, no leading zero, nothing after);
 * returns −1 for anything else, which that parser then explains.
 */
export function scanLength(s: string, from: number, max: number): number {
  const m = s.length - from;
  if (m < 1 || m > 3) return -1;
  let bits = s.charCodeAt(from) - 48;
  if (bits < 0 || bits > 9 || (bits === 0 && m > 1)) return -1;
  for (let i = from + 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    bits = bits * 10 + d;
  }
  return bits <= max ? bits : -1;
}
