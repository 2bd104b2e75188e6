/**
 * `compare`: one node subnet (and pod range) under every model and dataplane,
 * side by side: capacity raw and with surge, what limits it, and the features
 * that decide between models.
 */
// The prefix module alone, not the IP index: `compare` must start fast.
import { parsePrefix, type Prefix } from "../../ip/prefix.js";
import { DATAPLANES, supportsDataplane } from "../../kb/dataplanes.js";
import { DEFAULT_CIDRS } from "../../kb/default-cidrs.js";
import { defaultMaxPods, type MaxSurge } from "../../kb/defaults.js";
import { MODEL_IDS, type DataplaneId, type ModelId } from "../../kb/ids.js";
import { MODELS } from "../../kb/models/index.js";
import { type KubernetesVersion } from "../../kb/kubernetes-version.js";
import { type ModelStatus, type NetworkPolicyId } from "../../kb/model.js";
import {
  fromSourced,
  maxPodsAssumption,
  relevantAssumptions,
  surgeAssumption,
  urls,
  type Assumption,
} from "./assumptions.js";
import { fits, type Resource } from "./fits.js";
import type { PerNode } from "./per-node.js";
import { podRangeKind } from "./per-node.js";
import { staticPodSubnetPrefixLength, subnetPrefixLength } from "./ranges.js";
import { formatMaxSurge, surgeNodes } from "./surge.js";

/** The built-in example: a /24 node subnet, as in Microsoft's kubenet and Node Subnet examples. */
export const EXAMPLE_NODE_SUBNET = "10.224.0.0/24";

export interface CompareInput {
  readonly nodeSubnet?: Prefix | undefined;
  readonly podCidr?: Prefix | undefined;
  readonly podSubnet?: Prefix | undefined;
  readonly maxPods?: number | undefined;
  readonly maxSurge?: MaxSurge | undefined;
  readonly kubernetesVersion?: KubernetesVersion | undefined;
  /** Node-subnet addresses other tenants take. */
  readonly reserved?: number | undefined;
  readonly models?: readonly ModelId[] | undefined;
}

export interface SurgeCapacity {
  readonly maxSurge: string;
  readonly surgeNodes: number;
  readonly maxNodes: number;
  readonly maxPods: number;
  readonly limitedBy: Resource;
}

export interface Features {
  readonly status: ModelStatus;
  readonly windows: boolean;
  readonly networkPolicies: readonly NetworkPolicyId[];
  readonly dualStack: boolean;
  readonly podsRoutable: boolean;
  readonly virtualNodes: boolean;
  readonly kubeProxy: boolean;
  readonly agic: boolean;
  readonly applicationGatewayForContainers: boolean;
  readonly retirement: string | null;
}

export interface CompareRow {
  readonly model: ModelId;
  /** null for byo-cni: your CNI is the dataplane. */
  readonly dataplane: DataplaneId | null;
  readonly title: string;
  readonly maxPodsPerNode: number;
  readonly addressesPerNode: PerNode;
  readonly podRange: "node-subnet" | "pod-cidr" | "pod-subnet" | "cni-defined";
  readonly maxNodes: number;
  readonly maxPods: number;
  readonly limitedBy: Resource;
  readonly podsLimitedBy: "max-pods-per-node" | "cluster-pod-limit";
  readonly withSurge: SurgeCapacity;
  /** The same with the other documented default surge, when the surge is a default Microsoft states two ways. */
  readonly withAlternativeSurge: SurgeCapacity | null;
  readonly limits: readonly {
    readonly resource: Resource;
    readonly maxNodes: number;
    readonly maxNodesWithSurge: number;
  }[];
  /** Pod-subnet models without a given pod subnet: the smallest pod subnet for `maxNodes` nodes. */
  readonly podSubnetNeeded: { readonly addressesNeeded: number; readonly prefixLength: number | null } | null;
  readonly features: Features;
}

export interface CompareResult {
  readonly assumptions: Readonly<Record<string, Assumption>>;
  readonly models: readonly CompareRow[];
}

function features(model: ModelId, dataplane: DataplaneId | null): Features {
  const m = MODELS[model];
  const dp = dataplane ? DATAPLANES[dataplane] : undefined;
  const policies = dp
    ? m.networkPolicies.value.filter((p) => dp.networkPolicies.value.includes(p))
    : m.networkPolicies.value;
  return {
    status: m.status.value,
    windows: m.windows.value && (dp?.windows.value ?? false),
    networkPolicies: policies,
    dualStack: m.dualStack.value,
    podsRoutable: m.podsRoutable.value,
    virtualNodes: m.virtualNodes.value,
    kubeProxy: dp?.kubeProxy.value ?? true,
    agic: m.agic.value,
    applicationGatewayForContainers: m.applicationGatewayForContainers.value,
    retirement: m.retirement.value,
  };
}

/** Each model with the dataplanes AKS runs it on (byo-cni once, with no dataplane). */
export function modelDataplanes(
  models: readonly ModelId[] = MODEL_IDS,
): { model: ModelId; dataplane: DataplaneId | null }[] {
  return models.flatMap((model): { model: ModelId; dataplane: DataplaneId | null }[] => {
    const dps = (["azure", "cilium"] as const).filter((d) => supportsDataplane(model, d));
    return dps.length === 0 ? [{ model, dataplane: null }] : dps.map((dataplane) => ({ model, dataplane }));
  });
}

/** Compares every model (and dataplane) on one node subnet and pod range. */
export function compare(input: CompareInput = {}): CompareResult {
  const nodeSubnet = input.nodeSubnet ?? parsePrefix(EXAMPLE_NODE_SUBNET);
  const podCidr = input.podCidr ?? parsePrefix(DEFAULT_CIDRS.podCidr.value);
  const { surge, assumption: surgeA, alternative } = surgeAssumption(input.maxSurge, input.kubernetesVersion);
  const models = input.models ?? MODEL_IDS;

  const rows = modelDataplanes(models).map(({ model, dataplane }): CompareRow => {
    const maxPods = input.maxPods ?? defaultMaxPods(model).value;
    const base = { model, nodeSubnet, podCidr, podSubnet: input.podSubnet, maxPods, reserved: input.reserved };
    const f = fits({ ...base, maxSurge: surge });
    const alt = alternative ? fits({ ...base, maxSurge: alternative }) : undefined;
    const kind = podRangeKind(model);
    let podSubnetNeeded: CompareRow["podSubnetNeeded"] = null;
    if (kind === "pod-subnet" && !input.podSubnet) {
      const addressesNeeded = f.maxNodes * f.perNode.podSubnet;
      const prefixLength =
        f.perNode.podSubnetBlocks > 0
          ? staticPodSubnetPrefixLength(f.maxNodes * f.perNode.podSubnetBlocks)
          : subnetPrefixLength(addressesNeeded);
      podSubnetNeeded = { addressesNeeded, prefixLength: prefixLength ?? null };
    }
    return {
      model,
      dataplane,
      title: MODELS[model].title,
      maxPodsPerNode: maxPods,
      addressesPerNode: f.perNode,
      podRange: kind,
      maxNodes: f.maxNodes,
      maxPods: f.maxPods,
      limitedBy: f.limitedBy,
      podsLimitedBy: f.podsLimitedBy,
      withSurge: {
        maxSurge: formatMaxSurge(surge),
        surgeNodes: f.surgeNodes,
        maxNodes: f.maxNodesWithSurge,
        maxPods: f.maxPodsWithSurge,
        limitedBy: f.limitedByWithSurge,
      },
      withAlternativeSurge:
        alt && alternative
          ? {
              maxSurge: formatMaxSurge(alternative),
              surgeNodes: surgeNodes(alt.maxNodesWithSurge, alternative),
              maxNodes: alt.maxNodesWithSurge,
              maxPods: alt.maxPodsWithSurge,
              limitedBy: alt.limitedByWithSurge,
            }
          : null,
      limits: f.limits.map((l) => ({
        resource: l.resource,
        maxNodes: l.maxNodes,
        maxNodesWithSurge: l.maxNodesWithSurge,
      })),
      podSubnetNeeded,
      features: features(model, dataplane),
    };
  });

  const assumptions: Record<string, Assumption> = {
    nodeSubnet: input.nodeSubnet
      ? {
          value: nodeSubnet.toString(),
          origin: "given",
          note: "Azure keeps 5 addresses of every subnet",
          sources: ["https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq"],
        }
      : {
          value: nodeSubnet.toString(),
          origin: "default",
          note: "the /24 of Microsoft's examples (251 kubenet nodes; 8 Node Subnet nodes at 30 pods); Azure keeps 5 addresses of every subnet",
          sources: [
            "https://learn.microsoft.com/azure/aks/configure-kubenet",
            "https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni",
          ],
        },
    podCidr: input.podCidr
      ? {
          value: podCidr.toString(),
          origin: "given",
          note: "kubenet and Overlay: one /24 per node, whatever max pods is",
          sources: ["https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay"],
        }
      : {
          value: podCidr.toString(),
          origin: "default",
          note: "AKS's default pod CIDR for kubenet and Overlay; one /24 per node, whatever max pods is",
          sources: urls(DEFAULT_CIDRS.podCidr.source),
        },
    podSubnet: input.podSubnet
      ? {
          value: input.podSubnet.toString(),
          origin: "given",
          note: "the pod subnet of both pod-subnet models",
          sources: ["https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-pod-subnet"],
        }
      : {
          value: null,
          origin: "derived",
          note: "no --pod-subnet: the pod subnet is taken to be large enough, so only the node subnet limits the pod-subnet models; podSubnetNeeded gives the smallest pod subnet for their node count",
          sources: [],
        },
    maxPods: maxPodsAssumption(input.maxPods, models),
    maxSurge: surgeA,
    surgeCounting: {
      value: null,
      origin: "derived",
      note: "with surge: the most nodes N such that N plus the surge nodes for N fit, the nodes counted as one pool (a surge count is per pool: with several pools, count it once per pool); a surge count is capped at N; the 5,000-node cluster limit is applied to N alone",
      sources: [
        "https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling",
        "https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning",
      ],
    },
    dynamicAllocation: {
      value: "16·ceil((maxPods+8)/16)",
      origin: "derived",
      note: "pod-subnet addresses a full dynamic-allocation node holds: batches of 16 with at least 8 free; Microsoft's docs only say to plan at least 16 per node",
      sources: urls(MODELS["azure-cni-pod-subnet-dynamic"].podAddressing.source),
    },
    staticBlocks: {
      value: "ceil((maxPods+1)/16) × /28",
      origin: "default",
      note: "blocks per static-block node; a pod subnet hands out 2^(28−bits) − 2 blocks (the first and last /28 hold Azure's reserved addresses: derived)",
      sources: urls(MODELS["azure-cni-pod-subnet-static"].podAddressing.source),
    },
  };
  for (const model of new Set(rows.filter((x) => x.podsLimitedBy === "cluster-pod-limit").map((x) => x.model))) {
    const fact = MODELS[model].maxPodsPerCluster;
    assumptions[`clusterPodLimit:${model}`] = fromSourced(
      fact,
      (v) => v,
      `pods per cluster Microsoft documents for ${MODELS[model].title}; max pods are capped there`,
    );
  }
  if (input.kubernetesVersion)
    assumptions["kubernetesVersion"] = {
      value: `${input.kubernetesVersion.major}.${input.kubernetesVersion.minor}`,
      origin: "given",
      note: "decides the default max surge",
      sources: [],
    };
  if (input.reserved)
    assumptions["reserved"] = {
      value: input.reserved,
      origin: "given",
      note: "node-subnet addresses other tenants take",
      sources: ["https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning"],
    };
  return { assumptions: relevantAssumptions(assumptions, models), models: rows };
}
