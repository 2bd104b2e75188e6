/**
 * The inputs of the IP workloads (issue 2), generated from fixed seeds and
 * written to `.bench-data/` (git-ignored) so the Python peers read the very same
 * text. Realistic shapes:
 * - W1/W2: IPv4 /8–/28 anywhere, lengths weighted towards long prefixes
 *   (P(/L) ∝ 2^(L−28): about half are /28, a handful are /8), a quarter with host
 *   bits set; IPv6 /32–/64 in 2000::/3, uniform lengths.
 * - W3–W5: 100,000 subnets allocated at random aligned places in 10.0.0.0/8,
 *   /24 30 %, /25 10 %, /26 20 %, /27 20 %, /28 20 % (about 60 % of the /8 in use,
 *   so there are real overlaps and real free space); W3a's queries come from the
 *   same distribution with another seed.
 * - W3c: an estate's prefixes, nested: 4 on-premises /10s and 16 hub /12s that
 *   cover 10.0.0.0/8, and 99,980 subnets as in W3–W5 inside them, in shuffled order
 *   (every subnet overlaps its /10 and its /12: about 200,000 pairs).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prng } from "./prng.mjs";

export const DATA_DIR = new URL("../../.bench-data/", import.meta.url).pathname;

const fmt4 = (n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

function weightsV4() {
  const w = {};
  for (let l = 8; l <= 28; l++) w[l] = 2 ** (l - 28);
  return w;
}

/** `n` IPv4 CIDRs, /8–/28, a quarter with host bits set. */
export function v4Cidrs(seed, n) {
  const r = prng(seed);
  const pick = r.picker(weightsV4());
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const bits = Number(pick());
    const a = r.u32();
    const size = 2 ** (32 - bits);
    const addr = r.next() < 0.25 ? a : a - (a % size);
    out[i] = `${fmt4(addr)}/${bits}`;
  }
  return out;
}

/** `n` IPv6 CIDRs, /32–/64, masked, in 2000::/3, as RFC 5952 text. */
export function v6Cidrs(seed, n) {
  const r = prng(seed);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const bits = r.int(32, 64);
    const groups = [0x2000 + r.int(0, 0x1fff), r.int(0, 0xffff), r.int(0, 0xffff), r.int(0, 0xffff)];
    // Mask to `bits` (all within the first 64 bits); some groups are zero so compression happens.
    for (let g = 0; g < 4; g++) {
      const keep = Math.max(0, Math.min(16, bits - g * 16));
      groups[g] = keep === 0 ? 0 : groups[g] & ((0xffff << (16 - keep)) & 0xffff);
      if (g > 0 && r.next() < 0.15) groups[g] = 0;
    }
    const hex = groups.map((x) => x.toString(16));
    while (hex.length > 1 && hex[hex.length - 1] === "0") hex.pop();
    out[i] = `${hex.join(":")}::/${bits}`;
  }
  return out;
}

const ALLOC = { 24: 30, 25: 10, 26: 20, 27: 20, 28: 20 };

/** `n` subnets at random aligned places in 10.0.0.0/8. */
export function allocations(seed, n) {
  const r = prng(seed);
  const pick = r.picker(ALLOC);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const bits = Number(pick());
    const size = 2 ** (32 - bits);
    const offset = r.int(0, 2 ** 24 / size - 1) * size;
    out[i] = `${fmt4(0x0a000000 + offset)}/${bits}`;
  }
  return out;
}

/** W3c: `n` prefixes of a hub-and-spoke estate (see above), shuffled with `seed`. */
export function nestedEstate(seed, n) {
  const supers = [];
  for (let i = 0; i < 4; i++) supers.push(`${fmt4(0x0a000000 + i * 2 ** 22)}/10`);
  for (let i = 0; i < 16; i++) supers.push(`${fmt4(0x0a000000 + i * 2 ** 20)}/12`);
  const out = [...supers, ...allocations(seed, Math.max(0, n - supers.length))];
  const r = prng(seed + 1000);
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Every workload input, generated once, with the path of its file in `.bench-data/`.
 * `scale` < 1 shrinks every input (a smoke run: `AKSNET_BENCH_SCALE=0.05`); reports note it.
 */
export function workloadData(scale = 1) {
  mkdirSync(DATA_DIR, { recursive: true });
  const k = (n) => Math.max(10, Math.round(n * scale));
  const sets = {
    v4: v4Cidrs(1, k(1_000_000)),
    v6: v6Cidrs(2, k(200_000)),
    used: allocations(3, k(100_000)),
    queries: allocations(4, k(100_000)),
    nested: nestedEstate(5, k(100_000)),
  };
  const files = {};
  for (const [name, lines] of Object.entries(sets)) {
    files[name] = join(DATA_DIR, `${name}.txt`);
    writeFileSync(files[name], lines.join("\n") + "\n");
  }
  return { ...sets, files };
}
