import { formatCount } from "../../kb/index.js";
/**
 * Wording helpers for messages that list things from the plan: a list is cut
 * after a few items and says how many more there are, so no message grows
 * with the size of the plan.
 */

/** At most this many items of a list are written into one message. */
export const MAX_LISTED = 5;

/** `a, b, c` or `a, b, c, d, e and 1,995 more`; `none` for an empty list. */
export function listText(items: readonly string[], max = MAX_LISTED, sep = ", "): string {
  if (items.length === 0) return "none";
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)} and ${formatCount(items.length - max)} more`;
}

/** Groups items by a key, keeping input order within each group (one pass, for joins that would be quadratic). */
export function groupBy<T, K>(items: Iterable<T>, key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
