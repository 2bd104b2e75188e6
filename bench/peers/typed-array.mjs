/**
 * The reference of issue 2: a tight, hand-written typed-array sort-and-sweep for
 * the IPv4 workloads W2–W5, text in, text out. No validation beyond what valid
 * input needs; it is the speed yardstick ("within 1.5× of the typed-array
 * figures"), not a library.
 *
 * Prefixes become half-open [lo, hi) in doubles; sorting packs lo with a small
 * tag (host-bit count or input position) into one exact double so the native
 * Float64Array sort does the work.
 */
const fmt4 = (n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** Parses "a.b.c.d/n" into one exact double: network (host bits cleared) × 64 + host-bit count (32 − n). */
function parseKey(s) {
  let v = 0;
  let octet = 0;
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      v = v * 256 + octet;
      octet = 0;
    } else if (c === 47) break;
    else octet = octet * 10 + (c - 48);
  }
  v = v * 256 + octet;
  let bits = 32;
  if (i < n) {
    bits = 0;
    for (i++; i < n; i++) bits = bits * 10 + (s.charCodeAt(i) - 48);
  }
  const host = 32 - bits;
  const size = POW2[host];
  return (v - (v % size)) * 64 + host;
}

const POW2 = Array.from({ length: 33 }, (_, i) => 2 ** i);
const keyLo = (k) => Math.floor(k / 64);
const keyHost = (k) => k % 64;

/** Appends the minimal prefixes of [lo, hi) as text. */
function rangeText(lo, hi, out) {
  while (lo < hi) {
    let size = lo === 0 ? 2 ** 32 : lowestBit(lo);
    while (size > hi - lo) size /= 2;
    out.push(`${fmt4(lo)}/${32 - Math.round(Math.log2(size))}`);
    lo += size;
  }
}

/** The largest power of two dividing x (0 < x < 2^32). */
function lowestBit(x) {
  const low = x % 65536;
  if (low) return low & -low;
  const high = Math.floor(x / 65536);
  return (high & -high) * 65536;
}

/** Sorted, merged [lo, hi) runs of the prefixes. */
function runs(lines) {
  const n = lines.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = parseKey(lines[i]);
  keys.sort();
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const host = k % 64;
    const a = (k - host) / 64;
    const b = a + POW2[host];
    if (m > 0 && a <= hi[m - 1]) {
      if (b > hi[m - 1]) hi[m - 1] = b;
    } else {
      lo[m] = a;
      hi[m] = b;
      m++;
    }
  }
  return { lo, hi, n: m };
}

/** W2: merge. */
export function merge(lines) {
  const r = runs(lines);
  const out = [];
  for (let i = 0; i < r.n; i++) rangeText(r.lo[i], r.hi[i], out);
  return out;
}

/** W3a: the queries that overlap any of the existing prefixes. */
export function queriesOverlapping(queries, existing) {
  const r = runs(existing);
  const out = [];
  for (const q of queries) {
    const k = parseKey(q);
    const qlo = keyLo(k);
    const host = keyHost(k);
    const qhi = qlo + POW2[host];
    // Last run starting before qhi.
    let l = 0;
    let h = r.n;
    while (l < h) {
      const mid = (l + h) >>> 1;
      if (r.lo[mid] < qhi) l = mid + 1;
      else h = mid;
    }
    if (l > 0 && r.hi[l - 1] > qlo) out.push(`${fmt4(qlo)}/${32 - host}`);
  }
  return out;
}

/** W3b: all overlapping pairs "i j" (input positions, i < j), sorted. */
export function overlappingPairs(lines) {
  const n = lines.length;
  const keys = new Float64Array(n);
  const his = new Float64Array(n);
  const shift = 2 ** 17;
  for (let i = 0; i < n; i++) {
    const k = parseKey(lines[i]);
    const lo = keyLo(k);
    keys[i] = lo * shift + i;
    his[i] = lo + POW2[keyHost(k)];
  }
  keys.sort();
  const pairs = [];
  for (let a = 0; a < n; a++) {
    const ia = keys[a] % shift;
    const hi = his[ia];
    for (let b = a + 1; b < n; b++) {
      const kb = keys[b];
      const ib = kb % shift;
      if ((kb - ib) / shift >= hi) break;
      pairs.push(ia < ib ? ia * shift + ib : ib * shift + ia);
    }
  }
  const sorted = Float64Array.from(pairs).sort();
  const out = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const j = sorted[i] % shift;
    out[i] = `${(sorted[i] - j) / shift} ${j}`;
  }
  return out;
}

/** W3c: the sweep of `overlappingPairs` with its pairs left as sorted codes (i · 2^17 + j), no text. */
export function overlappingPairCodes(lines) {
  const n = lines.length;
  const keys = new Float64Array(n);
  const his = new Float64Array(n);
  const shift = 2 ** 17;
  for (let i = 0; i < n; i++) {
    const k = parseKey(lines[i]);
    const lo = keyLo(k);
    keys[i] = lo * shift + i;
    his[i] = lo + POW2[keyHost(k)];
  }
  keys.sort();
  let codes = new Float64Array(1024);
  let m = 0;
  for (let a = 0; a < n; a++) {
    const ia = keys[a] % shift;
    const hi = his[ia];
    for (let b = a + 1; b < n; b++) {
      const kb = keys[b];
      const ib = kb % shift;
      if ((kb - ib) / shift >= hi) break;
      if (m === codes.length) {
        const grown = new Float64Array(m * 2);
        grown.set(codes);
        codes = grown;
      }
      codes[m++] = ia < ib ? ia * shift + ib : ib * shift + ia;
    }
  }
  return codes.subarray(0, m).sort();
}

/** The text of `overlappingPairCodes`'s result, for the output check. */
export function pairCodeLines(codes) {
  const shift = 2 ** 17;
  const out = new Array(codes.length);
  for (let x = 0; x < codes.length; x++) {
    const j = codes[x] % shift;
    out[x] = `${(codes[x] - j) / shift} ${j}`;
  }
  return out;
}

/** Free [lo, hi) runs of parent (text) minus used. */
function freeRuns(parent, used) {
  const k = parseKey(parent);
  const plo = keyLo(k);
  const phi = plo + POW2[keyHost(k)];
  const r = runs(used);
  const lo = [];
  const hi = [];
  let cur = plo;
  for (let i = 0; i < r.n && cur < phi; i++) {
    if (r.hi[i] <= cur) continue;
    if (r.lo[i] >= phi) break;
    if (r.lo[i] > cur) {
      lo.push(cur);
      hi.push(r.lo[i]);
    }
    cur = r.hi[i];
  }
  if (cur < phi) {
    lo.push(cur);
    hi.push(phi);
  }
  return { lo, hi };
}

/** W4: the free space of parent minus used, minimal prefixes. */
export function freeSpace(parent, used) {
  const f = freeRuns(parent, used);
  const out = [];
  for (let i = 0; i < f.lo.length; i++) rangeText(f.lo[i], f.hi[i], out);
  return out;
}

/** W5: `count` sequential first-fit requests for a /bits. */
export function allocate(parent, used, bits, count) {
  const f = freeRuns(parent, used);
  const size = 2 ** (32 - bits);
  const out = [];
  for (let i = 0; i < f.lo.length && out.length < count; i++) {
    for (let a = Math.ceil(f.lo[i] / size) * size; a + size <= f.hi[i] && out.length < count; a += size)
      out.push(`${fmt4(a)}/${bits}`);
  }
  return out;
}
