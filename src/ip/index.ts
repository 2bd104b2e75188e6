/**
 * The IP core: IPv4/IPv6 value types, parsing and formatting, prefix math,
 * ranges, sets, merge/exclude, overlap search and free-space search, plus bulk
 * helpers that take and give CIDR text without an object per IPv4 line (the
 * `…Text` functions, for the CLI and benchmarks). Pure, no dependencies.
 * Reference: docs/ip-core.md.
 * @module
 */
export { Addr, addrFrom4, addrFromBigInt, compareAddr, parseAddr, tryParseAddr, type Family } from "./addr.js";
export { Prefix, prefixFrom, parsePrefix, tryParsePrefix, parsePrefixOrAddr, comparePrefix } from "./prefix.js";
export { AddrRange, rangeFrom, rangeOfPrefix, parseRange, tryParseRange } from "./range.js";
export { ParseError, ListParseError, describeValue, type ParseResult } from "./errors.js";
export { AddrSet, AddrSetBuilder, addrSetOf, type AddrItem } from "./set.js";
export { mergePrefixes, mergeRanges, excludePrefixes, excludeRanges } from "./merge.js";
export { OverlapIndex, findOverlappingPairs, queriesOverlappingAny, type OverlapPairs } from "./overlap.js";
export { freeSpace, freePrefixes, PrefixAllocator, type Used } from "./free.js";
export { smallestPrefixBits } from "./prefix-length.js";
export {
  addrSetOfText,
  prefixText,
  maskCidrText,
  mergeCidrText,
  excludeCidrText,
  freeSpaceText,
  overlapsAnyText,
  overlappingPairsText,
} from "./text.js";
export { expectPrefix, guardArgs, type Param, type Want } from "./guard.js";
