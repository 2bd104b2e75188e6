/**
 * `compare`: one node subnet (and pod range) under every model and dataplane, side by side: capacity raw and
 * with surge (and with the one-node fallback surge from Kubernetes 1.35), what limits it, and the features
 * that decide between models. Input is checked first: a bad input returns problems and no rows.
 */
import { describeValue, parsePrefix, type Prefix } from "../../ip/index.js";
import {
  AZURE_SUBNET,
  DATAPLANES,
  DEFAULT_CIDRS,
  defaultMaxPods,
  EXAMPLE_NODE_SUBNET_BITS,
  isModelId,
  MODEL_IDS,
  MODELS,
  sourceUrls,
  SUBNET_KINDS,
  supportsDataplane,
  UPGRADE,
  type DataplaneId,
  type KubernetesVersion,
  type MaxSurge,
  type ModelId,
  type ModelStatus,
  type NetworkPolicyId,
  type SkuTier,
} from "../../kb/index.js";
import {
  AZURE_RESERVED_NOTE,
  dynamicAllocationAssumption,
  fromSourced,
  maxPodsAssumption,
  relevantAssumptions,
  staticBlocksAssumption,
  surgeAssumption,
  tierAssumption,
  urls,
  type Assumption,
} from "./assumptions.js";
import { fits, type Fit, type Resource } from "./fits.js";
import { InputChecker, type CapacityProblem } from "./input-problems.js";
import { podRangeKind, type PerNode } from "./per-node.js";
import { staticPodSubnetPrefixLength, subnetPrefixLength } from "./range-capacity.js";
import { formatMaxSurge, surgeNodes } from "./surge.js";
import {
  FALLBACK_FROM,
  FALLBACK_ON_ADDRESS_SHORTAGE,
  FALLBACK_SURGE,
  fallbackApplies,
  surgeAboveFallback,
} from "./upgrade-fallback.js";

/** The built-in example: a /24 node subnet at the start of AKS's managed subnet, as in Microsoft's examples. */
const MANAGED_SUBNET_START = DEFAULT_CIDRS.managedSubnet.value.split("/")[0] ?? "10.224.0.0";
export const EXAMPLE_NODE_SUBNET = `${MANAGED_SUBNET_START}/${EXAMPLE_NODE_SUBNET_BITS.value}`;

export interface CompareInput {
  readonly nodeSubnet?: Prefix | undefined;
  readonly podCidr?: Prefix | undefined;
  readonly podSubnet?: Prefix | undefined;
  readonly maxPods?: number | undefined;
  readonly maxSurge?: MaxSurge | undefined;
  /** Nodes upgraded in place at a time; with `maxSurge` 0 it replaces surge (no extra addresses). */
  readonly maxUnavailable?: MaxSurge | undefined;
  readonly kubernetesVersion?: KubernetesVersion | undefined;
  /** Node-subnet addresses other tenants take. */
  readonly reserved?: number | undefined;
  readonly models?: readonly ModelId[] | undefined;
  /** The pricing tier; the API default (Free, 1,000 nodes) when absent. */
  readonly tier?: SkuTier | undefined;
}

export interface SurgeCapacity {
  readonly maxSurge: string;
  readonly surgeNodes: number;
  readonly maxNodes: number;
  readonly maxPods: number;
  readonly limitedBy: Resource;
}

/** The capacity with the one-node surge AKS falls back to from Kubernetes 1.35. */
export interface FallbackCapacity extends SurgeCapacity {
  readonly fromKubernetes: string;
  /** true from 1.35, false before (the upgrade fails instead), null when no version was given. */
  readonly applies: boolean | null;
  /**
   * Whether a page says the fallback covers a subnet without room for the surge (kb
   * upgrade.surgeFallbackOnAddressShortage). false: these numbers are aksnet's reading, not documented behaviour.
   */
  readonly documentedForSubnet: boolean;
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
  /** A Kubernetes LoadBalancer service exposed as a Private Link Service (unsupported with static blocks). */
  readonly privateLinkService: boolean;
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
  /**
   * The same with one surge node (AKS's fallback from 1.35, documented for quota or capacity failures; read as
   * covering a subnet without room for the surge, which no page says), when the surge can be more than one node.
   */
  readonly withFallbackSurge: FallbackCapacity | null;
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
  /** Errors in the input (then `models` is empty) and warnings about it. */
  readonly problems: readonly CapacityProblem[];
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
    privateLinkService: m.privateLinkService.value,
    retirement: m.retirement.value,
  };
}

/** Each model with the dataplanes AKS runs it on (byo-cni once, with no dataplane). */
export function modelDataplanes(
  models: readonly ModelId[] = MODEL_IDS,
): { model: ModelId; dataplane: DataplaneId | null }[] {
  // A value from JavaScript that is not a list of model ids gives no rows for what is not a model.
  return (Array.isArray(models) ? models.filter(isModelId) : []).flatMap(
    (model): { model: ModelId; dataplane: DataplaneId | null }[] => {
      const dps = (["azure", "cilium"] as const).filter((d) => supportsDataplane(model, d));
      return dps.length === 0 ? [{ model, dataplane: null }] : dps.map((dataplane) => ({ model, dataplane }));
    },
  );
}

/** The input's problems: errors stop the comparison, warnings go with the answer. */
export function compareProblems(input: CompareInput): CapacityProblem[] {
  const c = new InputChecker();
  c.prefix("nodeSubnet", input.nodeSubnet, "subnet");
  c.prefix("podCidr", input.podCidr, "range");
  c.prefix("podSubnet", input.podSubnet, "subnet");
  c.maxPods("maxPods", input.maxPods);
  c.nodeSetting("maxSurge", input.maxSurge);
  c.nodeSetting("maxUnavailable", input.maxUnavailable);
  c.addresses("reserved", input.reserved);
  c.models("models", input.models);
  c.version("kubernetesVersion", input.kubernetesVersion);
  c.tier("tier", input.tier);
  if (c.failed) return c.problems;
  const noSurge = input.maxSurge?.kind === "count" && input.maxSurge.count === 0;
  const unavailable = input.maxUnavailable;
  const inPlace = unavailable !== undefined && !(unavailable.kind === "count" && unavailable.count === 0);
  if (noSurge && !inPlace)
    c.problems.push({
      severity: "warning",
      code: "surge-required",
      field: "maxSurge",
      message:
        "max surge 0 with max unavailable 0 (the default) is refused by AKS: it needs maxSurge above 0 unless " +
        "maxUnavailable is; give a max unavailable to upgrade in place",
    });
  return c.problems;
}

function surgeCapacity(f: Fit, surge: MaxSurge): SurgeCapacity {
  return {
    maxSurge: formatMaxSurge(surge),
    surgeNodes: surgeNodes(f.maxNodesWithSurge, surge),
    maxNodes: f.maxNodesWithSurge,
    maxPods: f.maxPodsWithSurge,
    limitedBy: f.limitedByWithSurge,
  };
}

function podSubnetNeeded(f: Fit): CompareRow["podSubnetNeeded"] {
  const addressesNeeded = f.maxNodes * f.perNode.podSubnet;
  const prefixLength =
    f.perNode.podSubnetBlocks > 0
      ? staticPodSubnetPrefixLength(f.maxNodes * f.perNode.podSubnetBlocks)
      : subnetPrefixLength(addressesNeeded);
  return { addressesNeeded, prefixLength: prefixLength ?? null };
}

interface RowContext {
  readonly input: CompareInput;
  readonly nodeSubnet: Prefix;
  readonly podCidr: Prefix;
  readonly surge: MaxSurge;
  readonly alternative: MaxSurge | undefined;
  readonly tier: SkuTier;
}

function compareRow(ctx: RowContext, model: ModelId, dataplane: DataplaneId | null): CompareRow {
  const { input, surge, alternative } = ctx;
  const maxPods = input.maxPods ?? defaultMaxPods(model).value;
  const base = {
    model,
    nodeSubnet: ctx.nodeSubnet,
    podCidr: ctx.podCidr,
    podSubnet: input.podSubnet,
    maxPods,
    reserved: input.reserved,
    tier: ctx.tier,
  };
  const f = fits({ ...base, maxSurge: surge });
  const alt = alternative ? fits({ ...base, maxSurge: alternative }) : undefined;
  const fallback = surgeAboveFallback(surge) ? fits({ ...base, maxSurge: FALLBACK_SURGE }) : undefined;
  const kind = podRangeKind(model);
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
    withSurge: surgeCapacity(f, surge),
    withAlternativeSurge: alt && alternative ? surgeCapacity(alt, alternative) : null,
    withFallbackSurge:
      fallback && fallback.maxNodesWithSurge > f.maxNodesWithSurge
        ? {
            ...surgeCapacity(fallback, FALLBACK_SURGE),
            fromKubernetes: FALLBACK_FROM,
            applies: fallbackApplies(input.kubernetesVersion),
            documentedForSubnet: FALLBACK_ON_ADDRESS_SHORTAGE,
          }
        : null,
    limits: f.limits.map((l) => ({
      resource: l.resource,
      maxNodes: l.maxNodes,
      maxNodesWithSurge: l.maxNodesWithSurge,
    })),
    podSubnetNeeded: kind === "pod-subnet" && !input.podSubnet ? podSubnetNeeded(f) : null,
    features: features(model, dataplane),
  };
}

/** Compares every model (and dataplane) on one node subnet and pod range. */
export function compare(input: CompareInput = {}): CompareResult {
  if (typeof input !== "object" || input === null) {
    const message = `compare's input must be an object such as { nodeSubnet, maxPods }, not ${describeValue(input)}`;
    return {
      assumptions: {},
      models: [],
      problems: [{ severity: "error", code: "invalid-input", field: "", message }],
    };
  }
  const problems = compareProblems(input);
  if (problems.some((p) => p.severity === "error")) return { assumptions: {}, models: [], problems };
  const nodeSubnet = input.nodeSubnet ?? parsePrefix(EXAMPLE_NODE_SUBNET);
  const podCidr = input.podCidr ?? parsePrefix(DEFAULT_CIDRS.podCidr.value);
  const {
    surge,
    assumption: surgeA,
    alternative,
  } = surgeAssumption(input.maxSurge, input.kubernetesVersion, input.maxUnavailable);
  const { tier, assumption: tierA } = tierAssumption(input.tier);
  const models = input.models ?? MODEL_IDS;
  const ctx: RowContext = { input, nodeSubnet, podCidr, surge, alternative, tier };
  const rows = modelDataplanes(models).map(({ model, dataplane }) => compareRow(ctx, model, dataplane));
  const assumptions = compareAssumptions(input, nodeSubnet, podCidr, models, surgeA, tierA, rows);
  return { assumptions: relevantAssumptions(assumptions, models), models: rows, problems };
}

function nodeSubnetAssumption(input: CompareInput, nodeSubnet: Prefix): Assumption {
  return input.nodeSubnet
    ? {
        value: nodeSubnet.toString(),
        origin: "given",
        note: AZURE_RESERVED_NOTE,
        sources: sourceUrls(AZURE_SUBNET.reservedPerSubnet),
      }
    : {
        value: nodeSubnet.toString(),
        origin: "default",
        note:
          `the /24 of Microsoft's examples (251 kubenet nodes; 8 Node Subnet nodes at 30 pods); ` +
          `${AZURE_RESERVED_NOTE}`,
        sources: sourceUrls(EXAMPLE_NODE_SUBNET_BITS, AZURE_SUBNET.reservedPerSubnet),
      };
}

function podCidrAssumption(input: CompareInput, podCidr: Prefix): Assumption {
  const overlay = MODELS["azure-cni-overlay"];
  return input.podCidr
    ? {
        value: podCidr.toString(),
        origin: "given",
        note: "kubenet and Overlay: one /24 per node, whatever max pods is",
        sources: urls(overlay.podAddressing.source),
      }
    : {
        value: podCidr.toString(),
        origin: "default",
        note: "AKS's default pod CIDR for kubenet and Overlay; one /24 per node, whatever max pods is",
        sources: urls(DEFAULT_CIDRS.podCidr.source),
      };
}

function podSubnetAssumption(input: CompareInput): Assumption {
  const podSubnetModel = MODELS["azure-cni-pod-subnet-dynamic"];
  return input.podSubnet
    ? {
        value: input.podSubnet.toString(),
        origin: "given",
        note: "the pod subnet of both pod-subnet models",
        sources: urls(podSubnetModel.podAddresses.source),
      }
    : {
        value: null,
        origin: "derived",
        note:
          "no --pod-subnet: the pod subnet is taken to be large enough, so only the node subnet limits the " +
          "pod-subnet models; podSubnetNeeded gives the smallest pod subnet for their node count",
        sources: [],
      };
}

function surgeCountingAssumption(): Assumption {
  return {
    value: null,
    origin: "derived",
    note:
      `with surge: the most nodes N such that N plus the surge nodes for N fit, the nodes counted as one pool ` +
      `(a surge count is per pool: with several pools, count it once per pool); a surge count is capped at N; ` +
      `surge nodes count against the cluster's node limit too (at the limit an upgrade cannot surge); from ` +
      `Kubernetes ${FALLBACK_FROM}, a surge that fails for quota or capacity is retried with one node ` +
      `(withFallbackSurge assumes a subnet without room for the surge is retried too: no page says so; its ` +
      `documentedForSubnet says whether one does)`,
    sources: sourceUrls(
      UPGRADE.surgeRounding,
      UPGRADE.surgeCountsAgainstClusterLimit,
      UPGRADE.surgeFallbackToOneFrom,
      UPGRADE.surgeFallbackOnAddressShortage,
    ),
  };
}

function compareAssumptions(
  input: CompareInput,
  nodeSubnet: Prefix,
  podCidr: Prefix,
  models: readonly ModelId[],
  surgeA: Assumption,
  tierA: Assumption,
  rows: readonly CompareRow[],
): Record<string, Assumption> {
  const assumptions: Record<string, Assumption> = {
    nodeSubnet: nodeSubnetAssumption(input, nodeSubnet),
    podCidr: podCidrAssumption(input, podCidr),
    podSubnet: podSubnetAssumption(input),
    maxPods: maxPodsAssumption(input.maxPods, models),
    maxSurge: surgeA,
    tier: tierA,
    surgeCounting: surgeCountingAssumption(),
    dynamicAllocation: dynamicAllocationAssumption(),
    staticBlocks: staticBlocksAssumption(),
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
      note: `decides the default max surge and whether AKS falls back to one surge node (from ${FALLBACK_FROM})`,
      sources: [],
    };
  if (input.reserved)
    assumptions["reserved"] = {
      value: input.reserved,
      origin: "given",
      note: "node-subnet addresses other tenants take",
      sources: sourceUrls(SUBNET_KINDS.internalLoadBalancers.unitUse, SUBNET_KINDS.privateEndpoints.unitUse),
    };
  return assumptions;
}
