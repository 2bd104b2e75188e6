/**
 * Fingerprints of an output (a list of lines): count and SHA-256, so implementations can be compared before they are
 * timed.
 */
import { createHash } from "node:crypto";

export function fingerprint(lines, { sorted = false } = {}) {
  const list = sorted ? [...lines].sort() : lines;
  const h = createHash("sha256");
  for (let i = 0; i < list.length; i += 10_000) h.update(list.slice(i, i + 10_000).join("\n") + "\n");
  return { count: list.length, hash: h.digest("hex").slice(0, 16) };
}

export function sameFingerprint(a, b) {
  return a.count === b.count && a.hash === b.hash;
}
