/**
 * The shape of one IPAM model's facts. Every field but `id`, `title` and
 * `config` is `Sourced`; the data lint (`lint/`) checks that at run time too.
 */
import type { DataplaneId, ModelId } from "./ids.js";
import type { Sourced } from "./source.js";

/** Network policy engines AKS manages (`none` is always possible). */
export type NetworkPolicyId = "azure" | "calico" | "cilium";

/** Microsoft's standing for a model. */
export type ModelStatus = "recommended" | "legacy" | "retiring" | "customer-managed";

/**
 * The unit of addresses a node takes for its pods:
 * - `node-subnet`: maxPods addresses from the node subnet, reserved when the node is created;
 * - `pod-cidr-block`: one block of `bits` (a /24) from the pod CIDR, whatever maxPods is;
 * - `pod-subnet-batch`: batches of `batch` addresses from the pod subnet, another batch when fewer than `minFree` are
 *   free, never more than the node's IP limit (`requestCap`, and its max pods), plus `primaryIpsPerNode`;
 * - `pod-subnet-block`: whole /`bits` blocks (a /28) from the pod subnet, ceil((maxPods+1)/16) of them, fixed for the
 *   node's lifetime;
 * - `cni-defined`: whatever the customer's CNI does.
 */
export type PodAddressing =
  | { readonly kind: "node-subnet" }
  | { readonly kind: "pod-cidr-block"; readonly bits: number }
  | {
      readonly kind: "pod-subnet-batch";
      readonly batch: number;
      readonly minFree: number;
      readonly releaseAbove: number;
      /** The most secondary IPs the node agent (CNS) ever requests for one node. */
      readonly requestCap: number;
      /**
       * Whether the node's own max pods also caps the request (the control plane's maxIPCount is the node's pod
       * capacity).
       */
      readonly requestCapIsMaxPods: boolean;
      /** Pod-subnet addresses a node takes besides its pods' (its network container's primary IP). */
      readonly primaryIpsPerNode: number;
    }
  | { readonly kind: "pod-subnet-block"; readonly bits: number }
  | { readonly kind: "cni-defined" };

/**
 * How pod traffic is routed:
 * - `route-table-nat`: a route table (UDR) with one route per node, pod traffic NAT'd to the node IP;
 * - `direct-snat-outside-vnet`: pods have VNet addresses, SNAT to the node IP only outside the VNet;
 * - `direct`: pods have VNet addresses and keep them end to end;
 * - `overlay-snat`: a separate routing domain for the pod CIDR, SNAT to the node IP when leaving it;
 * - `cni-defined`: whatever the customer's CNI does.
 */
export type Routing = "route-table-nat" | "direct-snat-outside-vnet" | "direct" | "overlay-snat" | "cni-defined";

/** What bounds the node count of a model: a route table's route limit or the cluster maximum. */
export interface NodeLimit {
  readonly count: number;
  readonly by: "route-table" | "platform";
}

/** How a cluster of the model is declared (the AKS network profile and pool fields). */
export interface ModelConfig {
  readonly plugin: "azure" | "kubenet" | "none";
  readonly pluginMode?: "overlay";
  readonly podSubnet: boolean;
  readonly podIpAllocation?: "DynamicIndividual" | "StaticBlock";
}

export interface ModelFacts {
  readonly id: ModelId;
  readonly title: string;
  readonly config: ModelConfig;
  readonly status: Sourced<ModelStatus>;
  /** Where node addresses come from. */
  readonly nodeAddresses: Sourced<string>;
  /** Where pod addresses come from. */
  readonly podAddresses: Sourced<string>;
  readonly podAddressing: Sourced<PodAddressing>;
  readonly routing: Sourced<Routing>;
  /** Whether hosts in the VNet (and connected networks) can reach pod IPs directly. */
  readonly podsRoutable: Sourced<boolean>;
  readonly maxNodes: Sourced<NodeLimit>;
  readonly maxPodsPerNode: Sourced<number>;
  readonly defaultMaxPods: Sourced<number>;
  readonly minMaxPods: Sourced<number>;
  /** Pods per cluster, where a documented limit exists (null: none documented). */
  readonly maxPodsPerCluster: Sourced<number | null>;
  readonly networkPolicies: Sourced<readonly NetworkPolicyId[]>;
  readonly dataplanes: Sourced<readonly DataplaneId[]>;
  readonly windows: Sourced<boolean>;
  readonly virtualNodes: Sourced<boolean>;
  /** Application Gateway Ingress Controller. */
  readonly agic: Sourced<boolean>;
  /** Application Gateway for Containers. */
  readonly applicationGatewayForContainers: Sourced<boolean>;
  /** Exposing a Kubernetes LoadBalancer service as a Private Link Service (the `azure-pls-create` annotation). */
  readonly privateLinkService: Sourced<boolean>;
  readonly dualStack: Sourced<boolean>;
  /** End of support, YYYY-MM-DD, or null. */
  readonly retirement: Sourced<string | null>;
}

/** Identity helper for type inference. */
export function defineModel(facts: ModelFacts): ModelFacts {
  return facts;
}

/** The fields of `ModelFacts` that hold sourced values, in display order. */
export const MODEL_FACT_KEYS = [
  "status",
  "nodeAddresses",
  "podAddresses",
  "podAddressing",
  "routing",
  "podsRoutable",
  "maxNodes",
  "maxPodsPerNode",
  "defaultMaxPods",
  "minMaxPods",
  "maxPodsPerCluster",
  "networkPolicies",
  "dataplanes",
  "windows",
  "virtualNodes",
  "agic",
  "applicationGatewayForContainers",
  "privateLinkService",
  "dualStack",
  "retirement",
] as const satisfies readonly (keyof ModelFacts)[];
