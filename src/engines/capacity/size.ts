/**
 * `size`: what is needed. For target node pools (nodes or autoscaler maximum,
 * max pods, surge) and other node-subnet tenants, each model's addresses and
 * smallest prefix for the node subnet, pod subnet and pod CIDR, and the platform
 * limits the target would break (findings, not exceptions).
 */
import { MODEL_IDS, type DataplaneId, type ModelId } from "../../kb/ids.js";
import { MODELS } from "../../kb/models/index.js";
import { PLATFORM_LIMITS } from "../../kb/platform-limits.js";
import { type KubernetesVersion } from "../../kb/kubernetes-version.js";
import { type MaxSurge } from "../../kb/defaults.js";
import { maxPodsAssumption, relevantAssumptions, surgeAssumption, type Assumption } from "./assumptions.js";
import { modelDataplanes } from "./compare.js";
import { podRangeKind } from "./per-node.js";
import {
  nodeSubnetAddressesNeeded,
  podCidrBlocksNeeded,
  podSubnetAddressesNeeded,
  podSubnetBlocksNeeded,
  poolNeeds,
  tenantAddresses,
  vnetIpsNeeded,
  type PoolTarget,
  type Tenants,
} from "./pools.js";
import { podCidrPrefixLength, staticPodSubnetPrefixLength, subnetPrefixLength } from "./ranges.js";
import { formatMaxSurge } from "./surge.js";

export interface SizePool {
  readonly name: string;
  /** The nodes to reserve for: count, or the autoscaler's maxCount. */
  readonly nodes: number;
  readonly maxPods?: number | undefined;
  /** The pool's max surge; the default for the Kubernetes version when absent. */
  readonly maxSurge?: MaxSurge | undefined;
}

export interface SizeInput {
  readonly pools: readonly SizePool[];
  readonly tenants?: Tenants | undefined;
  readonly models?: readonly ModelId[] | undefined;
  readonly kubernetesVersion?: KubernetesVersion | undefined;
}

export interface SizeProblem {
  readonly code:
    | "route-table-limit"
    | "pool-node-limit"
    | "cluster-node-limit"
    | "vnet-ip-limit"
    | "cluster-pod-limit"
    | "pool-pods-below-minimum"
    | "max-pods-out-of-range"
    | "no-subnet-large-enough"
    | "static-pod-subnet-too-large";
  readonly message: string;
}

export interface Needs {
  readonly surgeNodes: number;
  readonly nodeSubnet: { readonly addressesNeeded: number; readonly prefixLength: number | null };
  readonly podSubnet: {
    readonly addressesNeeded: number;
    readonly blocksNeeded: number | null;
    readonly prefixLength: number | null;
  } | null;
  readonly podCidr: { readonly blocksNeeded: number; readonly prefixLength: number | null } | null;
}

export interface SizeRow extends Needs {
  readonly model: ModelId;
  readonly dataplane: DataplaneId | null;
  readonly title: string;
  readonly nodes: number;
  readonly pods: number;
  readonly pools: readonly {
    readonly name: string;
    readonly nodes: number;
    readonly surgeNodes: number;
    readonly maxPods: number;
    readonly maxSurge: string;
  }[];
  /** The same with the other documented default surge, when surge was defaulted and Microsoft states it two ways. */
  readonly withAlternativeSurge: (Needs & { readonly maxSurge: string }) | null;
  readonly problems: readonly SizeProblem[];
}

export interface SizeResult {
  readonly assumptions: Readonly<Record<string, Assumption>>;
  readonly models: readonly SizeRow[];
}

const n = (x: number) => x.toLocaleString("en-US");

/** Addresses and smallest prefixes `model` needs for `pools`. */
export function needs(model: ModelId, pools: readonly PoolTarget[], tenants: Tenants = {}): Needs {
  const kind = podRangeKind(model);
  const nodeAddresses = nodeSubnetAddressesNeeded(model, pools, tenants);
  const surge = poolNeeds(model, pools).reduce((a, p) => a + p.surgeNodes, 0);
  let podSubnet: Needs["podSubnet"] = null;
  if (kind === "pod-subnet") {
    const blocks = podSubnetBlocksNeeded(model, pools);
    const addresses = podSubnetAddressesNeeded(model, pools);
    const prefixLength = blocks > 0 ? staticPodSubnetPrefixLength(blocks) : subnetPrefixLength(addresses);
    podSubnet = {
      addressesNeeded: addresses,
      blocksNeeded: MODELS[model].podAddressing.value.kind === "pod-subnet-block" ? blocks : null,
      prefixLength: prefixLength ?? null,
    };
  }
  let podCidr: Needs["podCidr"] = null;
  if (kind === "pod-cidr") {
    const blocks = podCidrBlocksNeeded(pools);
    podCidr = { blocksNeeded: blocks, prefixLength: podCidrPrefixLength(blocks) ?? null };
  }
  return {
    surgeNodes: surge,
    nodeSubnet: { addressesNeeded: nodeAddresses, prefixLength: subnetPrefixLength(nodeAddresses) ?? null },
    podSubnet,
    podCidr,
  };
}

/** The platform limits a target breaks under `model`. */
export function sizeProblems(model: ModelId, pools: readonly PoolTarget[], n_: Needs): SizeProblem[] {
  const problems: SizeProblem[] = [];
  const facts = MODELS[model];
  const resolved = poolNeeds(model, pools);
  const slots = resolved.reduce((a, p) => a + p.nodes + p.surgeNodes, 0);
  const nodes = resolved.reduce((a, p) => a + p.nodes, 0);
  const pods = resolved.reduce((a, p) => a + p.nodes * p.maxPods, 0);
  if (facts.maxNodes.value.by === "route-table" && slots > facts.maxNodes.value.count)
    problems.push({
      code: "route-table-limit",
      message: `${n(slots)} nodes with surge need ${n(slots)} routes, but a kubenet route table holds ${n(facts.maxNodes.value.count)}`,
    });
  if (nodes > PLATFORM_LIMITS.nodesPerCluster.value)
    problems.push({
      code: "cluster-node-limit",
      message: `${n(nodes)} nodes exceed the ${n(PLATFORM_LIMITS.nodesPerCluster.value)} nodes a cluster may have`,
    });
  for (const p of resolved) {
    if (p.nodes + p.surgeNodes > PLATFORM_LIMITS.nodesPerPool.value)
      problems.push({
        code: "pool-node-limit",
        message: `pool ${p.name}: ${n(p.nodes)} nodes and ${n(p.surgeNodes)} surge nodes exceed the ${n(PLATFORM_LIMITS.nodesPerPool.value)} a node pool may hold, surge included; split them over several pools`,
      });
    if (p.maxPods < facts.minMaxPods.value || p.maxPods > facts.maxPodsPerNode.value)
      problems.push({
        code: "max-pods-out-of-range",
        message: `pool ${p.name}: max pods ${p.maxPods} is outside ${facts.minMaxPods.value}–${facts.maxPodsPerNode.value}`,
      });
    if (p.nodes > 0 && p.nodes * p.maxPods < PLATFORM_LIMITS.minPodsPerPool.value)
      problems.push({
        code: "pool-pods-below-minimum",
        message: `pool ${p.name}: ${p.nodes} nodes × ${p.maxPods} pods is below the ${PLATFORM_LIMITS.minPodsPerPool.value} pods every pool must hold`,
      });
  }
  const vnetIps = vnetIpsNeeded(model, pools);
  if (vnetIps > PLATFORM_LIMITS.vnetPrivateIps.value)
    problems.push({
      code: "vnet-ip-limit",
      message: `the cluster takes ${n(vnetIps)} VNet private IPs, more than the ${n(PLATFORM_LIMITS.vnetPrivateIps.value)} a VNet may hold`,
    });
  const podCap = facts.maxPodsPerCluster.value;
  if (podCap !== null && facts.podAddressing.value.kind === "pod-cidr-block" && pods > podCap)
    problems.push({
      code: "cluster-pod-limit",
      message: `${n(pods)} pods exceed the ${n(podCap)} pods per cluster Microsoft documents for ${facts.title}`,
    });
  if (n_.nodeSubnet.prefixLength === null)
    problems.push({
      code: "no-subnet-large-enough",
      message: `no Azure subnet holds ${n(n_.nodeSubnet.addressesNeeded)} node-subnet addresses`,
    });
  if (n_.podSubnet && n_.podSubnet.prefixLength === null)
    problems.push({
      code: "no-subnet-large-enough",
      message: `no Azure subnet holds the ${n(n_.podSubnet.addressesNeeded)} pod-subnet addresses needed`,
    });
  if (n_.podCidr && n_.podCidr.prefixLength === null)
    problems.push({
      code: "no-subnet-large-enough",
      message: `no IPv4 pod CIDR holds ${n(n_.podCidr.blocksNeeded)} /24 blocks`,
    });
  const shortest = PLATFORM_LIMITS.staticBlockPodSubnetShortestBits.value;
  if (
    facts.podAddressing.value.kind === "pod-subnet-block" &&
    n_.podSubnet?.prefixLength != null &&
    n_.podSubnet.prefixLength < shortest
  )
    problems.push({
      code: "static-pod-subnet-too-large",
      message: `a static-block pod subnet may be at most /${shortest}, but /${n_.podSubnet.prefixLength} is needed`,
    });
  return problems;
}

/** One value for every pool as `single`, or the per-pool values when the pools differ. */
function perPool(
  pools: readonly SizePool[],
  show: (p: SizePool) => string | number,
  what: string,
  single: Assumption,
): Assumption {
  const values = new Set(pools.map(show));
  if (values.size <= 1) return single;
  return {
    value: null,
    origin: "given",
    note: `${what} per pool: ${pools.map((p) => `${p.name} ${show(p)}`).join(", ")}`,
    sources: [],
  };
}

/** Max pods: the pools' own (or the flag's) values, and each model's default for pools without one. */
function poolMaxPodsAssumption(pools: readonly SizePool[], models: readonly ModelId[]): Assumption {
  const own = pools.filter((p) => p.maxPods !== undefined);
  if (own.length === pools.length) {
    const first = pools[0]?.maxPods ?? null;
    const single: Assumption = {
      value: first,
      origin: "given",
      note: pools.length > 1 ? "max pods per node of every pool" : "max pods per node for every model",
      sources: [],
    };
    return perPool(pools, (p) => p.maxPods ?? "", "max pods per node", single);
  }
  const d = maxPodsAssumption(undefined, models);
  if (own.length === 0) return d;
  return {
    ...d,
    note: `pools ${pools
      .filter((p) => p.maxPods === undefined)
      .map((p) => p.name)
      .join(", ")} take ${d.note}; ${own.map((p) => `${p.name} ${p.maxPods}`).join(", ")} are given`,
  };
}

/** Sizes every model (and dataplane) for the target pools. */
export function size(input: SizeInput): SizeResult {
  const models = input.models ?? MODEL_IDS;
  const allSurges = input.pools.every((p) => p.maxSurge !== undefined);
  const given = allSurges ? input.pools[0]?.maxSurge : undefined;
  const { surge, assumption: surgeA, alternative } = surgeAssumption(given, input.kubernetesVersion);
  const withSurge = (s: MaxSurge): PoolTarget[] =>
    input.pools.map((p) => ({ name: p.name, nodes: p.nodes, maxPods: p.maxPods, maxSurge: p.maxSurge ?? s }));
  const pools = withSurge(surge);
  const altPools =
    alternative && input.pools.some((p) => p.maxSurge === undefined) ? withSurge(alternative) : undefined;
  const tenants = input.tenants ?? {};

  const perModel = new Map<ModelId, Omit<SizeRow, "dataplane">>();
  for (const model of models) {
    const need = needs(model, pools, tenants);
    const resolved = poolNeeds(model, pools);
    perModel.set(model, {
      model,
      title: MODELS[model].title,
      nodes: resolved.reduce((a, p) => a + p.nodes, 0),
      pods: resolved.reduce((a, p) => a + p.nodes * p.maxPods, 0),
      ...need,
      pools: resolved.map((p, i) => ({
        name: p.name,
        nodes: p.nodes,
        surgeNodes: p.surgeNodes,
        maxPods: p.maxPods,
        maxSurge: formatMaxSurge(pools[i]?.maxSurge ?? surge),
      })),
      withAlternativeSurge:
        altPools && alternative ? { maxSurge: formatMaxSurge(alternative), ...needs(model, altPools, tenants) } : null,
      problems: sizeProblems(model, pools, need),
    });
  }
  const rows = modelDataplanes(models).map(({ model, dataplane }): SizeRow => ({
    ...(perModel.get(model) as Omit<SizeRow, "dataplane">),
    dataplane,
  }));

  const assumptions: Record<string, Assumption> = {
    nodes: {
      value: input.pools.reduce((a, p) => a + p.nodes, 0),
      origin: "given",
      note: "nodes to reserve addresses for: a pool's count, or its autoscaler maxCount, which AKS reserves up front",
      sources: ["https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning"],
    },
    maxPods: poolMaxPodsAssumption(input.pools, models),
    maxSurge: allSurges
      ? perPool(input.pools, (p) => (p.maxSurge ? formatMaxSurge(p.maxSurge) : ""), "max surge", surgeA)
      : { ...surgeA, note: `${surgeA.note}; for pools without their own max surge` },
    formula: {
      value: "(nodes + surge) × per-node addresses + tenants",
      origin: "default",
      note: "Microsoft's subnet formula; the node subnet also loses Azure's 5 reserved addresses, which the prefix length accounts for",
      sources: ["https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning"],
    },
    podCidr: {
      value: "one /24 per node and surge node",
      origin: "default",
      note: "kubenet and Overlay: each node takes a whole /24 of the pod CIDR whatever its max pods; byo-cni: your CNI decides",
      sources: [
        "https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay",
        "https://learn.microsoft.com/azure/aks/configure-kubenet",
      ],
    },
    dynamicAllocation: {
      value: "16·ceil((maxPods+8)/16)",
      origin: "derived",
      note: "pod-subnet addresses a full dynamic-allocation node holds: batches of 16 with at least 8 free; Microsoft's docs only say to plan at least 16 per node",
      sources: [
        "https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation",
        "Azure/azure-container-networking:docs/feature/ipammath/0-background.md",
      ],
    },
    staticBlocks: {
      value: "ceil((maxPods+1)/16) × /28",
      origin: "default",
      note: "blocks per static-block node; a pod subnet hands out 2^(28−bits) − 2 blocks (the first and last /28 hold Azure's reserved addresses: derived)",
      sources: ["https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation"],
    },
  };
  const t = tenantAddresses(tenants);
  if (t > 0)
    assumptions["tenants"] = {
      value: t,
      origin: "given",
      note: `other node-subnet addresses: internal load balancer IPs ${tenants.internalLoadBalancerIps ?? 0}, private endpoints ${tenants.privateEndpoints ?? 0}, other ${tenants.other ?? 0}`,
      sources: ["https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning"],
    };
  if (input.kubernetesVersion)
    assumptions["kubernetesVersion"] = {
      value: `${input.kubernetesVersion.major}.${input.kubernetesVersion.minor}`,
      origin: "given",
      note: "decides the default max surge",
      sources: [],
    };
  return { assumptions: relevantAssumptions(assumptions, models), models: rows };
}
