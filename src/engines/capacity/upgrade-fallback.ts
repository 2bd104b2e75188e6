/**
 * From Kubernetes 1.35, when AKS cannot add a pool's full surge for quota or capacity, it retries the upgrade
 * with one surge node (knowledge base `UPGRADE.surgeFallbackToOneFrom`). Microsoft does not say a subnet without
 * room for the surge counts (`UPGRADE.surgeFallbackOnAddressShortage`, false by default: the capacity guide gives
 * SubnetIsFull for it); if it does, on 1.35+ the smallest room an upgrade still needs is one surge node per pool,
 * not the full surge. The numbers computed here are that reading, and the outputs say so.
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

/** Whether the retry is documented for a subnet or pod range without room for the surge (false: see above). */
export const FALLBACK_ON_ADDRESS_SHORTAGE: boolean = UPGRADE.surgeFallbackOnAddressShortage.value;

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
