/**
 * Upgrade surge: the extra nodes AKS adds while it upgrades a pool. Each surge node needs addresses like any
 * node, so every sizing counts them. A percentage is of the pool's node count, rounded up; either is capped at
 * the pool's node count (AKS surges at most the nodes left to upgrade); 0 means no surge (then AKS needs
 * maxUnavailable above 0). The knowledge base's `UPGRADE.surgeRounding` holds the rule and its source.
 */
import { describeValue } from "../../ip/index.js";
import type { MaxSurge } from "../../kb/index.js";

export type { MaxSurge } from "../../kb/index.js";

const whole = (n: number) => (typeof n === "number" && n > 0 ? Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER) : 0);

/**
 * The surge nodes a pool of `nodes` nodes takes with `maxSurge` (also the nodes `maxUnavailable` takes out at
 * a time: same arithmetic). A count or node total that is not a whole number ≥ 0 is read as 0, and so is a max surge
 * that is not one (a value from JavaScript).
 */
export function surgeNodes(nodes: number, maxSurge: MaxSurge): number {
  const n = whole(nodes);
  if (n === 0 || typeof maxSurge !== "object" || maxSurge === null) return 0;
  if (maxSurge.kind === "count") return Math.min(whole(maxSurge.count), n);
  // ceil(percent × nodes / 100) in integers, free of floating-point error for any safe node count.
  const percent = whole(maxSurge.percent);
  return Math.min(n, Math.floor((percent * n + 99) / 100));
}

/**
 * Reads a max surge as AKS writes it: a whole node count ("0", "3") or a
 * percentage of 1–100 ("10%", "33%"); undefined when the text is neither.
 */
export function tryParseMaxSurge(text: string | number): MaxSurge | undefined {
  if (typeof text !== "string" && typeof text !== "number") return undefined; // a value from JavaScript
  const s = String(text).trim();
  let m = /^(\d{1,4})$/.exec(s);
  if (m) return { kind: "count", count: Number(m[1]) };
  m = /^(\d{1,3})%$/.exec(s);
  if (m) {
    const percent = Number(m[1]);
    return percent >= 1 && percent <= 100 ? { kind: "percent", percent } : undefined;
  }
  return undefined;
}

/** "10%" or "1". */
export function formatMaxSurge(s: MaxSurge): string {
  if (typeof s !== "object" || s === null)
    throw new RangeError(
      `formatMaxSurge takes a max surge { kind, count } or { kind, percent }, not ${describeValue(s)}`,
    );
  return s.kind === "percent" ? `${s.percent}%` : String(s.count);
}
