/** Reserved ranges parse as masked prefixes and are pairwise disjoint; default CIDRs parse and avoid them. */
import { parsePrefix, tryParsePrefix, type Prefix } from "../../ip/index.js";
import type { ReservedRange } from "../reserved-ranges.js";

export function reservedRangesDisjoint(
  ranges: readonly ReservedRange[],
  defaults: readonly { name: string; cidr: string }[],
): string[] {
  const problems: string[] = [];
  const parsed: { cidr: string; p: Prefix }[] = [];
  for (const r of ranges) {
    const res = tryParsePrefix(r.cidr);
    if (!res.ok) problems.push(`reserved range "${r.cidr}" does not parse: ${res.error.reason}`);
    else if (!res.value.isMasked()) problems.push(`reserved range "${r.cidr}" has host bits set`);
    else parsed.push({ cidr: r.cidr, p: res.value });
  }
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      const a = parsed[i];
      const b = parsed[j];
      if (a && b && a.p.overlaps(b.p)) problems.push(`reserved ranges ${a.cidr} and ${b.cidr} overlap`);
    }
  }
  for (const d of defaults) {
    const res = tryParsePrefix(d.cidr);
    if (!res.ok) {
      problems.push(`default ${d.name} "${d.cidr}" does not parse: ${res.error.reason}`);
      continue;
    }
    for (const r of parsed)
      if (res.value.overlaps(r.p)) problems.push(`default ${d.name} ${d.cidr} overlaps reserved range ${r.cidr}`);
  }
  return problems;
}

/** Reports whether `inner` lies inside `outer` (both CIDR text). */
export function cidrInside(inner: string, outer: string): boolean {
  return parsePrefix(outer).contains(parsePrefix(inner));
}
