/**
 * Seeded generators of address and CIDR text for the differential tests against
 * Python: valid forms written many ways (leading zeros in groups, upper case,
 * any zero run compressed, embedded IPv4) and mutated, mostly invalid, variants.
 * The formatting here is deliberately independent of addr.ts.
 */

/** mulberry32: a tiny deterministic PRNG; returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

/** An IPv4 address as a dotted quad, biased towards edge octets. */
export function v4Text(r: Rand): string {
  const octet = () => (r() < 0.3 ? pick(r, [0, 1, 10, 127, 128, 254, 255]) : int(r, 256));
  return [octet(), octet(), octet(), octet()].join(".");
}

/** Eight 16-bit groups, biased towards runs of zeros and the IPv4-mapped block. */
export function v6Groups(r: Rand): number[] {
  const kind = r();
  if (kind < 0.1) return [0, 0, 0, 0, 0, 0xffff, int(r, 65536), int(r, 65536)];
  if (kind < 0.15) return [0, 0, 0, 0, 0, 0, int(r, 65536), int(r, 65536)];
  return Array.from({ length: 8 }, () => (r() < 0.45 ? 0 : r() < 0.2 ? 0xffff : int(r, r() < 0.5 ? 16 : 65536)));
}

/** Groups written in one of many valid styles. */
export function v6Text(r: Rand, g: number[] = v6Groups(r)): string {
  const upper = r() < 0.2;
  const pad = r() < 0.2;
  let hex = g.map((x) => {
    const s = x.toString(16);
    return pad ? s.padStart(int(r, 5) > s.length ? 4 : s.length, "0") : s;
  });
  if (upper) hex = hex.map((s) => s.toUpperCase());
  let tail: string[] = [];
  if (r() < 0.15) {
    // Embedded IPv4 for the last 32 bits.
    const w6 = g[6] as number;
    const w7 = g[7] as number;
    tail = [`${w6 >> 8}.${w6 & 255}.${w7 >> 8}.${w7 & 255}`];
    hex = hex.slice(0, 6);
  }
  // Compress one zero run (any run, not necessarily the longest), or none.
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < hex.length;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < hex.length && g[j] === 0) j++;
    runs.push([i, j]);
    i = j;
  }
  if (runs.length > 0 && r() < 0.8) {
    const [a, b] = pick(r, runs);
    const head = hex.slice(0, a).join(":");
    const rest = [...hex.slice(b), ...tail].join(":");
    return `${head}::${rest}`;
  }
  return [...hex, ...tail].join(":");
}

const NOISE = [..."0123456789abcdefABCDEF:./% -x"];

/** The text with one random damage: a deleted, inserted, doubled or replaced character, or a leading zero. */
export function mutate(r: Rand, s: string): string {
  const i = int(r, s.length + 1);
  switch (int(r, 6)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + pick(r, NOISE) + s.slice(i);
    case 2:
      return s.slice(0, i) + (s[i] ?? "") + s.slice(i);
    case 3:
      return s.slice(0, i) + pick(r, NOISE) + s.slice(i + 1);
    case 4:
      return s.replace(/(^|[.:/])(\d)/, `$10$2`);
    default:
      return pick(r, [" ", "\t", "%eth0", "/", "::", "."]) + s;
  }
}

/** A prefix length for the family, sometimes out of range or with a leading zero. */
export function lengthText(r: Rand, max: number): string {
  const n = r() < 0.05 ? max + 1 + int(r, 3) : int(r, max + 1);
  return r() < 0.03 ? `0${n}` : String(n);
}

/** Addresses of one family: two thirds valid, one third mutated. */
export function addressCases(r: Rand, family: 4 | 6, count: number): string[] {
  return Array.from({ length: count }, () => {
    const s = family === 4 ? v4Text(r) : v6Text(r);
    return r() < 0.34 ? mutate(r, s) : s;
  });
}

/** CIDRs (and a few bare addresses) of both families: two thirds valid, one third mutated. */
export function prefixCases(r: Rand, count: number): string[] {
  return Array.from({ length: count }, () => {
    const six = r() < 0.5;
    const a = six ? v6Text(r) : v4Text(r);
    const s = r() < 0.05 ? a : `${a}/${lengthText(r, six ? 128 : 32)}`;
    return r() < 0.34 ? mutate(r, s) : s;
  });
}

/** Lists of 1–`maxItems` valid CIDRs crowded into a small space so they overlap, touch and nest. */
export function listCases(r: Rand, count: number, maxItems = 12): string[][] {
  return Array.from({ length: count }, () => {
    const n = 1 + int(r, maxItems);
    return Array.from({ length: n }, () => {
      const kind = r();
      if (kind < 0.5) return `10.0.${int(r, 4)}.${int(r, 256)}/${22 + int(r, 11)}`;
      if (kind < 0.8) return `fd00::${int(r, 1024).toString(16)}/${118 + int(r, 11)}`;
      if (kind < 0.9) return `::ffff:10.0.${int(r, 4)}.${int(r, 256)}/${118 + int(r, 11)}`;
      return r() < 0.5 ? `${v4Text(r)}/${8 + int(r, 25)}` : `${v6Text(r)}/${48 + int(r, 81)}`;
    });
  });
}
