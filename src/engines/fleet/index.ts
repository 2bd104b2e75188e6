/**
 * Fleets (issue #15): many clusters in hub-and-spoke networks.
 * - `checkFleet(fleet, { plans, used })`: every cluster's own findings plus the fleet's (overlaps between networks
 *   that reach each other, names, meshes, pool exhaustion forecast).
 * - `allocateFleet(fleet, { plans, used })`: VNets and subnets for the clusters without addresses, from the pools.
 * - `fleetModel`, `reachOf`, `fleetConflicts`, `poolForecasts`: the parts, for the web page and benchmarks.
 * - `FLEET_RULES`: the fleet's rules (docs/rules/fleet-*.md).
 * @module
 */
export {
  allocateFleet,
  type FleetAllocateOptions,
  type FleetAllocateResult,
  type ClusterAllocation,
  type AllocationStatus,
  type AllocateProblem,
} from "./allocate.js";
export {
  checkFleet,
  vnetSizes,
  type FleetCheckOptions,
  type FleetCheckResult,
  type FleetClusterResult,
} from "./check.js";
export {
  fleetModel,
  ItemKind,
  type FleetModel,
  type FleetNetworkNode,
  type ClusterNode,
  type FleetLoadedPlan,
  type ModelProblem,
} from "./model.js";
export { reachOf, type Reach } from "./reach.js";
export { fleetConflicts, type Conflict, type ConflictClass } from "./overlaps.js";
export { poolForecasts, FREE_LIST_MAX, type PoolForecast, type PoolFit } from "./pools.js";
export { FLEET_RULES, type FleetInputs } from "./rules/index.js";
