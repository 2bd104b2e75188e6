/**
 * The shape of the facts about one kind of subnet beside a cluster's node and pod
 * subnets (API server, Application Gateway for Containers, hub subnets …): its
 * required name and delegation, whether it must be dedicated, its size bounds and
 * what one unit of use takes. Kind files add their own facts beside these.
 */
import type { Sourced } from "../source.js";

export const SUBNET_KIND_IDS = [
  "apiServer",
  "applicationGatewayForContainers",
  "applicationGateway",
  "azureFirewall",
  "azureFirewallManagement",
  "bastion",
  "virtualNetworkGateway",
  "privateEndpoints",
  "internalLoadBalancers",
  "virtualNodes",
] as const;

export type SubnetKindId = (typeof SUBNET_KIND_IDS)[number];

/** What one unit of use takes from the subnet (a cluster, an endpoint, an instance …). */
export interface UnitUse {
  readonly unit: string;
  readonly addresses: number;
}

export interface SubnetKindFacts {
  readonly id: SubnetKindId;
  readonly title: string;
  /** The name Azure requires for the subnet; null when any name will do. */
  readonly requiredName: Sourced<string | null>;
  /** The service the subnet must be delegated to; null when it must not need one. */
  readonly delegation: Sourced<string | null>;
  /** Whether nothing but this kind's resources may use the subnet. */
  readonly dedicated: Sourced<boolean>;
  /** The longest prefix (the smallest subnet) supported: 28 means /28 or larger. */
  readonly maxPrefixLength: Sourced<number>;
  /** The shortest prefix (the largest subnet) supported, when one is documented; null: none beyond Azure's. */
  readonly minPrefixLength: Sourced<number | null>;
  /** The size aksnet lays out by default: Microsoft's recommendation, or the minimum when none is given. */
  readonly recommendedPrefixLength: Sourced<number>;
  /** What one unit of use takes; null when the kind has no per-unit rule. */
  readonly unitUse: Sourced<UnitUse | null>;
}

/** Identity helper for type inference, keeping a kind's extra facts. */
export function defineSubnetKind<T extends SubnetKindFacts>(facts: T): T {
  return facts;
}
