/**
 * A tiny seeded PRNG (mulberry32) so every benchmark input is the same on every
 * machine and run. Not for anything but test data.
 */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** A float in [0, 1). */
    next,
    /** An unsigned 32-bit integer. */
    u32: () => Math.floor(next() * 4294967296),
    /** An integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** A sampler returning a key of `weights` ({ key: weight }) in proportion to its weight. */
    picker(weights) {
      const keys = Object.keys(weights);
      const cumulative = [];
      let total = 0;
      for (const k of keys) cumulative.push((total += weights[k]));
      return () => {
        const r = next() * total;
        let i = 0;
        while (i < keys.length - 1 && r >= cumulative[i]) i++;
        return keys[i];
      };
    },
  };
}
