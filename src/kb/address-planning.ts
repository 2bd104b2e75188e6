/** How Microsoft says to plan a node subnet's addresses: which nodes to count, and the formula. */
import { aksDoc, sourced, type Sourced } from "./source.js";

const IP_PLANNING = (note: string) => aksDoc("concepts-network-ip-address-planning", note);

export interface AddressPlanning {
  /**
   * The nodes to plan addresses for: the count plus the scale-out you anticipate (the autoscaler maximum) plus max
   * surge.
   */
  readonly nodesToPlanFor: Sourced<string>;
  /** The Node Subnet formula and its documented example: 50 nodes, max surge 1, 30 pods → 1,581 addresses (a /21). */
  readonly subnetFormula: Sourced<{ readonly formula: string; readonly nodes: number; readonly addresses: number }>;
}

export const ADDRESS_PLANNING: AddressPlanning = {
  nodesToPlanFor: sourced(
    "n + scale-out nodes + max surge",
    IP_PLANNING("your node count is then n + number-of-additional-scaled-nodes-you-anticipate + max surge"),
    { checked: "2026-12-06" },
  ),
  subnetFormula: sourced(
    { formula: "(nodes + max surge) + (nodes + max surge) × max pods", nodes: 50, addresses: 1581 },
    IP_PLANNING("example for a 50-node cluster: (51) + (51 * 30 (default)) = 1,581 (/21 or larger)"),
    { checked: "2026-12-06" },
  ),
};
