/**
 * A slow, obviously correct model of address sets for property tests: a bitmap
 * over a small universe (an IPv4 /24 or an IPv6 /120, 256 addresses). Every
 * operation is a loop over the 256 bits, so each is correct by inspection.
 * One `Universe` per family lets the same contract run for IPv4 and IPv6.
 */
import fc from "fast-check";
import { Addr, addrFromBigInt, type Family } from "../addr.js";
import type { Prefix } from "../prefix.js";
import { prefixFrom } from "../prefix.js";
import type { AddrRange } from "../range.js";
import { rangeFrom } from "../range.js";

export const UNIVERSE_SIZE = 256;
export type Bitmap = boolean[];

export interface Universe {
  readonly name: string;
  readonly family: Family;
  /** The universe as a prefix (a /24 or a /120). */
  readonly prefix: Prefix;
  /** The address at offset i (0..255). */
  addr(i: number): Addr;
  /** The offset of an address inside the universe, or undefined outside. */
  offset(a: Addr): number | undefined;
}

function universe(name: string, base: Addr, bits: number): Universe {
  const start = base.toBigInt();
  return {
    name,
    family: base.family,
    prefix: prefixFrom(base, bits),
    addr: (i) => addrFromBigInt(start + BigInt(i), base.family),
    offset: (a) => {
      if (a.family !== base.family) return undefined;
      const d = a.toBigInt() - start;
      return d >= 0n && d < BigInt(UNIVERSE_SIZE) ? Number(d) : undefined;
    },
  };
}

export const UNIVERSES: readonly Universe[] = [
  universe("IPv4 10.1.2.0/24", Addr.of4(0x0a010200), 24),
  universe("IPv6 fd00::1:0/120", Addr.of6((0xfd00n << 112n) | 0x10000n), 120),
];

export function emptyBitmap(): Bitmap {
  return new Array<boolean>(UNIVERSE_SIZE).fill(false);
}

/** The bitmap of the addresses of the items (every item must lie inside the universe). */
export function bitmapOf(u: Universe, items: Iterable<Addr | Prefix | AddrRange>): Bitmap {
  const m = emptyBitmap();
  for (const x of items) {
    for (let i = 0; i < UNIVERSE_SIZE; i++) {
      if (x instanceof Addr ? x.equals(u.addr(i)) : x.contains(u.addr(i))) m[i] = true;
    }
  }
  return m;
}

export const or = (a: Bitmap, b: Bitmap): Bitmap => a.map((v, i) => v || (b[i] as boolean));
export const and = (a: Bitmap, b: Bitmap): Bitmap => a.map((v, i) => v && (b[i] as boolean));
export const minus = (a: Bitmap, b: Bitmap): Bitmap => a.map((v, i) => v && !(b[i] as boolean));
export const count = (a: Bitmap): number => a.filter(Boolean).length;

/** Reports whether the bits [from, from+len) are all set. */
function full(m: Bitmap, from: number, len: number): boolean {
  for (let i = from; i < from + len; i++) if (!m[i]) return false;
  return true;
}

/**
 * The minimal prefix cover by definition: an aligned block is in it exactly when
 * the block is full and its parent block is not (or it is the whole universe).
 */
export function minimalPrefixes(u: Universe, m: Bitmap): Prefix[] {
  const out: Prefix[] = [];
  const hostBits = 8;
  for (let i = 0; i < UNIVERSE_SIZE; i++) {
    for (let k = hostBits; k >= 0; k--) {
      const len = 2 ** k;
      if (i % len !== 0 || !full(m, i, len)) continue;
      const parentLen = len * 2;
      const parentFull = k < hostBits && full(m, i - (i % parentLen), parentLen);
      if (!parentFull) out.push(prefixFrom(u.addr(i), u.prefix.bits + hostBits - k));
      break;
    }
  }
  return out;
}

/** The maximal runs of set bits, as ranges. */
export function maximalRanges(u: Universe, m: Bitmap): AddrRange[] {
  const out: AddrRange[] = [];
  for (let i = 0; i < UNIVERSE_SIZE;) {
    if (!m[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < UNIVERSE_SIZE && m[j + 1]) j++;
    out.push(rangeFrom(u.addr(i), u.addr(j)));
    i = j + 1;
  }
  return out;
}

/** The first `limit` aligned blocks of `len` addresses with no set bit, as prefixes. */
export function freeBlocks(u: Universe, used: Bitmap, hostBits: number, limit = Infinity): Prefix[] {
  const out: Prefix[] = [];
  const len = 2 ** hostBits;
  for (let i = 0; i < UNIVERSE_SIZE && out.length < limit; i += len) {
    if (used.slice(i, i + len).every((v) => !v)) out.push(prefixFrom(u.addr(i), u.prefix.bits + 8 - hostBits));
  }
  return out;
}

/** A prefix inside the universe, possibly with host bits set (length /bits+0 … /bits+8). */
export function arbPrefixIn(u: Universe): fc.Arbitrary<Prefix> {
  return fc
    .tuple(fc.integer({ min: 0, max: UNIVERSE_SIZE - 1 }), fc.integer({ min: 0, max: 8 }))
    .map(([i, k]) => prefixFrom(u.addr(i), u.prefix.bits + k));
}

/** A range inside the universe. */
export function arbRangeIn(u: Universe): fc.Arbitrary<AddrRange> {
  return fc
    .tuple(fc.integer({ min: 0, max: UNIVERSE_SIZE - 1 }), fc.integer({ min: 0, max: UNIVERSE_SIZE - 1 }))
    .map(([a, b]) => rangeFrom(u.addr(Math.min(a, b)), u.addr(Math.max(a, b))));
}

/** A prefix or a range inside the universe. */
export function arbItemIn(u: Universe): fc.Arbitrary<Prefix | AddrRange> {
  return fc.oneof(arbPrefixIn(u), arbRangeIn(u));
}
