/**
 * `size`: what is needed. For target node pools (nodes or autoscaler maximum, max pods, surge or max
 * unavailable) and other node-subnet tenants, each model's addresses and smallest prefix for the node subnet,
 * pod subnet and pod CIDR, the platform limits the target would break (findings, not exceptions), and from
 * Kubernetes 1.35 the smaller room an upgrade still completes in with AKS's one-node fallback surge.
 * Input is checked first: a bad input returns problems and no rows.
 */
import {
  MODEL_IDS,
  MODELS,
  modelFactsOf,
  type DataplaneId,
  type KubernetesVersion,
  type MaxSurge,
  type ModelId,
  type SkuTier,
} from "../../kb/index.js";
import { surgeAssumption, tierAssumption, type Assumption } from "./assumptions.js";
import { modelDataplanes } from "./compare.js";
import { InputChecker, MAX_INPUT_NODES, type CapacityProblem } from "./input-problems.js";
import { podRangeKind } from "./per-node.js";
import {
  nodeSubnetAddressesNeeded,
  podCidrBlocksNeeded,
  podSubnetAddressesNeeded,
  podSubnetBlocksNeeded,
  poolNeeds,
  type PoolTarget,
  type Tenants,
} from "./pools.js";
import { podCidrPrefixLength, staticPodSubnetPrefixLength, subnetPrefixLength } from "./range-capacity.js";
import { sizeAssumptions } from "./size-assumptions.js";
import { sizeProblems, type SizeProblem } from "./size-problems.js";
import { formatMaxSurge } from "./surge.js";
import {
  FALLBACK_FROM,
  FALLBACK_ON_ADDRESS_SHORTAGE,
  FALLBACK_SURGE,
  fallbackApplies,
  surgeAboveFallback,
} from "./upgrade-fallback.js";

export { sizeProblems, type SizeProblem } from "./size-problems.js";

export interface SizePool {
  readonly name: string;
  /** The nodes to reserve for: count, or the autoscaler's maxCount. */
  readonly nodes: number;
  readonly maxPods?: number | undefined;
  /** The pool's max surge; the default for the Kubernetes version when absent. */
  readonly maxSurge?: MaxSurge | undefined;
  /** Nodes upgraded in place at a time; above 0 with max surge 0 the pool needs no surge addresses. */
  readonly maxUnavailable?: MaxSurge | undefined;
  /** A Spot pool: AKS upgrades it without surge nodes, so max surge 0 needs no max unavailable (kb SPOT_POOL). */
  readonly spot?: boolean | undefined;
}

export interface SizeInput {
  readonly pools: readonly SizePool[];
  readonly tenants?: Tenants | undefined;
  readonly models?: readonly ModelId[] | undefined;
  readonly kubernetesVersion?: KubernetesVersion | undefined;
  /** The pricing tier; the API default (Free, 1,000 nodes) when absent. Nodes past it are a warning. */
  readonly tier?: SkuTier | undefined;
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
  /**
   * The least an upgrade still completes in from Kubernetes 1.35: every pool surging one node (AKS's fallback,
   * documented for quota or capacity failures, read as covering a subnet without room for the surge: no page says
   * so), when some pool's surge is more than one node.
   */
  readonly withFallbackSurge:
    | (Needs & {
        readonly maxSurge: string;
        readonly fromKubernetes: string;
        readonly applies: boolean | null;
        /** Whether a page says the fallback covers a subnet without room for the surge (false: aksnet's reading). */
        readonly documentedForSubnet: boolean;
      })
    | null;
  readonly problems: readonly SizeProblem[];
}

export interface SizeResult {
  readonly assumptions: Readonly<Record<string, Assumption>>;
  readonly models: readonly SizeRow[];
  /** Errors in the input (then `models` is empty). */
  readonly problems: readonly CapacityProblem[];
}

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
      blocksNeeded: modelFactsOf(model)?.podAddressing.value.kind === "pod-subnet-block" ? blocks : null,
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

/** The input's problems; any of them stops the sizing. */
export function sizeInputProblems(input: SizeInput): CapacityProblem[] {
  const c = new InputChecker();
  if (!Array.isArray(input?.pools) || input.pools.length === 0) {
    c.problems.push({
      severity: "error",
      code: "invalid-input",
      field: "pools",
      message: "pools is empty; give at least one pool: { name, nodes }",
    });
    return c.problems;
  }
  input.pools.forEach((p, i) => {
    const at = `pools[${i}]`;
    if (typeof p?.name !== "string" || p.name === "")
      c.problems.push({
        severity: "error",
        code: "invalid-input",
        field: `${at}.name`,
        message: `${at}.name must be a non-empty string`,
      });
    c.count(`${at}.nodes`, p?.nodes ?? Number.NaN, 0, MAX_INPUT_NODES, "nodes to reserve addresses for");
    c.maxPods(`${at}.maxPods`, p?.maxPods);
    c.nodeSetting(`${at}.maxSurge`, p?.maxSurge);
    c.nodeSetting(`${at}.maxUnavailable`, p?.maxUnavailable);
  });
  const t = input.tenants ?? {};
  c.addresses("tenants.internalLoadBalancerIps", t.internalLoadBalancerIps);
  c.addresses("tenants.privateEndpoints", t.privateEndpoints);
  c.addresses("tenants.other", t.other);
  c.models("models", input.models);
  c.version("kubernetesVersion", input.kubernetesVersion);
  c.tier("tier", input.tier);
  return c.problems;
}

interface SizeContext {
  readonly input: SizeInput;
  readonly pools: readonly PoolTarget[];
  /** The pools with the alternative default surge, when a pool takes the default and the sources disagree on it. */
  readonly altPools: readonly PoolTarget[] | undefined;
  readonly alternative: MaxSurge | undefined;
  /** The pools with AKS's fallback surge of one node, when a pool's surge is above it. */
  readonly fallback: readonly PoolTarget[] | undefined;
  readonly surge: MaxSurge;
  readonly tier: SkuTier;
}

/** One model's row: its needs for the pools, with the alternative and fallback surges. */
function modelRow(ctx: SizeContext, model: ModelId): Omit<SizeRow, "dataplane"> {
  const { input, pools, altPools, alternative, fallback, surge, tier } = ctx;
  const tenants = input.tenants ?? {};
  const need = needs(model, pools, tenants);
  const resolved = poolNeeds(model, pools);
  return {
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
    withFallbackSurge: fallback
      ? {
          maxSurge: formatMaxSurge(FALLBACK_SURGE),
          fromKubernetes: FALLBACK_FROM,
          applies: fallbackApplies(input.kubernetesVersion),
          documentedForSubnet: FALLBACK_ON_ADDRESS_SHORTAGE,
          ...needs(model, fallback, tenants),
        }
      : null,
    problems: sizeProblems(model, pools, need, { tier }),
  };
}

/** Sizes every model (and dataplane) for the target pools. */
export function size(input: SizeInput): SizeResult {
  const problems = sizeInputProblems(input);
  if (problems.length > 0) return { assumptions: {}, models: [], problems };
  const models = input.models ?? MODEL_IDS;
  const allSurges = input.pools.every((p) => p.maxSurge !== undefined);
  const {
    surge,
    assumption: surgeA,
    alternative,
  } = surgeAssumption(allSurges ? input.pools[0]?.maxSurge : undefined, input.kubernetesVersion);
  const { tier, assumption: tierA } = tierAssumption(input.tier);
  const pools: PoolTarget[] = input.pools.map((p) => ({
    name: p.name,
    nodes: p.nodes,
    maxPods: p.maxPods,
    maxSurge: p.maxSurge ?? surge,
    maxUnavailable: p.maxUnavailable,
    ...(p.spot ? { spot: true } : {}),
  }));
  const altPools =
    alternative && input.pools.some((p) => p.maxSurge === undefined)
      ? input.pools.map((p, i) => ({ ...(pools[i] as PoolTarget), maxSurge: p.maxSurge ?? alternative }))
      : undefined;
  const fallback = pools.some((p) => surgeAboveFallback(p.maxSurge))
    ? pools.map((p) => (surgeAboveFallback(p.maxSurge) ? { ...p, maxSurge: FALLBACK_SURGE } : p))
    : undefined;
  const ctx: SizeContext = { input, pools, altPools, alternative, fallback, surge, tier };
  const perModel = new Map(models.map((model) => [model, modelRow(ctx, model)]));
  const rows = modelDataplanes(models).map(({ model, dataplane }): SizeRow => ({
    ...(perModel.get(model) as Omit<SizeRow, "dataplane">),
    dataplane,
  }));
  return {
    assumptions: sizeAssumptions(input, models, allSurges, surgeA, tierA, fallback !== undefined),
    models: rows,
    problems: [],
  };
}
