/**
 * Upgrade surge: the extra nodes AKS adds while it upgrades a pool. Each surge
 * node needs addresses like any node, so every sizing counts them.
 * A percentage is of the pool's node count, rounded up; a count is capped at the
 * pool's node count (AKS surges at most the nodes left to upgrade); 0 means no surge.
 * Source: https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling (checked 2026-11-22).
 */
import type { MaxSurge } from "../../kb/defaults.js";

export type { MaxSurge } from "../../kb/defaults.js";

/** The surge nodes a pool of `nodes` nodes takes with `maxSurge`. */
export function surgeNodes(nodes: number, maxSurge: MaxSurge): number {
  if (nodes <= 0) return 0;
  if (maxSurge.kind === "count") return Math.min(maxSurge.count, nodes);
  // ceil(percent × nodes / 100) in integers, free of floating-point error.
  return Math.floor((maxSurge.percent * nodes + 99) / 100);
}

/**
 * Reads a max surge as AKS writes it: a whole node count ("0", "3") or a
 * percentage of 1–100 ("10%", "33%"); undefined when the text is neither.
 */
export function tryParseMaxSurge(text: string | number): MaxSurge | undefined {
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
  return s.kind === "percent" ? `${s.percent}%` : String(s.count);
}
