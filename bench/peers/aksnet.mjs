/**
 * aksnet's compiled library (dist/) on the IP workloads, through its public API
 * (`aksnet/ip`): the bulk text helpers where the IP core has them, the value
 * types elsewhere. Run `npm run build` first (`npm run bench` does).
 */
import { OverlapIndex, PrefixAllocator, findOverlappingPairs, freeSpaceText, mergeCidrText, parsePrefix } from "../../dist/ip/index.js";

/** W1: parse and format each CIDR as its network. */
export const parseFormat = (lines) => lines.map((s) => parsePrefix(s).masked().toString());

/** W2. */
export const merge = (lines) => mergeCidrText(lines);

/** W3a. */
export function queriesOverlapping(queries, existing) {
  const index = new OverlapIndex(existing.map(parsePrefix));
  const out = [];
  for (const q of queries) {
    const p = parsePrefix(q);
    if (index.overlapsAny(p)) out.push(p.toString());
  }
  return out;
}

/** W3b. */
export const overlappingPairs = (lines) => findOverlappingPairs(lines.map(parsePrefix)).map(([i, j]) => `${i} ${j}`);

/** W4. */
export const freeSpace = (parent, used) => freeSpaceText(parsePrefix(parent), used);

/** W5: one allocator, `count` requests one after another. */
export function allocate(parent, used, bits, count) {
  const a = new PrefixAllocator(parsePrefix(parent), used.map(parsePrefix));
  const out = [];
  for (let i = 0; i < count; i++) {
    const p = a.allocate(bits);
    if (!p) break;
    out.push(p.toString());
  }
  return out;
}
