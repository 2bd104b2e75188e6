/**
 * Views: what the web page and the CLI draw, as data computed from a plan by the other engines.
 * - `addressMap(plan)`: every range of a plan on to-scale axes, overlaps marked (panels, lanes, bars).
 * - `vnetMap(plan, { splits })`: the VNet cut into subnets, proposed subnets, avoided ranges and free blocks
 *   (split/join, one edit from a subnet: `addSubnetEdit`, `splitBlock`, `joinBlock`).
 * - `chartData(input)`: node-subnet addresses needed against node count, per model, with the capacity line.
 * - `verdictOf(plan, findings)`: the headline: fits or fails and why, headroom in nodes, the first action.
 * - `targetText(recommendation)`: the one-line description of what a recommendation was made for.
 * @module
 */
export { addressMap, type AddressMap, type MapPanel, type MapLane, type MapItem, type MapKind } from "./address-map.js";
export { chartData, type ChartData, type ChartInput, type ChartSeries } from "./chart.js";
export { targetText } from "./target-text.js";
export { verdictOf, headroomOf, LIMIT_WORDS, type PlanVerdict, type Limit } from "./verdict.js";
export {
  vnetMap,
  addSubnetEdit,
  splitBlock,
  joinBlock,
  purposeTitle,
  PURPOSE_WORDS,
  type VnetMap,
  type VnetMapOptions,
  type VnetSpaceMap,
  type VnetBlock,
  type VnetBlockKind,
} from "./vnet-map.js";
