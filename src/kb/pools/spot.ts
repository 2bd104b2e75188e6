/** Spot node pools: evictable VMs; their limits where they differ from a regular pool. */
import { aksDoc, sourced } from "../source.js";

const C = { checked: "2026-12-06" } as const;
const SPOT = (note: string) => aksDoc("spot-node-pool", note);

export const SPOT_POOL = {
  /** A Spot pool can't be the default (first, system) pool. */
  systemPool: sourced(
    false,
    SPOT("A Spot node pool can't be a default node pool, it can only be used as a secondary pool"),
    C,
  ),
  /** Spot upgrades cordon and evict without surge nodes: no extra addresses. */
  surgeNodes: sourced(0, SPOT("There are no surge nodes available for Spot node pool upgrades"), C),
  /** Priority and eviction policy are fixed at creation. */
  priorityFixed: sourced(true, SPOT("You can't change ScaleSetPriority or SpotMaxPrice after creation"), C),
} as const;
