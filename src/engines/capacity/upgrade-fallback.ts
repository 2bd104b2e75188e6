/**
 * From Kubernetes 1.35, when AKS cannot add a pool's full surge for quota or capacity (a full subnet is one),
 * it retries the upgrade with one surge node (knowledge base `UPGRADE.surgeFallbackToOneFrom`). So on 1.35+
 * the smallest room an upgrade still needs is one surge node per pool, not the full surge: slower, but it
 * completes. Before 1.35 the upgrade fails instead.
 */
import {
  isAtLeast,
  tryParseKubernetesVersion,
  UPGRADE,
  type KubernetesVersion,
  type MaxSurge,
} from "../../kb/index.js";

/** The surge AKS falls back to. */
export const FALLBACK_SURGE: MaxSurge = { kind: "count", count: 1 };

/** The first Kubernetes version with the fallback, as text ("1.35"). */
export const FALLBACK_FROM: string = UPGRADE.surgeFallbackToOneFrom.value;

/** Whether the fallback applies: true from 1.35, false before, null when no version was given. */
export function fallbackApplies(version: KubernetesVersion | undefined): boolean | null {
  if (!version) return null;
  const from = tryParseKubernetesVersion(FALLBACK_FROM);
  return from ? isAtLeast(version, from.major, from.minor) : null;
}

/** Whether a surge setting takes more than the fallback's one node for some pool size (so the fallback helps). */
export function surgeAboveFallback(s: MaxSurge): boolean {
  return s.kind === "percent" || s.count > 1;
}
