/** Prefix lengths for a count of addresses: pure arithmetic, no reservation (callers add their own). */

/**
 * The longest prefix (of a family's bit length) holding at least `count` addresses; undefined when none does,
 * or when `count` is negative or not a whole number.
 */
export function smallestPrefixBits(count: number | bigint, bitLength: 32 | 128 = 32): number | undefined {
  if (typeof count !== "bigint" && !Number.isSafeInteger(count)) return undefined; // NaN, 1.5, undefined from JS
  const need = BigInt(count);
  if (need < 0n) return undefined;
  for (let bits = bitLength; bits >= 0; bits--) {
    if (1n << BigInt(bitLength - bits) >= need) return bits;
  }
  return undefined;
}
