/**
 * The capacity engine: pure functions over the IP core and the knowledge base.
 *
 * What fits (`fits`, `compare`): for a node subnet (and pod CIDR / pod subnet),
 * the most nodes and pods, raw (as Microsoft's examples count) and keeping room
 * for upgrade surge, and the resource that runs out first.
 * What is needed (`size`, `needs`, `nodeSubnetAddressesNeeded`, `podSubnetAddressesNeeded`,
 * `podSubnetBlocksNeeded`, `podCidrBlocksNeeded`): addresses and the smallest prefixes.
 * Building blocks: `surgeNodes(nodes, maxSurge)`, `tryParseMaxSurge`, `addressesPerNode(model, maxPods)`,
 * `maxNodesWithSurge(slots, maxSurge)`, prefix helpers in `range-capacity.ts`. Every public function checks or
 * clamps its input: `compare` and `size` return `problems` for bad input, the helpers read non-counts as 0.
 * @module
 */
export { surgeNodes, tryParseMaxSurge, formatMaxSurge } from "./surge.js";
export {
  addressesPerNode,
  dynamicAddressesPerNode,
  staticBlocksPerNode,
  podRangeKind,
  STATIC_BLOCK_SIZE,
  STATIC_BLOCK_BITS,
  POD_CIDR_BLOCK_BITS,
  blockSize,
  type PerNode,
} from "./per-node.js";
export {
  usableAddresses,
  podCidrBlocks,
  podCidrPrefixLength,
  staticBlocksIn,
  staticPodSubnetPrefixLength,
  subnetPrefixLength,
} from "./range-capacity.js";
export {
  tenantAddresses,
  poolNeeds,
  nodeSubnetAddressesNeeded,
  podSubnetAddressesNeeded,
  podSubnetBlocksNeeded,
  podCidrBlocksNeeded,
  vnetIpsNeeded,
  type PoolTarget,
  type PoolNeed,
  type Tenants,
} from "./pools.js";
export {
  fits,
  fitsProblems,
  resourceLimits,
  maxNodesWithSurge,
  type FitsInput,
  type Fit,
  type Resource,
  type ResourceLimit,
} from "./fits.js";
export {
  compare,
  modelDataplanes,
  EXAMPLE_NODE_SUBNET,
  type CompareInput,
  type CompareResult,
  type CompareRow,
  compareProblems,
  type SurgeCapacity,
  type FallbackCapacity,
  type Features,
} from "./compare.js";
export {
  size,
  needs,
  sizeProblems,
  sizeInputProblems,
  type SizeInput,
  type SizePool,
  type SizeRow,
  type SizeResult,
  type SizeProblem,
  type Needs,
} from "./size.js";
export type { Assumption as CapacityAssumption } from "./assumptions.js";
export { MAX_INPUT_NODES, type CapacityProblem } from "./input-problems.js";
export { FALLBACK_FROM, FALLBACK_ON_ADDRESS_SHORTAGE, FALLBACK_SURGE, fallbackApplies } from "./upgrade-fallback.js";
