/**
 * cidr-tools (npm, the fastest JavaScript peer named in issue 2) on the IP
 * workloads, as a user of its public API would write them. It has no indexed
 * overlap search: W3a/W3b call `overlapCidr` per query / per pair, so the bench
 * times a subset and extrapolates.
 */
import { excludeCidr, mergeCidr, normalizeCidr, overlapCidr, parseCidr } from "cidr-tools";

const fmt4 = (n) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** W1: parse and format (normalizeCidr masks host bits, like the other implementations). */
export const parseFormat = (lines) => normalizeCidr(lines);

/** W2. */
export const merge = (lines) => mergeCidr(lines);

/** W3a on a subset: the queries that overlap any existing prefix. */
export const queriesOverlapping = (queries, existing) => queries.filter((q) => overlapCidr(existing, q));

/** W3b on a subset: every overlapping pair "i j" by pairwise overlapCidr. */
export function overlappingPairs(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) if (overlapCidr(lines[i], lines[j])) out.push(`${i} ${j}`);
  return out;
}

/** W4. */
export const freeSpace = (parent, used) => excludeCidr([parent], used);

/** W5: the free space, then its first `count` aligned /bits blocks (what sequential first-fit hands out). */
export function allocate(parent, used, bits, count) {
  const out = [];
  const size = 2 ** (32 - bits);
  for (const free of excludeCidr([parent], used)) {
    const { start, end } = parseCidr(free);
    const lo = Number(start);
    const hi = Number(end) + 1;
    for (let a = Math.ceil(lo / size) * size; a + size <= hi && out.length < count; a += size)
      out.push(`${fmt4(a)}/${bits}`);
    if (out.length >= count) break;
  }
  return out;
}
