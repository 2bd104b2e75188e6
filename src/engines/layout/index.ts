/**
 * Laying out a cluster's VNet (`aksnet layout`): which subnets a plan needs,
 * what each must hold, and where each goes.
 * - `layoutPlan(plan, { growth, addressSpaces })` → every subnet (existing, placed, unplaced), the edits that
 *   write the laid-out plan, problems and assumptions; `applyEdits(doc, edits)`; `applyEditsToText(text, edits)`
 *   (the same edits written into YAML or JSON text, comments kept).
 * - `placeSubnets(spaces, taken, requests)`: the geometry alone, on the IP core's `PrefixAllocator`.
 * - `subnetPurposes(plan)`, `purposeOf`, `subnetReferences`: what each subnet is for.
 * - `subnetDemand(plan, name, kind)`: what a subnet must hold; `napPoolsIn`, `napSurge`, `napMaxPods`;
 *   `napSizePools(plan)`, `napSizeAssumption(plan)`: NAP NodePools as sizing pools (a plan without pools).
 * - `layoutView(result)`: the address map as data (segments per address space) for the web page and the CLI.
 * @module
 */
export {
  layoutPlan,
  type LayoutOptions,
  type LayoutResult,
  type LayoutSubnet,
  type LayoutProblem,
  type LayoutStatus,
} from "./layout.js";
export { placeSubnets, type PlacementRequest, type Placement, type PlaceResult, type Unplaced } from "./place.js";
export { subnetPurposes, purposeOf, subnetReferences, type LayoutKind, type Purpose } from "./purpose.js";
export { subnetDemand, napPoolsIn, napSurge, napMaxPods, defaultNapSubnet, type Demand } from "./demand.js";
export { automaticNetwork, napSizePools, napSizeAssumption, type AutomaticNetwork } from "./nap-pools.js";
export { neededSubnets, DEFAULT_NAMES, type PlanEdit, type Need } from "./needs.js";
export { applyEdits } from "./edits.js";
export { applyEditsToText } from "./text-edits.js";
export { subnetSizes, type SubnetSize } from "./sizes.js";
export { layoutView, type LayoutView, type MapSpace, type MapSegment, type SegmentKind } from "./view.js";
export {
  extraSubnetSizes,
  extraSubnetSizesByModel,
  type ModelSubnetSize,
  extraSubnetProblems,
  type ExtraSubnetCounts,
  type ExtraSubnetProblem,
} from "./extra-sizes.js";
