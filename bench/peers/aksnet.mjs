/**
 * aksnet's compiled library (dist/) on the IP workloads, through its public API
 * (`aksnet/ip`): the bulk text helpers (text in, text out, no objects per IPv4
 * line) for W1–W4, and the sequential `PrefixAllocator` for W5, whose requests
 * arrive one at a time. Run `npm run build` first (`npm run bench` does).
 */
import {
  PrefixAllocator,
  addrSetOfText,
  freeSpaceText,
  maskCidrText,
  mergeCidrText,
  overlappingPairsText,
  overlapsAnyText,
  parsePrefix,
} from "../../dist/ip/index.js";

/** W1: parse and format each CIDR as its network. */
export const parseFormat = (lines) => maskCidrText(lines);

/** W2. */
export const merge = (lines) => mergeCidrText(lines);

/** W3a: the queries (as given) that overlap any existing subnet. */
export function queriesOverlapping(queries, existing) {
  const hit = overlapsAnyText(queries, existing);
  const out = [];
  for (let i = 0; i < queries.length; i++) if (hit[i]) out.push(queries[i]);
  return out;
}

/** W3b. */
export function overlappingPairs(lines) {
  const p = overlappingPairsText(lines);
  const out = new Array(p.count);
  for (let x = 0; x < p.count; x++) out[x] = `${p.first[x]} ${p.second[x]}`;
  return out;
}

/** W3c: the pairs as the library gives them (two parallel arrays), no text. */
export const overlappingPairsRaw = (lines) => overlappingPairsText(lines);

/** The text of `overlappingPairsRaw`'s result, for the output check. */
export function pairLines(p) {
  const out = new Array(p.count);
  for (let x = 0; x < p.count; x++) out[x] = `${p.first[x]} ${p.second[x]}`;
  return out;
}

/** W4. */
export const freeSpace = (parent, used) => freeSpaceText(parsePrefix(parent), used);

/** W5: one allocator, `count` requests one after another. */
export function allocate(parent, used, bits, count) {
  const a = new PrefixAllocator(parsePrefix(parent), addrSetOfText(used));
  const out = [];
  for (let i = 0; i < count; i++) {
    const p = a.allocate(bits);
    if (!p) break;
    out.push(p.toString());
  }
  return out;
}
