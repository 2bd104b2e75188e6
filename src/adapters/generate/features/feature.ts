/**
 * The seam for parts of a cluster the three generators write the same way: a
 * feature module reads the checked plan and hands each generator pieces to put
 * at fixed places (resources before the VNet, properties of a subnet, of the
 * cluster or of a pool, resources after the cluster). A generator asks every
 * feature in `features/index.ts` and writes what they return in order; a
 * feature that has nothing to add returns nothing. Values in the pieces must
 * come from `toGenPlan`'s checked plan, already quoted for the language (az:
 * `shellQuote`; Bicep and HCL values are quoted by their writers).
 */
import type { Arg } from "../az-words.js";
import type { BicepValue } from "../bicep-writer.js";
import type { HclItem } from "../hcl.js";
import type { GenPlan, GenPool, GenSubnet } from "../model.js";

export interface AzPieces {
  /** Commands after the resource groups, before the VNet (e.g. a route table its subnets attach to). */
  readonly beforeVnet?: readonly string[];
  /** Extra arguments of `az network vnet subnet create` for the subnet. */
  readonly subnetArgs?: (subnet: GenSubnet) => readonly Arg[];
  /** Extra arguments of `az aks create`. */
  readonly clusterArgs?: readonly Arg[];
  /** Extra arguments of `az aks create` (first System pool) or `az aks nodepool add` for the pool. */
  readonly poolArgs?: (pool: GenPool) => readonly Arg[];
  /** Commands (or comments) after the cluster and its pools. */
  readonly afterCluster?: readonly string[];
}

export interface BicepPieces {
  /** Resource declarations (whole text, each ending in a blank line) before the VNet. */
  readonly resources?: readonly string[];
  /** Extra properties of the subnet in the created VNet. */
  readonly subnetProperties?: (subnet: GenSubnet) => Readonly<Record<string, BicepValue>>;
  /** Extra `properties` of the managed cluster. */
  readonly clusterProperties?: Readonly<Record<string, BicepValue>>;
  /** Extra properties of the managed cluster's `networkProfile`. */
  readonly networkProfile?: Readonly<Record<string, BicepValue>>;
  /** Text (resources, comments) after the managed cluster. */
  readonly afterCluster?: readonly string[];
  /** Extra properties of the pool's `agentPoolProfiles` entry. */
  readonly poolProperties?: (pool: GenPool) => Readonly<Record<string, BicepValue>>;
}

export interface TerraformPieces {
  /** Blocks after the VNet and subnets, before the cluster. */
  readonly resources?: readonly HclItem[];
  /** Addresses the cluster must wait for (`depends_on`), e.g. a route table association AKS validates at create. */
  readonly clusterDependsOn?: readonly string[];
  /** Extra items of `azurerm_kubernetes_cluster`. */
  readonly clusterItems?: readonly HclItem[];
  /** Extra items of the pool's `default_node_pool` or node pool resource. */
  readonly poolItems?: (pool: GenPool) => readonly HclItem[];
  /** Items (blocks, comments) after the cluster and its pools. */
  readonly afterCluster?: readonly HclItem[];
}

/** How a feature refers to a subnet of the plan's VNet in each language. */
export interface AzRefs {
  /** The quoted shell variable holding the subnet's resource ID, e.g. `"$SUBNET_NODES_ID"`. */
  readonly subnetId: (name: string) => string;
}
export interface BicepRefs {
  readonly subnetId: (name: string) => BicepValue;
}
export interface TerraformRefs {
  /** The subnet's resource or data source address, e.g. `azurerm_subnet.nodes`. */
  readonly subnet: (name: string) => string;
}

export interface GenFeature {
  readonly az?: (plan: GenPlan, refs: AzRefs) => AzPieces;
  readonly bicep?: (plan: GenPlan, refs: BicepRefs) => BicepPieces;
  readonly terraform?: (plan: GenPlan, refs: TerraformRefs) => TerraformPieces;
}
